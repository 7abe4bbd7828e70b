// Gathers the facts hostPlan.ts decides on: platform, /etc/os-release, uid, commands on PATH, Debian
// packages (dpkg-query, when present), compiler tools, browsers and desktop VS Code found. Reads only:
// nothing here installs or changes anything.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserOverride, findBrowsers } from './browserSearch';
import { COMMANDS_OF_INTEREST, DEBIAN_PACKAGES, type DemoHost, type HostFacts, type HostPurpose, type OsRelease } from './hostPlan';
import { findOnPath } from './processes';
import { findDesktopVsCode } from './vscodeSearch';

/** KEY=value lines of /etc/os-release (values may be quoted). */
export function parseOsRelease(text: string): OsRelease {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields.set(match[1]!, match[2]!.replace(/^(["'])(.*)\1$/, '$2'));
  }
  return {
    id: fields.get('ID') ?? '',
    idLike: (fields.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean),
    prettyName: fields.get('PRETTY_NAME'),
  };
}

function osRelease(): OsRelease | undefined {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    if (existsSync(file)) return parseOsRelease(readFileSync(file, 'utf8'));
  }
  return undefined;
}

function debianPackages(env: NodeJS.ProcessEnv): Record<string, boolean> {
  const installed: Record<string, boolean> = {};
  for (const name of DEBIAN_PACKAGES) {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', env });
    installed[name] = result.status === 0 && result.stdout.includes('install ok installed');
  }
  return installed;
}

/** macOS: `xcode-select -p` names the command-line tools' folder; Windows: vswhere finds a C++ toolset. */
function buildTools(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform === 'darwin') return spawnSync('xcode-select', ['-p'], { stdio: 'ignore' }).status === 0;
  if (platform === 'win32') {
    const programs = env['ProgramFiles(x86)'] ?? env.ProgramFiles;
    if (!programs) return false;
    const vswhere = join(programs, 'Microsoft Visual Studio', 'Installer', 'vswhere.exe');
    if (!existsSync(vswhere)) return false;
    const found = spawnSync(vswhere, ['-products', '*', '-requires', 'Microsoft.VisualStudio.Component.VC.Tools.x86.x64', '-property', 'installationPath'], {
      encoding: 'utf8', windowsHide: true,
    });
    return found.status === 0 && found.stdout.trim() !== '';
  }
  return false;
}

export interface FactsRequest {
  readonly purpose: HostPurpose;
  readonly demoHost?: DemoHost;
  readonly hostInstalled: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export function gatherHostFacts(request: FactsRequest): HostFacts {
  const env = request.env ?? process.env;
  const platform = process.platform;
  const commands = COMMANDS_OF_INTEREST.filter((command) => findOnPath(command, env, platform) !== undefined);
  return {
    platform,
    distro: platform === 'linux' ? osRelease() : undefined,
    uid: process.getuid?.(),
    commands,
    debianPackages: commands.includes('dpkg-query') ? debianPackages(env) : undefined,
    kerberosHeaders: ['/usr/include/gssapi/gssapi.h', '/usr/local/include/gssapi/gssapi.h'].some((file) => existsSync(file)),
    buildTools: buildTools(platform, env),
    browserOverride: browserOverride(env),
    browsers: findBrowsers(env, platform),
    desktopVsCode: request.purpose === 'demo' ? findDesktopVsCode(env, platform) : undefined,
    hostInstalled: request.hostInstalled,
    nodeMajor: Number(process.versions.node.split('.')[0]),
    purpose: request.purpose,
    demoHost: request.demoHost,
  };
}
