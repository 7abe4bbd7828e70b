// Prints the folder import matrix of src/ (which top-level folder or file imports which, with counts) and
// exits non-zero on a cycle or an upward edge, per DESIGN.md "Dependency rules":
//   extension.ts/bootstrap/main.ts → commands → views → session/workflows/diagnosis → cloud/policy → SDKs,
//   util and commandIds at the bottom. Run by `npm run lint`; `tsx scripts/import-matrix.ts` alone prints it.
// Imports are read with the TypeScript compiler's pre-processor (static imports, `import type`, re-exports,
// require() and import() with a literal path), so a type-only import counts too: it is still an arrow.
// ESLint checks single arrows (no vscode in policy, no SDK outside cloud); this checks the whole graph.
import * as ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(__dirname, '..', 'src');

/**
 * The layer of every top-level folder and file of src/: 0 is the top. A unit may import units of its own
 * layer or below, never above; and no set of units may import each other in a circle.
 * language/ and linter/ are editor features (VS Code providers over policy/ and the AccessKey rules),
 * registered by main.ts like the trees: they sit beside views/. snippets/ holds pure templates (no vscode)
 * that commands fill: it sits beside policy/.
 */
const LAYERS: Readonly<Record<string, number>> = {
  extension: 0, bootstrap: 0, main: 0, extensionApi: 0,
  commands: 1,
  views: 2, language: 2, linter: 2,
  session: 3, workflows: 3, diagnosis: 3,
  cloud: 4, policy: 4, snippets: 4,
  util: 5, commandIds: 5,
};

/**
 * Edges allowed for a while during a planned move, printed as "allowed" with the reason. Empty: the one
 * allowance (instance -> commands, while src/instance was dissolved in issue 14) is gone with that folder.
 */
const TEMPORARY: { readonly layers: Readonly<Record<string, number>>; readonly edges: readonly string[]; readonly why: string } = {
  layers: {},
  edges: [],
  why: '',
};

export interface Edge { readonly from: string; readonly to: string; readonly count: number }
export interface Verdict { readonly edges: Edge[]; readonly upward: Edge[]; readonly cycles: string[][]; readonly allowed: Edge[]; readonly unknown: string[] }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `commands` for src/commands/x.ts, `main` for src/main.ts. */
function unitOf(file: string, root: string): string {
  const parts = relative(root, file).split(sep);
  return parts.length === 1 ? parts[0].replace(/\.tsx?$/, '') : parts[0];
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile()) ?? base;
}

/** Every cross-unit import of src/, counted per pair. */
export function importEdges(root = SRC): Edge[] {
  const counts = new Map<string, number>();
  for (const file of sourceFiles(root)) {
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    for (const { fileName } of imports) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveImport(file, fileName);
      if (!target || !target.startsWith(root + sep)) continue;
      const from = unitOf(file, root);
      const to = unitOf(target, root);
      if (from !== to) counts.set(`${from} -> ${to}`, (counts.get(`${from} -> ${to}`) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => {
    const [from, to] = key.split(' -> ');
    return { from, to, count };
  }).sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** Strongly connected components with more than one unit (Tarjan): each is a cycle of folders. */
function cyclesOf(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of new Set(edges.flatMap((e) => [e.from, e.to]))) if (!index.has(v)) visit(v);
  return out;
}

export function judge(edges: readonly Edge[], layers: Readonly<Record<string, number>> = LAYERS, temporary = TEMPORARY): Verdict {
  const layer = { ...layers, ...temporary.layers };
  const isAllowed = (e: Edge) => temporary.edges.includes(`${e.from} -> ${e.to}`);
  const allowed = edges.filter(isAllowed);
  const checked = edges.filter((e) => !isAllowed(e));
  const unknown = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((u) => layer[u] === undefined).sort();
  const upward = checked.filter((e) => layer[e.from] !== undefined && layer[e.to] !== undefined && layer[e.to] < layer[e.from]);
  return { edges: [...edges], upward, cycles: cyclesOf(checked), allowed, unknown };
}

function printMatrix(edges: readonly Edge[]): string {
  const units = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort((a, b) => (LAYERS[a] ?? TEMPORARY.layers[a] ?? 9) - (LAYERS[b] ?? TEMPORARY.layers[b] ?? 9) || a.localeCompare(b));
  const count = (from: string, to: string) => edges.find((e) => e.from === from && e.to === to)?.count;
  const width = Math.max(...units.map((u) => u.length)) + 3;
  const header = `${'row imports →'.padEnd(width)} | ${units.map((_, n) => String(n + 1).padStart(3)).join(' ')}`;
  const rows = units.map((from, n) => `${`${n + 1}`.padStart(2)} ${from.padEnd(width - 3)} | ${units.map((to) => String(count(from, to) ?? (from === to ? '·' : '')).padStart(3)).join(' ')}`);
  return [header, '-'.repeat(header.length), ...rows].join('\n');
}

function main(): number {
  // --strict: without any temporary allowance.
  const strict = process.argv.includes('--strict');
  const verdict = judge(importEdges(), LAYERS, strict ? { ...TEMPORARY, edges: [] } : TEMPORARY);
  console.log('Folder import matrix of src/ (row imports column; counts are import statements):');
  console.log(printMatrix(verdict.edges));
  for (const e of verdict.allowed) console.log(`allowed: ${e.from} -> ${e.to} (${e.count}) — ${TEMPORARY.why}`);
  const problems = [
    ...verdict.unknown.map((u) => `${u}: no layer in scripts/import-matrix.ts LAYERS (add it where DESIGN.md puts it)`),
    ...verdict.upward.map((e) => `upward edge: ${e.from} (layer ${LAYERS[e.from] ?? TEMPORARY.layers[e.from]}) imports ${e.to} (layer ${LAYERS[e.to] ?? TEMPORARY.layers[e.to]}) ${e.count}×`),
    ...verdict.cycles.map((c) => `cycle: ${c.join(' ↔ ')}`),
  ];
  for (const p of problems) console.error(`import-matrix: ${p}`);
  console.log(problems.length ? `${problems.length} problem(s)` : 'no cycle, no upward edge');
  return problems.length ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
