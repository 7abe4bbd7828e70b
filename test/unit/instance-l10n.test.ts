// The manifest strings of the instance commands are in both package.nls files. (Whether every code string
// of the instance features, including the Message templates of the pure modules, is translated is
// checked with all other code strings by l10n-coverage.test.ts, whose extractor knows text() and skipped().)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const COMMANDS = ['showInstanceCredential', 'copyInstanceCredential', 'refreshInstanceCredential', 'testEncrypt', 'testEncryptAsProfile', 'testSecretRead', 'diagnose'];

test('the manifest strings of the instance commands are in both package.nls files', () => {
  const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const zh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
  for (const key of [...COMMANDS.map((c) => `command.${c}`), 'config.defaultKey']) {
    assert.ok(en[key], `package.nls.json: ${key}`);
    assert.ok(zh[key] && zh[key] !== en[key], `package.nls.zh-cn.json: ${key}`);
  }
});
