// Starts and stops code-server (the offline VS Code host, TEST-HOST.md) for the extension-host and e2e tiers.
// Each server runs as its OWN process tree (a process group on POSIX) with private HOME/XDG/TMPDIR folders,
// and the whole tree is killed when stopped, on exit, on Ctrl+C: every browser connection leaves an
// extension host behind.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostPurpose } from './hostPlan';
import { ensureHost } from './install';
import { inheritedEnv, killTree, spawnTree, stopTree } from './processes';
import { userSettingsJson } from './userSettings';

export interface CodeServerOptions {
  /** Extra environment for code-server and so for the extension host (e.g. the emulator's address). */
  readonly env?: Readonly<Record<string, string>>;
  /** Merged over test/host/settings.json into the test user's settings. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Packaged extensions (.vsix) installed into the private extensions folder before the start. */
  readonly installExtensions?: readonly string[];
  /** Receives code-server's own output lines (default: printed only when the server fails to start). */
  readonly onOutput?: (line: string) => void;
  /**
   * Workspace Trust on, and the workspace left untrusted (Restricted Mode), for the untrusted-workspace
   * tests. Default: trust disabled (`--disable-workspace-trust`), so every workspace is trusted.
   */
  readonly untrustedWorkspace?: boolean;
  /** Smoke-test-driver mode (the `payload` URL parameter; toasts go to the Notifications Center). Default true; the demo turns it off. */
  readonly testDriver?: boolean;
  /** UI language of VS Code and the extension, e.g. `zh-cn`. */
  readonly locale?: string;
  /** A fixed port (default: a free one). */
  readonly port?: number;
  /** `demo`: the user opens the URL in their own browser, so the host setup needs none (default `tests`). */
  readonly purpose?: HostPurpose;
}

export interface RunningCodeServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT`: the origin the workbench must be opened with (payload authorities match it). */
  readonly origin: string;
  /** An empty folder to open as the workspace. */
  readonly workspaceDir: string;
  /** Kills the whole process group and removes the private folders. Safe to call twice. */
  stop(): Promise<void>;
}

/** Each running server's synchronous last-resort cleanup: kill its tree, remove its private folders. */
const running = new Map<ChildProcess, () => void>();

function killAll(): void {
  for (const cleanup of running.values()) cleanup();
  running.clear();
}

// Last resort: whatever way this process ends, no code-server tree (nor its folders) survives it.
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`[host] ${signal}: stopping code-server`);
    killAll();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function healthy(origin: string): Promise<boolean> {
  return new Promise((resolveHealth) => {
    const request = get(`${origin}/healthz`, (response) => {
      response.resume();
      resolveHealth(response.statusCode === 200);
    });
    request.on('error', () => resolveHealth(false));
    request.setTimeout(2000, () => request.destroy());
  });
}

/** Private folders so nothing is written to the user's home, and a clean profile every run. */
function makeRunDirs(settings: Readonly<Record<string, unknown>> | undefined) {
  const root = mkdtempSync(join(tmpdir(), 'alicloud-kms-host-'));
  const dirs = {
    root,
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    workspace: join(root, 'workspace'),
    config: join(root, 'config.yaml'),
  };
  for (const dir of [dirs.home, dirs.tmp, dirs.extensions, dirs.workspace, join(dirs.userData, 'User'), join(dirs.userData, 'Machine')]) {
    mkdirSync(dir, { recursive: true });
  }
  const merged = userSettingsJson(settings);
  // code-server keeps the browser user's settings on the server; machine-scoped settings are read from Machine/.
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), merged);
  writeFileSync(join(dirs.userData, 'Machine', 'settings.json'), merged);
  writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

function privateEnv(dirs: ReturnType<typeof makeRunDirs>, extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  return {
    ...inheritedEnv(),
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    XDG_STATE_HOME: join(dirs.home, '.local', 'state'),
    XDG_RUNTIME_DIR: join(dirs.tmp, 'runtime'),
    ...extra,
  };
}

/**
 * VS Code resolves `--locale` only through a language pack listed in the user data's languagepacks.json;
 * none can be downloaded offline. An entry whose translation of VS Code itself is empty makes VS Code
 * run in that locale (vscode.env.language), so extensions — this one — show their own translations
 * (package.nls.<locale>.json, l10n bundles) while VS Code's own UI stays English.
 */
function registerLocale(userData: string, root: string, locale: string): void {
  const translations = join(root, `vscode-${locale}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  const packs = {
    [locale]: {
      hash: `offline-${locale}`,
      extensions: [{ extensionIdentifier: { id: `offline.language-pack-${locale}` }, version: '0.0.0' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify(packs));
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  const host = await ensureHost(options.purpose);
  const trustSettings = options.untrustedWorkspace
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false }
    : {};
  const dirs = makeRunDirs({ ...options.settings, ...trustSettings });
  if (options.locale && options.locale !== 'en') registerLocale(dirs.userData, dirs.root, options.locale);
  const env = privateEnv(dirs, options.env);
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', dirs.config];

  for (const vsix of options.installExtensions ?? []) {
    const result = spawnSync(host.node, [host.codeServerEntry, ...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) {
      rmSync(dirs.root, { recursive: true, force: true });
      throw new Error(`code-server --install-extension ${vsix} failed:\n${result.stdout}${result.stderr}`);
    }
  }

  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    host.codeServerEntry, ...common,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', ...(options.untrustedWorkspace ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened',
    // Only in smoke-test-driver mode does the workbench honour the `payload` URL parameter.
    ...(options.testDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
    ...(options.locale ? ['--locale', options.locale] : []),
  ];
  // Its own process tree (a new process group on POSIX), so it can be killed as a whole.
  const child = spawnTree(host.node, args, { env, cwd: dirs.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  const removeDirs = () => {
    // maxRetries: on Windows a just-killed process may hold its files for a moment.
    if (!process.env.ALICLOUD_KMS_KEEP_HOST_DIRS) rmSync(dirs.root, { recursive: true, force: true, maxRetries: 5 });
  };
  running.set(child, () => {
    killTree(child, true);
    removeDirs();
  });
  const output: string[] = [];
  const onLine = (chunk: Buffer) => {
    for (const line of chunk.toString().split(/\r?\n/).filter(Boolean)) {
      output.push(line);
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', onLine);
  child.stderr?.on('data', onLine);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // Helpers (extension hosts, file watchers) may ignore SIGTERM or outlive the main process.
    await stopTree(child);
    running.delete(child);
    removeDirs();
  };

  const deadline = Date.now() + 60_000;
  while (!(await healthy(origin))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start on ${origin}:\n${output.join('\n')}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { port, origin, workspaceDir: dirs.workspace, stop };
}
