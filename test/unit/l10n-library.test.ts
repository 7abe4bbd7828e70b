// @vscode/l10n-dev (Microsoft's l10n tooling) as a second reader of src/: its string export finds nothing
// our extractor (scripts/l10n/extract.ts) misses and nothing untranslated; its pseudo-localization covers
// every string of both bundles, so a run with --locale=qps-ploc shows any text that bypasses l10n.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractKeys, placeholders, ROOT } from '../../scripts/l10n/extract';
import { libraryExport, pseudoLocalized } from '../../scripts/l10n/libraryExport';

const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string | { message: string; comment: string[] }>;
const text = (v: string | { message: string }) => (typeof v === 'string' ? v : v.message);

test('the library\'s string export of src/ is a subset of our keys, and each has a Chinese entry', async () => {
  const library = Object.keys(await libraryExport());
  const ours = new Set(extractKeys().keys.map((k) => k.key));
  const zh = readJson('l10n/bundle.l10n.zh-cn.json');
  assert.ok(library.length > 200, `the library found the literal keys (${library.length})`);
  assert.deepEqual(library.filter((k) => !ours.has(k)), [], 'keys @vscode/l10n-dev finds that scripts/l10n/extract.ts misses');
  assert.deepEqual(library.filter((k) => !zh[k]), [], 'keys @vscode/l10n-dev finds with no Chinese entry');
  console.log(`    @vscode/l10n-dev: ${library.length} literal keys; extract.ts adds ${ours.size - library.length} (producers, hint catalog, computed keys)`);
});

test('pseudo-localization changes every string of both bundles and keeps its placeholders', () => {
  for (const file of ['l10n/bundle.l10n.json', 'package.nls.json']) {
    const english = readJson(file);
    const pseudo = pseudoLocalized(english);
    const bad = Object.entries(english).filter(([key, value]) => {
      const p = pseudo[key];
      const shown = p === undefined ? undefined : text(p);
      // A string with letters must look different; placeholders must survive for the arguments to show.
      return shown === undefined || (/[a-z]{2}/i.test(text(value)) && shown === text(value)) || placeholders(shown).join() !== placeholders(text(value)).join();
    }).map(([key]) => key);
    assert.deepEqual(bad.slice(0, 10), [], `${file}: strings the pseudo bundle would not reveal`);
  }
});
