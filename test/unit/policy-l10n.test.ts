// Every message template of src/policy is an l10n key (the UI shows vscode.l10n.t(template, ...args)):
// each must be in both bundles, and the Chinese text must keep the same {n} placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const bundle = (name: string) => JSON.parse(readFileSync(join(root, 'l10n', name), 'utf8')) as Record<string, string>;

function templates(): string[] {
  const out = new Set<string>();
  const dir = join(root, 'src/policy');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const re = /(?:problem\(\s*(?:`[^`]*`|'[^']*')\s*,|(?:empty|tooLong|badCharacter):)\s*'((?:[^'\\]|\\.)*)'/g;
    for (const m of text.matchAll(re)) out.add(m[1].replace(/\\'/g, "'"));
  }
  return [...out];
}

const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

test('every policy message template is in the English and Chinese l10n bundles', () => {
  const found = templates();
  assert.ok(found.length > 70, `found ${found.length} templates`);
  const en = bundle('bundle.l10n.json');
  const zh = bundle('bundle.l10n.zh-cn.json');
  for (const t of [...found, '{0} (line {1}, column {2})']) {
    assert.equal(en[t], t, `English bundle: ${t}`);
    assert.ok(zh[t] && zh[t] !== t, `Chinese bundle: ${t}`);
    assert.deepEqual(placeholders(zh[t]), placeholders(t), `placeholders of ${t}`);
  }
});
