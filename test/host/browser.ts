// Headless Chromium (Debian's, or the Chrome/Edge found on a contributor's machine: paths.chromiumPath)
// driven by playwright-core (TEST-HOST.md), with a fresh profile every time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { BROWSER_OVERRIDE_VARIABLE } from './browserSearch';
import { HostSetupError } from './hostPlan';
import { chromiumPath } from './paths';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** launchPersistentContext, because launch() refuses --user-data-dir; headless: true adds --headless. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new HostSetupError(
      `No Chrome, Chromium or Edge found for the browser tests: install one, or set ${BROWSER_OVERRIDE_VARIABLE} to the path of its executable ` +
        '(`npx tsx test/host/install.ts --check` says what this machine needs).',
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'alicloud-kms-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

export interface WorkbenchUrlOptions {
  readonly folder: string;
  /** Absolute path of the extension under development (loaded like --extensionDevelopmentPath). */
  readonly extensionDevelopmentPath?: string;
  /** Absolute path of the test module exporting run() (loaded like --extensionTestsPath). */
  readonly extensionTestsPath?: string;
}

/** A file path as the path of a URI: `C:\\repo` is `/C:/repo` (forward slashes, a leading slash). */
export function uriPath(path: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'win32') return path;
  const slashed = path.replace(/\\/g, '/');
  return slashed.startsWith('/') ? slashed : `/${slashed}`;
}

/** The workbench URL; remote paths must carry exactly the host:port the page is opened with. */
export function workbenchUrl(origin: string, options: WorkbenchUrlOptions): string {
  const authority = new URL(origin).host;
  const remote = (path: string) => `vscode-remote://${authority}${uriPath(path)}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `${origin}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
