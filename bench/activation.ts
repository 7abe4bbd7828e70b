// Activation cost: require of the production bundle plus activate(), each sample in a fresh Node
// process (nothing in the require cache) with the vscode stand-in, against an empty extension
// measured the same way and interleaved with it, so machine load hits both alike.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { progress } from './progress';
import { summarize, type Summary } from './stats';

const ROOT = path.resolve(__dirname, '..');
const HARNESS = path.join(__dirname, 'harness');

export interface ActivationResult {
  readonly extension: Summary;
  readonly empty: Summary;
  /** require() alone of the bundle (the rest is activate()). */
  readonly extensionLoad: Summary;
  /** After activation: loading the implementation bundle (dist/main.js) and starting it, on first use. */
  readonly firstUse: Summary;
  readonly mainBundleBytes: number;
  readonly implementationBundleBytes: number;
  readonly vsixBytes: number;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/** `npm run package`: the production build (dist/extension.js minified) and the .vsix. */
export function buildPackage(): { mainBundleBytes: number; implementationBundleBytes: number; vsixBytes: number } {
  progress('npm run package (production build + vsce package)');
  run('npm', ['run', '--silent', 'package']);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
  // dist/extension.js is what VS Code loads at activation; dist/main.js is required on first use.
  const size = (name: string) => fs.statSync(path.join(ROOT, 'dist', name)).size;
  return { mainBundleBytes: size('extension.js'), implementationBundleBytes: size('main.js'), vsixBytes: fs.statSync(vsix).size };
}

function sample(main: string, home: string): { ms: number; loadMs: number; firstUseMs?: number } {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, USERPROFILE: home };
  const result = spawnSync(process.execPath, ['--require', path.join(HARNESS, 'registerVscode.cjs'), path.join(HARNESS, 'activateOnce.cjs'), main], {
    cwd: ROOT, env, encoding: 'utf8', timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(`activation sample of ${main} failed: ${result.stderr.trim().split('\n')[0]}`);
  return JSON.parse(result.stdout.trim()) as { ms: number; loadMs: number; firstUseMs?: number };
}

export function measureActivation(samples: number, warmup = 2): ActivationResult {
  const { mainBundleBytes, implementationBundleBytes, vsixBytes } = buildPackage();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-activation-'));
  const main = path.join(ROOT, 'dist', 'extension.js');
  const empty = path.join(HARNESS, 'empty-extension', 'extension.js');
  try {
    progress(`activation: ${warmup} warm-up + ${samples} samples each, interleaved, fresh process per sample`);
    for (let i = 0; i < warmup; i++) {
      sample(main, home);
      sample(empty, home);
    }
    const ext: number[] = [];
    const load: number[] = [];
    const firstUse: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < samples; i++) {
      const a = sample(main, home);
      ext.push(a.ms);
      load.push(a.loadMs);
      firstUse.push(a.firstUseMs ?? 0);
      base.push(sample(empty, home).ms);
    }
    return { extension: summarize(ext), empty: summarize(base), extensionLoad: summarize(load), firstUse: summarize(firstUse), mainBundleBytes, implementationBundleBytes, vsixBytes };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
