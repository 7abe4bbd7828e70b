// `npm run l10n:pseudo`: writes pseudo-localized bundles (locale qps-ploc, from @vscode/l10n-dev) next to
// the real ones. Start VS Code with `--locale=qps-ploc` (the pseudo language pack may be needed for the
// workbench itself): every text of this extension that is NOT accented was not localized. The files are
// ignored by git and left out of the .vsix.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './extract';
import { pseudoLocalized } from './libraryExport';

for (const [source, target] of [['l10n/bundle.l10n.json', 'l10n/bundle.l10n.qps-ploc.json'], ['package.nls.json', 'package.nls.qps-ploc.json']]) {
  const bundle = pseudoLocalized(JSON.parse(readFileSync(join(ROOT, source), 'utf8')));
  writeFileSync(join(ROOT, target), `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`${target}: ${Object.keys(bundle).length} pseudo-localized strings`);
}
