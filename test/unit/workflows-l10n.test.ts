// Every string the workflow commands localize is in both l10n bundles, with the same placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { PASSWORD_RULE } from '../../src/workflows/instanceLaunch';

const root = join(__dirname, '../..');
const bundle = (name: string) => JSON.parse(readFileSync(join(root, 'l10n', name), 'utf8')) as Record<string, string>;
const FILES = [
  'createRole.ts', 'grantKmsAccess.ts', 'attachRole.ts', 'detachRole.ts', 'replaceRole.ts', 'createInstanceWithRole.ts', 'generateTrustPolicy.ts',
  ...readdirSync(join(root, 'src/commands/wizard')).map((f) => `wizard/${f}`),
];

function keys(): string[] {
  const out = new Set<string>();
  for (const file of FILES) {
    const path = join(root, 'src/commands', file);
    const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      // vscode.l10n.t in commands; c.l10n.t / l10n.t in the vscode-free wizard steps (the same function, passed in).
      if (ts.isCallExpression(n) && /^(?:\w+\.)?l10n\.t$/.test(n.expression.getText(sf))) {
        const first = n.arguments[0];
        // The one non-literal call localizes a policy Problem (its template is checked by policy-l10n.test.ts).
        if (first && ts.isStringLiteralLike(first)) out.add(first.text);
        else assert.match(n.getText(sf), /^(vscode\.)?l10n\.t\(problem\.template, \.\.\.problem\.args\)$/, `${file}: l10n.t takes a literal`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  for (const lead of ['The password has {0} characters.', 'The password contains a character ECS does not accept.', 'The password starts with /.', 'The password uses only {0} kinds of characters.']) {
    out.add(`${lead} ${PASSWORD_RULE}`);
  }
  return [...out];
}

const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

test('the workflow commands\' strings are in the English and Chinese bundles', () => {
  const found = keys();
  assert.ok(found.length > 100, `found ${found.length}`);
  const en = bundle('bundle.l10n.json');
  const zh = bundle('bundle.l10n.zh-cn.json');
  for (const key of found) {
    assert.equal(en[key], key, `English bundle: ${key}`);
    assert.ok(zh[key] && zh[key] !== key, `Chinese bundle: ${key}`);
    assert.deepEqual(placeholders(zh[key]), placeholders(key), `placeholders of ${key}`);
  }
  console.log(`workflow l10n: ${found.length} strings checked in both bundles`);
});
