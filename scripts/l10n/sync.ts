// `npm run l10n`: rewrites l10n/bundle.l10n.json (English: every key the code can ask for, in a stable
// order) from @vscode/l10n-dev's string export plus the keys only extract.ts finds (see libraryExport.ts),
// and prints the keys that still lack a Chinese entry in l10n/bundle.l10n.zh-cn.json, plus the Chinese
// entries nothing uses. The translation itself is by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractKeys, ROOT } from './extract';
import { libraryExport } from './libraryExport';

async function main(): Promise<void> {
  const file = (name: string) => join(ROOT, 'l10n', name);
  const library = Object.keys(await libraryExport());
  const ours = extractKeys().keys.map((k) => k.key);
  const used = [...new Set([...library, ...ours])];
  const zh = JSON.parse(readFileSync(file('bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  // Chinese bundle order first (so the two files line up), then new keys in source order.
  const ordered = [...Object.keys(zh).filter((k) => used.includes(k)), ...used.filter((k) => !(k in zh))];
  writeFileSync(file('bundle.l10n.json'), `${JSON.stringify(Object.fromEntries(ordered.map((k) => [k, k])), null, 2)}\n`);
  const missing = used.filter((k) => !(k in zh));
  const unused = Object.keys(zh).filter((k) => !used.includes(k));
  console.log(`bundle.l10n.json: ${ordered.length} keys written (${library.length} from @vscode/l10n-dev's export, the rest from key producers, the hint catalog and computed keys)`);
  if (missing.length) console.log(`missing in bundle.l10n.zh-cn.json (${missing.length}):\n${JSON.stringify(Object.fromEntries(missing.map((k) => [k, ''])), null, 2)}`);
  if (unused.length) console.log(`unused in bundle.l10n.zh-cn.json (${unused.length}):\n${unused.join('\n')}`);
}

void main();
