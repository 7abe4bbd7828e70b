import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const FILES = ['src/commands/insertSnippet.ts', 'src/linter/accessKeyLinter.ts'];

/** Every string passed to vscode.l10n.t in the snippet command and the linter. */
function localizedStrings(): string[] {
  return FILES.flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'")),
  );
}

test('every user-facing string of the snippet command and the linter has an English and a Chinese entry', () => {
  const strings = localizedStrings();
  assert.ok(strings.length > 20, `found only ${strings.length} strings`);
  for (const bundle of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json']) {
    const entries = JSON.parse(readFileSync(join(root, bundle), 'utf8')) as Record<string, string>;
    for (const text of strings) {
      assert.ok(typeof entries[text] === 'string' && entries[text].length > 0, `${bundle} lacks "${text}"`);
      // placeholders survive translation
      for (const placeholder of text.match(/\{\d\}/g) ?? []) assert.ok(entries[text].includes(placeholder), `${bundle}: ${placeholder} in "${text}"`);
    }
  }
});

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
