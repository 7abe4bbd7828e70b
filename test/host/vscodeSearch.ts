// Finds the user's desktop VS Code for `npm run demo`: `code` on PATH or the platform's default install
// location. The demo needs both the CLI (to install the .vsix into a private extensions folder) and the
// window's own executable: started directly, that process IS the window, so Ctrl+C can stop it (the
// CLI only hands the arguments to a detached process and exits).
import { readFileSync, realpathSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { findOnPath, isFile } from './processes';

export interface DesktopVsCode {
  /** The `code` command-line script. */
  readonly cli: string;
  /** The Electron executable the CLI starts. */
  readonly executable: string;
}

/** Where the VS Code installers put the `code` CLI, per platform. */
export function vscodeCliLocations(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string[] {
  if (platform === 'darwin') {
    return ['/Applications', posix.join(home, 'Applications')].map((root) =>
      posix.join(root, 'Visual Studio Code.app', 'Contents', 'Resources', 'app', 'bin', 'code'),
    );
  }
  if (platform === 'win32') {
    return [
      env.LOCALAPPDATA && win32.join(env.LOCALAPPDATA, 'Programs', 'Microsoft VS Code', 'bin', 'code.cmd'),
      env.ProgramFiles && win32.join(env.ProgramFiles, 'Microsoft VS Code', 'bin', 'code.cmd'),
      env['ProgramFiles(x86)'] && win32.join(env['ProgramFiles(x86)'], 'Microsoft VS Code', 'bin', 'code.cmd'),
    ].filter((path): path is string => Boolean(path));
  }
  return ['/usr/share/code/bin/code', '/snap/code/current/usr/share/code/bin/code'];
}

/** A `code` that is not desktop VS Code: the Remote/code-server terminal's CLI opens a window elsewhere. */
export function isRemoteCli(cli: string): boolean {
  return /remote-cli|code-server|\.vscode-server/i.test(cli);
}

/**
 * The window's executable for a CLI path (the layout @vscode/test-electron's
 * resolveCliPathFromVSCodeExecutablePath maps the other way). On macOS the executable's name is read
 * from the app's Info.plist (CFBundleExecutable) by `bundleExecutable`.
 */
export function executableOfCli(cli: string, platform: NodeJS.Platform, bundleExecutable: (contentsDir: string) => string | undefined = () => undefined): string {
  if (platform === 'win32') return win32.join(win32.dirname(win32.dirname(cli)), 'Code.exe');
  if (platform === 'darwin') {
    // <App>.app/Contents/Resources/app/bin/code
    const contents = posix.resolve(posix.dirname(cli), '..', '..', '..');
    return posix.join(contents, 'MacOS', bundleExecutable(contents) ?? 'Electron');
  }
  // /usr/share/code/bin/code starts /usr/share/code/code
  return posix.join(posix.dirname(posix.dirname(cli)), posix.basename(cli));
}

function plistExecutable(contentsDir: string): string | undefined {
  try {
    const plist = readFileSync(posix.join(contentsDir, 'Info.plist'), 'utf8');
    return /<key>CFBundleExecutable<\/key>\s*<string>([^<]+)<\/string>/.exec(plist)?.[1];
  } catch {
    return undefined;
  }
}

/** The desktop VS Code to open the demo in, or undefined when none is installed. */
export function findDesktopVsCode(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = env.HOME ?? env.USERPROFILE ?? ''): DesktopVsCode | undefined {
  const candidates = [findOnPath('code', env, platform), ...vscodeCliLocations(platform, env, home)];
  for (const candidate of candidates) {
    if (!candidate || !isFile(candidate)) continue;
    // /usr/bin/code is a link to /usr/share/code/bin/code, next to the executable.
    const cli = realpathSync(candidate);
    if (isRemoteCli(cli)) continue;
    const executable = executableOfCli(cli, platform, plistExecutable);
    if (isFile(executable)) return { cli, executable };
  }
  return undefined;
}
