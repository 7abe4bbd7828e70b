// Starting and stopping child processes the same way on Linux, macOS and Windows:
//   - a command found on PATH the way the platform finds it (PATHEXT on Windows: `npm` is `npm.cmd`);
//   - `.cmd`/`.bat` shims run through cmd.exe with every argument quoted for it (Node refuses to spawn a
//     batch file without a shell since CVE-2024-27980, and `shell: true` would pass arguments unquoted);
//   - a child that starts helpers (code-server, desktop VS Code) is stopped with its whole tree:
//     its process group on POSIX, `taskkill /T /F` on Windows (which has neither groups nor signals).
import { spawn, spawnSync, type ChildProcess, type SpawnOptions, type SpawnSyncOptions, type SpawnSyncReturns } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, extname, isAbsolute, join } from 'node:path';

/** The environment variable holding PATH: Windows spells it `Path`, and keys are case-insensitive there. */
export function pathKey(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'win32') return 'PATH';
  return Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'Path';
}

/** `env` with `dir` first on PATH (with the platform's separator). */
export function prependPath(env: NodeJS.ProcessEnv, dir: string): NodeJS.ProcessEnv {
  const key = pathKey(env);
  return { ...env, [key]: [dir, env[key]].filter(Boolean).join(delimiter) };
}

/**
 * This process's environment without what would confuse a VS Code started from it: npm's variables
 * of an outer `npm run`, a VS Code terminal's VSCODE_ and ELECTRON_ variables (ELECTRON_RUN_AS_NODE turns the
 * window into plain Node.js), NODE_OPTIONS (tsx's loader).
 */
export function inheritedEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(npm_|VSCODE_|ELECTRON_)/i.test(key) && key !== 'NODE_OPTIONS'));
}

/** A regular file (or a link to one) exists at `path`. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file a command name runs, as the shell would find it on PATH (with PATHEXT on Windows), or undefined. */
export function findOnPath(command: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const extensions = platform === 'win32' && !extname(command)
    ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)
    : [''];
  const dirs = isAbsolute(command) ? [''] : (env[pathKey(env, platform)] ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = dir ? join(dir, command + extension) : command + extension;
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

// cmd.exe metacharacters; quoting and escaping follow cross-spawn's lib/util/escape.js.
const CMD_META = /([()\][%!^"`<>&|;, *?])/g;

/** One argument for a batch file run by `cmd.exe /d /s /c`: quoted for the program, escaped for cmd (twice: the shim re-parses %*). */
export function quoteForCmd(argument: string): string {
  let quoted = argument
    // Backslashes before a quote are doubled and the quote escaped (CommandLineToArgvW rules)...
    .replace(/(\\*)"/g, '$1$1\\"')
    // ...and so are trailing backslashes, which will stand before the closing quote.
    .replace(/(\\*)$/, '$1$1');
  quoted = `"${quoted}"`;
  return quoted.replace(CMD_META, '^$1').replace(CMD_META, '^$1');
}

export interface Invocation {
  readonly file: string;
  readonly args: readonly string[];
  /** Needed with cmd.exe: Node must not re-quote the command line built here. */
  readonly windowsVerbatimArguments: boolean;
}

/** How to run `file args` without a shell; a batch file goes through cmd.exe with quoted arguments. */
export function invocation(file: string, args: readonly string[], platform: NodeJS.Platform = process.platform, comspec = process.env.ComSpec): Invocation {
  if (platform !== 'win32' || !/\.(cmd|bat)$/i.test(file)) return { file, args, windowsVerbatimArguments: false };
  const line = [file.replace(CMD_META, '^$1'), ...args.map(quoteForCmd)].join(' ');
  return { file: comspec || 'cmd.exe', args: ['/d', '/s', '/c', `"${line}"`], windowsVerbatimArguments: true };
}

function resolveCommand(command: string, env: NodeJS.ProcessEnv | undefined): string {
  return findOnPath(command, env ?? process.env) ?? command;
}

/** spawn() for a command name or path, `.cmd` shims included; never through a shell. */
export function spawnCommand(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const how = invocation(resolveCommand(command, options.env), args);
  return spawn(how.file, how.args, { ...options, shell: false, windowsVerbatimArguments: how.windowsVerbatimArguments, windowsHide: true });
}

/** spawnSync() for a command name or path, `.cmd` shims included; never through a shell. */
export function spawnCommandSync(command: string, args: readonly string[], options: SpawnSyncOptions = {}): SpawnSyncReturns<string | Buffer> {
  const how = invocation(resolveCommand(command, options.env), args);
  return spawnSync(how.file, how.args, { ...options, shell: false, windowsVerbatimArguments: how.windowsVerbatimArguments, windowsHide: true });
}

/**
 * Starts a process whose whole tree can later be stopped with killTree: on POSIX in its own process
 * group (detached), on Windows attached (detached would open a console window) and hidden.
 */
export function spawnTree(file: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const how = invocation(resolveCommand(file, options.env), args);
  return spawn(how.file, how.args, {
    ...options,
    shell: false,
    detached: process.platform !== 'win32',
    windowsHide: true,
    windowsVerbatimArguments: how.windowsVerbatimArguments,
  });
}

/**
 * Stops a process started with spawnTree and everything it started. `force`: SIGKILL instead of SIGTERM
 * on POSIX; Windows always terminates (taskkill /T /F). Synchronous, so it also works in an 'exit' handler.
 */
export function killTree(child: ChildProcess, force = false): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/T', '/F', '/PID', String(pid)], { stdio: 'ignore', windowsHide: true });
    return;
  }
  try {
    process.kill(-pid, force ? 'SIGKILL' : 'SIGTERM');
  } catch {
    // The group is already gone.
  }
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** killTree politely, then by force after `graceMs`: helpers may ignore SIGTERM or outlive the main process. */
export async function stopTree(child: ChildProcess, graceMs = 3000): Promise<void> {
  killTree(child);
  await Promise.race([exited(child), new Promise((done) => setTimeout(done, graceMs))]);
  killTree(child, true);
}
