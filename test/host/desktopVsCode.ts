// The demo in the user's own desktop VS Code: a temporary profile (--user-data-dir) and extensions
// folder (--extensions-dir) so nothing of theirs is touched, the packaged .vsix installed with the
// `code` CLI, the machine-scoped settings pointing at the emulator. In desktop VS Code machine-scoped
// settings are read from the user settings (User/settings.json; code-server's Machine/ folder is for
// remote hosts only). The window's executable is started directly, in its own process tree, so
// stop() closes exactly that window and its helpers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeServerOptions } from './codeServer';
import { inheritedEnv, killTree, spawnCommandSync, spawnTree, stopTree } from './processes';
import { userSettingsJson } from './userSettings';
import type { DesktopVsCode } from './vscodeSearch';

export interface DesktopDirs {
  readonly root: string;
  readonly userData: string;
  readonly extensions: string;
  readonly workspace: string;
}

export type DesktopOptions = Pick<CodeServerOptions, 'env' | 'settings' | 'installExtensions' | 'locale'>;

/** `code --install-extension` into the private folders (never the user's own). */
export function desktopInstallArgs(vsix: string, dirs: DesktopDirs): string[] {
  return ['--install-extension', vsix, '--force', '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData];
}

/** The window's arguments: the private profile, a fresh window on the empty workspace. */
export function desktopWindowArgs(dirs: DesktopDirs, locale?: string): string[] {
  return [
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--new-window', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust',
    ...(locale ? ['--locale', locale] : []),
    dirs.workspace,
  ];
}

export interface RunningDesktop {
  readonly pid: number | undefined;
  readonly workspaceDir: string;
  /** Resolves when the window's process ends (the user closed it, or stop()). */
  readonly exited: Promise<void>;
  /** Stops the window's process tree and removes the temporary profile. Safe to call twice. */
  stop(): Promise<void>;
}

function makeDirs(): DesktopDirs {
  const root = mkdtempSync(join(tmpdir(), 'alicloud-kms-desktop-'));
  const dirs = { root, userData: join(root, 'user-data'), extensions: join(root, 'extensions'), workspace: join(root, 'workspace') };
  for (const dir of [dirs.extensions, dirs.workspace, join(dirs.userData, 'User')]) mkdirSync(dir, { recursive: true });
  return dirs;
}

export async function startDesktopVsCode(vscode: DesktopVsCode, options: DesktopOptions): Promise<RunningDesktop> {
  const dirs = makeDirs();
  const cleanup = () => rmSync(dirs.root, { recursive: true, force: true, maxRetries: 5 });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), userSettingsJson(options.settings));
  const env = { ...inheritedEnv(), ...options.env };

  for (const vsix of options.installExtensions ?? []) {
    const result = spawnCommandSync(vscode.cli, desktopInstallArgs(vsix, dirs), { env, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) {
      cleanup();
      throw new Error(`${vscode.cli} --install-extension ${vsix} failed:\n${String(result.stdout)}${String(result.stderr)}${result.error?.message ?? ''}`);
    }
  }

  const child = spawnTree(vscode.executable, desktopWindowArgs(dirs, options.locale), { env, cwd: dirs.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  // Last resort (another module's Ctrl+C handler may exit first): the window and its profile go with this process.
  const onExit = () => {
    killTree(child, true);
    cleanup();
  };
  process.on('exit', onExit);
  const exited = new Promise<void>((done) => {
    child.once('exit', () => done());
    child.once('error', () => done());
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopTree(child);
    process.off('exit', onExit);
    cleanup();
  };

  // A window that cannot open (no display, a broken install) ends within seconds: say why.
  const early = await Promise.race([exited.then(() => true), new Promise<boolean>((done) => setTimeout(() => done(false), 3000))]);
  if (early) {
    await stop();
    throw new Error(`${vscode.executable} ended at once (exit ${child.exitCode ?? child.signalCode}):\n${output.join('')}`);
  }
  return { pid: child.pid, workspaceDir: dirs.workspace, exited, stop };
}
