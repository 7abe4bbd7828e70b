// Every string the instance features localize is in both l10n bundles with the same placeholders:
// vscode.l10n.t literals, and the LocalText templates of the pure modules (text(...) and the reasons
// of skipped checklist lines), which the UI localizes with vscode.l10n.t(template, ...args).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '../..');
const bundle = (name: string) => JSON.parse(readFileSync(join(root, 'l10n', name), 'utf8')) as Record<string, string>;
const COMMANDS = ['showInstanceCredential', 'copyInstanceCredential', 'refreshInstanceCredential', 'testEncrypt', 'testEncryptAsProfile', 'testSecretRead', 'diagnose'];
/** Non-literal calls that localize a template held elsewhere (checked through that template). */
const DYNAMIC = new Set([
  'vscode.l10n.t(value.template, ...value.args)',
  'vscode.l10n.t(parsed.problem.template, ...parsed.problem.args)',
  'vscode.l10n.t(parsed.problem)',
]);
/** Keys whose Chinese text is the same (identifiers, a bare placeholder). */
const SAME_IN_CHINESE = new Set(['AccessKeyId', '{0}', 'alicloudKms.defaultKey']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function keys(): string[] {
  const out = new Set<string>();
  const sources = [...files(join(root, 'src/instance')), ...COMMANDS.map((c) => join(root, 'src/commands', `${c}.ts`))];
  for (const path of sources) {
    const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression.getText(sf);
        const first = n.arguments[0];
        if (callee === 'vscode.l10n.t') {
          if (first && ts.isStringLiteralLike(first)) out.add(first.text);
          else assert.ok(DYNAMIC.has(n.getText(sf)), `${path}: vscode.l10n.t takes a literal: ${n.getText(sf)}`);
        }
        if (callee === 'text' && first && ts.isStringLiteralLike(first)) out.add(first.text);
        const reason = n.arguments[2];
        if (callee === 'skipped' && reason && ts.isStringLiteralLike(reason)) out.add(reason.text);
      }
      if (ts.isVariableDeclaration(n) && n.name.getText(sf) === 'why' && n.initializer && ts.isStringLiteralLike(n.initializer)) out.add(n.initializer.text);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return [...out];
}

const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

test('the instance features\' strings are in the English and Chinese bundles', () => {
  const found = keys();
  assert.ok(found.length > 200, `found ${found.length}`);
  const en = bundle('bundle.l10n.json');
  const zh = bundle('bundle.l10n.zh-cn.json');
  for (const key of found) {
    assert.equal(en[key], key, `English bundle: ${key}`);
    assert.ok(zh[key], `Chinese bundle: ${key}`);
    if (!SAME_IN_CHINESE.has(key)) assert.notEqual(zh[key], key, `not translated: ${key}`);
    assert.deepEqual(placeholders(zh[key]), placeholders(key), `placeholders of ${key}`);
  }
  console.log(`instance l10n: ${found.length} strings checked in both bundles`);
});

test('the manifest strings of the instance commands are in both package.nls files', () => {
  const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const zh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
  for (const key of [...COMMANDS.map((c) => `command.${c}`), 'config.defaultKey']) {
    assert.ok(en[key], `package.nls.json: ${key}`);
    assert.ok(zh[key] && zh[key] !== en[key], `package.nls.zh-cn.json: ${key}`);
  }
});
