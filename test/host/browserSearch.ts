// Which Chrome, Chromium or Edge the browser tests drive. Playwright only needs a Chromium-based
// executable: Debian's chromium here, the installed Chrome or Edge on a contributor's Mac or PC.
// ALICLOUD_KMS_BROWSER (a path to the executable) overrides the search.
import { posix, win32 } from 'node:path';
import { findOnPath, isFile } from './processes';

export const BROWSER_OVERRIDE_VARIABLE = 'ALICLOUD_KMS_BROWSER';

export interface FoundBrowser {
  readonly name: string;
  readonly path: string;
}

/** Commands that start a Chromium-based browser on Linux, in order of preference (Debian's package first). */
export const LINUX_BROWSER_COMMANDS: readonly FoundBrowser[] = [
  { name: 'Chromium', path: 'chromium' },
  { name: 'Chromium', path: 'chromium-browser' },
  { name: 'Google Chrome', path: 'google-chrome' },
  { name: 'Google Chrome', path: 'google-chrome-stable' },
  { name: 'Microsoft Edge', path: 'microsoft-edge' },
  { name: 'Microsoft Edge', path: 'microsoft-edge-stable' },
];

/** Default install locations (absolute), in order of preference, for a platform. */
export function browserLocations(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): FoundBrowser[] {
  if (platform === 'darwin') {
    const apps = [
      { name: 'Google Chrome', app: 'Google Chrome.app', binary: 'Google Chrome' },
      { name: 'Chromium', app: 'Chromium.app', binary: 'Chromium' },
      { name: 'Microsoft Edge', app: 'Microsoft Edge.app', binary: 'Microsoft Edge' },
    ];
    return ['/Applications', posix.join(home, 'Applications')].flatMap((root) =>
      apps.map(({ name, app, binary }) => ({ name, path: posix.join(root, app, 'Contents', 'MacOS', binary) })),
    );
  }
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return [
      ...roots.map((root) => ({ name: 'Google Chrome', path: win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe') })),
      ...roots.map((root) => ({ name: 'Microsoft Edge', path: win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe') })),
      ...roots.map((root) => ({ name: 'Chromium', path: win32.join(root, 'Chromium', 'Application', 'chrome.exe') })),
    ];
  }
  return [
    { name: 'Chromium', path: '/snap/bin/chromium' },
    { name: 'Google Chrome', path: '/opt/google/chrome/chrome' },
    { name: 'Microsoft Edge', path: '/opt/microsoft/msedge/msedge' },
  ];
}

/** Every Chromium-based browser found on this machine, in order of preference (commands on PATH first on Linux). */
export function findBrowsers(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = env.HOME ?? env.USERPROFILE ?? ''): FoundBrowser[] {
  const onPath = platform === 'linux'
    ? LINUX_BROWSER_COMMANDS.flatMap(({ name, path }) => {
      const found = findOnPath(path, env, platform);
      return found ? [{ name, path: found }] : [];
    })
    : [];
  const installed = browserLocations(platform, env, home).filter(({ path }) => isFile(path));
  const seen = new Set<string>();
  return [...onPath, ...installed].filter(({ path }) => !seen.has(path) && Boolean(seen.add(path)));
}

export interface BrowserOverride {
  readonly path: string;
  readonly exists: boolean;
}

export function browserOverride(env: NodeJS.ProcessEnv = process.env): BrowserOverride | undefined {
  const path = env[BROWSER_OVERRIDE_VARIABLE];
  return path ? { path, exists: isFile(path) } : undefined;
}
