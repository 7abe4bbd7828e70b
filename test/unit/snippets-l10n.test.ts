import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
// Whether every string of the snippet command and the linter is translated is checked with all other
// code strings by l10n-coverage.test.ts; this file checks the manifest entries of the snippet feature.

test('the insert command and its settings are declared with localized titles', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'alicloudKms.insertSnippet');
  assert.deepEqual({ title: command.title, category: command.category }, { title: '%command.insertSnippet%', category: '%category%' });
  const properties = manifest.contributes.configuration.properties;
  for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const entries = JSON.parse(readFileSync(join(root, nls), 'utf8'));
    for (const key of ['command.insertSnippet', 'config.defaultRegion', 'config.defaultKey']) assert.ok(entries[key], `${nls}: ${key}`);
  }
  assert.equal(properties['alicloudKms.defaultRegion'].markdownDescription, '%config.defaultRegion%');
  assert.equal(properties['alicloudKms.defaultKey'].markdownDescription, '%config.defaultKey%');
});
