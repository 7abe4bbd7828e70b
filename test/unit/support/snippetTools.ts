// Runs the Python and Go snippets through their own languages' front ends, and decides what a missing
// tool means: on a developer's machine a skip that says what to install; in CI (CI=true) a failure,
// because there the project's setup (test/host/install.ts --packages) has installed python3 and golang-go.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SnippetTool {
  readonly command: 'python3' | 'gofmt';
  readonly debianPackage: 'python3' | 'golang-go';
}

export const PYTHON3: SnippetTool = { command: 'python3', debianPackage: 'python3' };
export const GOFMT: SnippetTool = { command: 'gofmt', debianPackage: 'golang-go' };

/**
 * undefined: run the check. A string: skip with this message. Throws in CI, where a check that silently
 * did not run would read as green.
 */
export function toolGate(tool: SnippetTool, found: boolean, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (found) return undefined;
  const message =
    `${tool.command} is not on PATH, so the snippets were not checked with it: install Debian's ${tool.debianPackage} ` +
    `(as root: npx tsx test/host/install.ts --packages; otherwise: sudo apt-get install -y ${tool.debianPackage})`;
  if (env.CI === 'true') throw new Error(`${message}. In CI this check must run.`);
  return message;
}

export function isOnPath(command: string): boolean {
  const probe = spawnSync(command, command === 'gofmt' ? ['-l', '/dev/null'] : ['--version'], { encoding: 'utf8' });
  return !(probe.error && (probe.error as NodeJS.ErrnoException).code === 'ENOENT');
}

export interface ToolResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Writes `files` into a fresh folder and runs `command args... <files>` there. */
export function runOnFiles(command: string, args: readonly string[], files: Record<string, string>, stdin?: string): ToolResult {
  const dir = mkdtempSync(join(tmpdir(), 'snippets-tool-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });
    const result = spawnSync(command, [...args, ...paths], { encoding: 'utf8', cwd: dir, input: stdin });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A small name check for a Python module, run by python3 itself (ast): every name read is imported,
 * defined, assigned or a builtin, and every import is used. py_compile accepts a module that uses
 * `base64` without importing it; this does not. One problem per line, file name first.
 */
export const PYTHON_NAME_CHECK = String.raw`
import ast, builtins, sys
for path in sys.argv[1:]:
    tree = ast.parse(open(path, encoding='utf-8').read(), path)
    defined, imported, loaded = set(dir(builtins)), {}, set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                imported[(alias.asname or alias.name).split('.')[0]] = node.lineno
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else defined).add(node.id)
    name = path.rsplit('/', 1)[-1]
    for missing in sorted(loaded - defined - set(imported)):
        print(f'{name}: {missing} is used but neither imported nor defined')
    for unused in sorted(set(imported) - loaded):
        print(f'{name}: import {unused} is not used')
`;
