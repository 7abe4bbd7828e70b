// Every placeholder of every UI string is really filled in by VS Code. vscode.l10n.t formats with
// `template.replace(/{([^}]+)}/g, …)` (format2 in VS Code's strings.ts, read in the 1.139 extension host):
// a literal "{" earlier in the string (a JSON snippet such as { "Service": ["{0}"] }) starts a match that
// swallows the placeholder, and the user sees "{0}". Checked for the English keys and their Chinese values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholders, ROOT } from '../../scripts/l10n/extract';

/** What the extension host does with `vscode.l10n.t(message, ...args)`. */
function formatLikeVsCode(message: string, args: Record<string, string>): string {
  return message.replace(/{([^}]+)}/g, (match, name: string) => args[name] ?? match);
}

function unfilled(message: string): string[] {
  const args = Object.fromEntries(placeholders(message).map((p) => [p.slice(1, -1), `«arg${p.slice(1, -1)}»`]));
  return placeholders(formatLikeVsCode(message, args));
}

for (const file of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json']) {
  test(`${file}: VS Code fills in every placeholder`, () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string | { message: string }>;
    const broken = Object.entries(bundle).flatMap(([key, value]) => {
      const message = typeof value === 'string' ? value : value.message;
      return [key, message].filter((m) => unfilled(m).length > 0).map((m) => `${JSON.stringify(m)} leaves ${unfilled(m).join(' ')}`);
    });
    assert.deepEqual([...new Set(broken)], []);
  });
}

test('the check itself: a placeholder after a literal brace is reported, one before it is not', () => {
  assert.deepEqual(unfilled('add { "Service": ["{0}"] }'), ['{0}']);
  assert.deepEqual(unfilled('{0} then { "a": 1 }'), []);
});
