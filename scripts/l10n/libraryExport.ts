// The string export of @vscode/l10n-dev (Microsoft's tool for vscode.l10n bundles) over src/, and its
// pseudo-localization. The library finds every literal `vscode.l10n.t('…')` / `l10n.t({ message, comment })`
// call; extract.ts adds only what it lacks: keys of the pure modules' key producers (problem(), text()…),
// the hint catalog's keys, keys chosen by `a ? 'x' : 'y'` / `x ?? 'fallback'` or built from constants,
// and the list of call sites whose key travels in a variable (each must be explained in the l10n test).
import { getL10nJson, getL10nPseudoLocalized, type l10nJsonFormat } from '@vscode/l10n-dev';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './extract';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The library's export of every literal l10n.t key in src/. */
export async function libraryExport(srcDir = join(ROOT, 'src')): Promise<l10nJsonFormat> {
  return getL10nJson(sourceFiles(srcDir).map((file) => ({ contents: readFileSync(file, 'utf8'), extension: '.ts' })));
}

/** A pseudo-localized bundle (accented letters, placeholders kept): UI text shown without it is untranslated. */
export function pseudoLocalized(bundle: l10nJsonFormat): l10nJsonFormat {
  return getL10nPseudoLocalized(bundle);
}
