// What the test host needs on THIS machine, decided before anything is done: a pure function of facts
// (hostFacts.ts gathers them, install.ts carries the plan out), so every platform's decision and
// message is unit-tested here on Linux.
//   Debian/Ubuntu as root: apt-get installs what is missing. Debian/Ubuntu without root: the exact
//   `sudo apt-get install` line. Other Linux: what to install. macOS and Windows: never apt; an
//   installed Chrome/Chromium/Edge for the browser tests, and the compiler tools code-server's native
//   modules need (Kerberos comes with the OS there: no headers to install).
//   Tests on Debian/Ubuntu also get python3 and golang-go when python3 or gofmt is missing: the unit
//   tier checks the Python and Go snippets with them (a skip off CI without them, a failure in CI).
import type { BrowserOverride, FoundBrowser } from './browserSearch';
import { BROWSER_OVERRIDE_VARIABLE } from './browserSearch';
import type { DesktopVsCode } from './vscodeSearch';

/** `tests`: code-server and a browser. `demo`: desktop VS Code, or code-server opened in the user's own browser. */
export type HostPurpose = 'tests' | 'demo';
export type DemoHost = 'desktop' | 'code-server';

export interface OsRelease {
  readonly id: string;
  readonly idLike: readonly string[];
  readonly prettyName?: string;
}

export interface HostFacts {
  readonly platform: NodeJS.Platform;
  /** /etc/os-release (Linux). */
  readonly distro?: OsRelease;
  /** undefined on Windows. */
  readonly uid?: number;
  /** Which of COMMANDS_OF_INTEREST are on PATH. */
  readonly commands: readonly string[];
  /** Debian packages installed, asked with dpkg-query (only when it is on PATH). */
  readonly debianPackages?: Readonly<Record<string, boolean>>;
  /** Linux: gssapi/gssapi.h is present (code-server's kerberos module compiles against it). */
  readonly kerberosHeaders: boolean;
  /** macOS: the Xcode command-line tools; Windows: Build Tools for Visual Studio (vswhere). */
  readonly buildTools: boolean;
  readonly browserOverride?: BrowserOverride;
  /** Chrome/Chromium/Edge found, in order of preference. */
  readonly browsers: readonly FoundBrowser[];
  readonly desktopVsCode?: DesktopVsCode;
  /** code-server is installed in the cache already: nothing to compile. */
  readonly hostInstalled: boolean;
  /** Major version of the Node.js running this. */
  readonly nodeMajor: number;
  readonly purpose: HostPurpose;
  /** `npm run demo -- --host …`; undefined: desktop VS Code when found, else code-server. */
  readonly demoHost?: DemoHost;
}

export const COMMANDS_OF_INTEREST = ['apt-get', 'dpkg-query', 'make', 'g++', 'c++', 'python3', 'python', 'py', 'sh', 'gofmt'] as const;

/** Debian packages the host can use: the browser, Kerberos headers, compilers, Chinese glyphs for zh-cn screenshots. */
export const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'build-essential', 'python3', 'fonts-noto-cjk'] as const;

export interface HostPlan {
  /** Printed before anything is done. */
  readonly messages: readonly string[];
  /** Debian packages apt-get installs first (as root only). */
  readonly aptInstall: readonly string[];
  /** Set when setup cannot go on: what to install, printed instead of doing anything. */
  readonly blocked?: string;
  /** The browser the browser tests drive (purpose `tests`). */
  readonly browser?: FoundBrowser;
  /** The VS Code the demo opens (purpose `demo`). */
  readonly demoHost?: DemoHost;
  /** The desktop VS Code it opens, when demoHost is `desktop`. */
  readonly desktopVsCode?: DesktopVsCode;
  /** code-server must be installed into the cache (a compile of native modules). */
  readonly installCodeServer: boolean;
  /** Node.js 24 for code-server: the npm `node` package (Linux, Windows), or the one running this (macOS). */
  readonly nodeRuntime: 'npm-package' | 'current';
}

/** Setup cannot go on until the user installs something; the message says what (no stack trace). */
export class HostSetupError extends Error {}

type Need = 'browser' | 'kerberos' | 'toolchain' | 'python' | 'node24' | 'xcode' | 'vsBuildTools' | 'sh';

const BROWSER_HINT = `or set ${BROWSER_OVERRIDE_VARIABLE} to the path of a Chrome, Chromium or Edge executable`;

export function isDebianFamily(distro: OsRelease | undefined): boolean {
  return Boolean(distro && [distro.id, ...distro.idLike].some((id) => id === 'debian' || id === 'ubuntu'));
}

const DEBIAN_PACKAGE_OF: Record<Need, string | undefined> = {
  browser: 'chromium', kerberos: 'libkrb5-dev', toolchain: 'build-essential', python: 'python3',
  node24: undefined, xcode: undefined, vsBuildTools: undefined, sh: undefined,
};

const OTHER_LINUX_ITEM: Partial<Record<Need, string>> = {
  browser: `Chromium, Google Chrome or Microsoft Edge (${BROWSER_HINT})`,
  kerberos: 'the Kerberos development headers (krb5-devel on Fedora/RHEL/openSUSE, krb5 on Arch, krb5-dev on Alpine)',
  toolchain: 'a C/C++ compiler and make (gcc-c++ and make on Fedora/RHEL, base-devel on Arch, build-base on Alpine)',
  python: 'Python 3 (node-gyp runs it)',
};

const MACOS_ITEM: Partial<Record<Need, string>> = {
  browser: `Google Chrome, Chromium or Microsoft Edge (${BROWSER_HINT})`,
  xcode: 'the Xcode command-line tools: `xcode-select --install` (code-server compiles native modules; Kerberos comes with macOS)',
  node24: 'Node.js 24 to install code-server (e.g. `nvm install 24`), then run this again with it: the npm `node` package has no Node.js 24 build for every Mac',
};

const WINDOWS_ITEM: Partial<Record<Need, string>> = {
  browser: `Google Chrome or Microsoft Edge (${BROWSER_HINT})`,
  vsBuildTools: 'Build Tools for Visual Studio with the "Desktop development with C++" workload (code-server compiles native modules; Kerberos comes with Windows)',
  python: 'Python 3 (node-gyp runs it)',
  sh: 'Git for Windows, with its `sh` on PATH (code-server\'s install script is a shell script)',
};

function has(facts: HostFacts, ...commands: string[]): boolean {
  return commands.some((command) => facts.commands.includes(command));
}

/** Debian packages the tests use that the VS Code host does not need, with what each is for. */
const OPTIONAL_PACKAGE_PURPOSE: Readonly<Record<string, string>> = {
  python3: "python3 for the unit tier's Python snippet check",
  'golang-go': "gofmt for the unit tier's Go snippet check",
  'fonts-noto-cjk': 'Chinese glyphs in the zh-cn screenshots',
};

/**
 * A missing one is worth a line, and an apt-get as root, but never stops the setup. The snippet tools
 * only where apt-get is on PATH (elsewhere the unit test's skip message says what to install).
 */
function optionalPackages(facts: HostFacts): string[] {
  if (facts.purpose !== 'tests') return [];
  const apt = has(facts, 'apt-get');
  return [
    ...(apt && !has(facts, 'python3') ? ['python3'] : []),
    ...(apt && !has(facts, 'gofmt') ? ['golang-go'] : []),
    ...(facts.debianPackages?.['fonts-noto-cjk'] === false ? ['fonts-noto-cjk'] : []),
  ];
}

/** What code-server's install needs that this machine lacks. */
function compileNeeds(facts: HostFacts): Need[] {
  if (facts.platform === 'darwin') {
    return [...(facts.buildTools ? [] : ['xcode' as const]), ...(facts.nodeMajor === 24 ? [] : ['node24' as const])];
  }
  if (facts.platform === 'win32') {
    return [
      ...(facts.buildTools ? [] : ['vsBuildTools' as const]),
      ...(has(facts, 'python', 'py', 'python3') ? [] : ['python' as const]),
      ...(has(facts, 'sh') ? [] : ['sh' as const]),
    ];
  }
  return [
    ...(facts.kerberosHeaders ? [] : ['kerberos' as const]),
    ...(has(facts, 'make') && has(facts, 'g++', 'c++') ? [] : ['toolchain' as const]),
    ...(has(facts, 'python3') ? [] : ['python' as const]),
  ];
}

function chooseDemoHost(facts: HostFacts, messages: string[]): DemoHost | string {
  const desktop = facts.desktopVsCode;
  if (facts.demoHost === 'desktop' && !desktop) {
    return 'No desktop VS Code found (`code` on PATH or the default install location): install VS Code, or run `npm run demo -- --host code-server`.';
  }
  const host = facts.demoHost ?? (desktop ? 'desktop' : 'code-server');
  if (host === 'desktop' && desktop) {
    messages.push(`Demo: desktop VS Code (${desktop.cli}) with a temporary profile; \`npm run demo -- --host code-server\` opens it in your browser instead.`);
  } else if (desktop) {
    messages.push('Demo: code-server, opened in your own browser (--host code-server).');
  } else {
    messages.push('Demo: no desktop VS Code found (`code` on PATH or the default install location): code-server, opened in your own browser.');
  }
  return host;
}

function chooseBrowser(facts: HostFacts, messages: string[]): FoundBrowser | string | undefined {
  const override = facts.browserOverride;
  if (override) {
    if (!override.exists) return `${BROWSER_OVERRIDE_VARIABLE}=${override.path}: no such file. Set it to the path of a Chrome, Chromium or Edge executable, or unset it to search.`;
    messages.push(`Browser tests: ${override.path} (${BROWSER_OVERRIDE_VARIABLE}).`);
    return { name: BROWSER_OVERRIDE_VARIABLE, path: override.path };
  }
  const found = facts.browsers[0];
  if (found) messages.push(`Browser tests: ${found.name} at ${found.path} (set ${BROWSER_OVERRIDE_VARIABLE} to use another).`);
  return found;
}

function list(items: readonly string[]): string {
  return items.map((item) => `  - ${item}`).join('\n');
}

export function decideHostSetup(facts: HostFacts): HostPlan {
  const messages: string[] = [];
  const demo = facts.purpose === 'demo' ? chooseDemoHost(facts, messages) : undefined;
  const demoHost = demo === 'desktop' || demo === 'code-server' ? demo : undefined;
  const needsCodeServer = facts.purpose === 'tests' || demoHost === 'code-server';
  const installCodeServer = needsCodeServer && !facts.hostInstalled;
  const nodeRuntime = facts.platform === 'darwin' ? 'current' : 'npm-package';
  const desktopVsCode = demoHost === 'desktop' ? facts.desktopVsCode : undefined;
  const plan = (rest: Partial<HostPlan>): HostPlan => ({ messages, aptInstall: [], demoHost, desktopVsCode, installCodeServer, nodeRuntime, ...rest });
  if (demo !== undefined && demoHost === undefined) return plan({ blocked: demo });

  const chosen = facts.purpose === 'tests' ? chooseBrowser(facts, messages) : undefined;
  if (typeof chosen === 'string') return plan({ blocked: chosen });
  const needs: Need[] = [...(facts.purpose === 'tests' && !chosen ? ['browser' as const] : []), ...(installCodeServer ? compileNeeds(facts) : [])];

  if (facts.platform === 'darwin' || facts.platform === 'win32') {
    const items = facts.platform === 'darwin' ? MACOS_ITEM : WINDOWS_ITEM;
    if (needs.length === 0) return plan({ browser: chosen });
    const where = facts.platform === 'darwin' ? 'macOS' : 'Windows';
    return plan({ blocked: `Install on this ${where} machine, then run this again:\n${list(needs.map((need) => items[need] ?? need))}` });
  }

  if (!isDebianFamily(facts.distro)) {
    if (needs.length === 0) return plan({ browser: chosen });
    const name = facts.distro?.prettyName ?? facts.distro?.id ?? facts.platform;
    return plan({ blocked: `Install on this Linux machine (${name}), then run this again:\n${list(needs.map((need) => OTHER_LINUX_ITEM[need] ?? need))}` });
  }

  const required = needs.map((need) => DEBIAN_PACKAGE_OF[need]).filter((name): name is string => Boolean(name));
  const optional = optionalPackages(facts).filter((name) => !required.includes(name));
  const packages = [...required, ...optional];
  if (packages.length === 0) return plan({ browser: chosen });

  if (facts.uid === 0 && has(facts, 'apt-get')) {
    messages.push(`Debian/Ubuntu as root: apt-get will install ${packages.join(' ')}.`);
    const browser = chosen ?? (needs.includes('browser') ? { name: 'Chromium', path: '/usr/bin/chromium' } : undefined);
    return plan({ aptInstall: packages, browser });
  }
  const line = `sudo apt-get install -y ${packages.join(' ')}`;
  if (required.length === 0) {
    messages.push(`Optional (${optional.map((name) => OPTIONAL_PACKAGE_PURPOSE[name]).join('; ')}): ${line}`);
    return plan({ browser: chosen });
  }
  const browserNote = needs.includes('browser') ? ` (for the browser, ${BROWSER_HINT})` : '';
  return plan({ blocked: `Missing Debian packages: ${required.join(', ')}. Run this, then run this again${browserNote}:\n  ${line}` });
}
