import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function tsFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    return statSync(full).isDirectory() ? tsFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

test('the templating and the AccessKey detection are pure: no vscode and no SDK import', () => {
  const pure = [...tsFiles(join(ROOT, 'src', 'snippets')), join(ROOT, 'src', 'linter', 'detect.ts'), join(ROOT, 'src', 'linter', 'quickFixes.ts')];
  assert.ok(pure.length >= 8, pure.join(', '));
  for (const file of pure) {
    const text = readFileSync(file, 'utf8');
    // real import statements only (the templates hold import lines inside strings)
    assert.doesNotMatch(text, /^import[^\n]*from\s+['"]vscode['"]|^[^'"`\n]*require\(\s*['"]vscode['"]\s*\)/m, relative(ROOT, file));
    assert.doesNotMatch(text, /^import[^\n]*from\s+['"]@alicloud\//m, relative(ROOT, file));
  }
});

test('every snippet, linter and command file stays under 400 lines', () => {
  const files = [...tsFiles(join(ROOT, 'src', 'snippets')), ...tsFiles(join(ROOT, 'src', 'linter')), join(ROOT, 'src', 'commands', 'insertSnippet.ts')];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n').length;
    assert.ok(lines < 400, `${relative(ROOT, file)} has ${lines} lines`);
  }
});
