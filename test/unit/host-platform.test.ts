// The host setup's platform decision (test/host/hostPlan.ts), one case per platform and situation, with
// the exact messages a contributor reads: Debian as root / as a user, other Linux, macOS, Windows; a
// browser found or not; desktop VS Code found or not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideHostSetup, type HostFacts } from '../../test/host/hostPlan';

const DEBIAN = { id: 'debian', idLike: [], prettyName: 'Debian GNU/Linux 12 (bookworm)' };
const UBUNTU = { id: 'ubuntu', idLike: ['debian'], prettyName: 'Ubuntu 24.04 LTS' };
const FEDORA = { id: 'fedora', idLike: [], prettyName: 'Fedora Linux 41' };
const CHROMIUM = { name: 'Chromium', path: '/usr/bin/chromium' };
const LINUX_TOOLS = ['make', 'g++', 'python3', 'sh', 'gofmt'];
const DESKTOP_MAC = {
  cli: '/Applications/Visual Studio Code.app/Contents/Resources/app/bin/code',
  executable: '/Applications/Visual Studio Code.app/Contents/MacOS/Electron',
};
const DESKTOP_WIN = {
  cli: 'C:\\Users\\ada\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.cmd',
  executable: 'C:\\Users\\ada\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
};

function facts(overrides: Partial<HostFacts>): HostFacts {
  return {
    platform: 'linux', distro: DEBIAN, uid: 0, commands: ['apt-get', 'dpkg-query', ...LINUX_TOOLS],
    debianPackages: { chromium: true, 'libkrb5-dev': true, 'build-essential': true, python3: true, 'fonts-noto-cjk': true },
    kerberosHeaders: true, buildTools: false, browsers: [CHROMIUM], hostInstalled: true, nodeMajor: 20, purpose: 'tests',
    ...overrides,
  };
}

test('Debian as root, everything present: nothing to install, the tests use the found Chromium', () => {
  const plan = decideHostSetup(facts({}));
  assert.deepEqual(plan.aptInstall, []);
  assert.equal(plan.blocked, undefined);
  assert.deepEqual(plan.browser, CHROMIUM);
  assert.deepEqual(plan.messages, ['Browser tests: Chromium at /usr/bin/chromium (set ALICLOUD_KMS_BROWSER to use another).']);
});

test('Debian as root, first install without a browser: apt-get installs what is missing and says so first', () => {
  const plan = decideHostSetup(facts({
    browsers: [], hostInstalled: false, kerberosHeaders: false,
    debianPackages: { chromium: false, 'libkrb5-dev': false, 'build-essential': true, python3: true, 'fonts-noto-cjk': false },
  }));
  assert.deepEqual(plan.aptInstall, ['chromium', 'libkrb5-dev', 'fonts-noto-cjk']);
  assert.deepEqual(plan.messages, ['Debian/Ubuntu as root: apt-get will install chromium libkrb5-dev fonts-noto-cjk.']);
  assert.deepEqual(plan.browser, { name: 'Chromium', path: '/usr/bin/chromium' });
  assert.equal(plan.installCodeServer, true);
  assert.equal(plan.nodeRuntime, 'npm-package');
});

test('Debian as root, compilers missing on a first install: build-essential and python3 are added (and golang-go for gofmt)', () => {
  const plan = decideHostSetup(facts({ hostInstalled: false, commands: ['apt-get', 'dpkg-query', 'sh'] }));
  assert.deepEqual(plan.aptInstall, ['build-essential', 'python3', 'golang-go']);
});

test('Debian as root, host already installed: Kerberos headers and compilers are not needed (the snippet tools still are)', () => {
  const plan = decideHostSetup(facts({ kerberosHeaders: false, commands: ['apt-get', 'dpkg-query', 'make', 'g++', 'python3', 'gofmt'] }));
  assert.deepEqual(plan.aptInstall, []);
  assert.equal(plan.installCodeServer, false);
  const withoutTools = decideHostSetup(facts({ kerberosHeaders: false, commands: ['apt-get', 'dpkg-query'] }));
  assert.deepEqual(withoutTools.aptInstall, ['python3', 'golang-go']);
});

test('Debian as root without gofmt: apt-get installs golang-go for the unit tier\'s Go snippet check, nothing blocks', () => {
  const plan = decideHostSetup(facts({ commands: ['apt-get', 'dpkg-query', 'make', 'g++', 'python3', 'sh'] }));
  assert.equal(plan.blocked, undefined);
  assert.deepEqual(plan.aptInstall, ['golang-go']);
  assert.deepEqual(plan.messages, [
    'Browser tests: Chromium at /usr/bin/chromium (set ALICLOUD_KMS_BROWSER to use another).',
    'Debian/Ubuntu as root: apt-get will install golang-go.',
  ]);
});

test('Debian as a user without gofmt and python3: one optional line that says what each is for; the demo needs neither', () => {
  const plan = decideHostSetup(facts({ uid: 1000, commands: ['apt-get', 'dpkg-query', 'make', 'g++', 'sh'] }));
  assert.equal(plan.blocked, undefined);
  assert.deepEqual(plan.aptInstall, []);
  assert.deepEqual(plan.messages.slice(1), [
    "Optional (python3 for the unit tier's Python snippet check; gofmt for the unit tier's Go snippet check): " +
      'sudo apt-get install -y python3 golang-go',
  ]);
  const demo = decideHostSetup(facts({ purpose: 'demo', hostInstalled: true, commands: ['apt-get', 'dpkg-query', 'make', 'g++', 'sh'] }));
  assert.deepEqual(demo.aptInstall, []);
});

test('Ubuntu as a user: no apt call, the exact sudo apt-get line, and the override variable for the browser', () => {
  const plan = decideHostSetup(facts({
    distro: UBUNTU, uid: 1000, browsers: [], hostInstalled: false, kerberosHeaders: false,
    debianPackages: { chromium: false, 'libkrb5-dev': false, 'build-essential': true, python3: true, 'fonts-noto-cjk': false },
  }));
  assert.deepEqual(plan.aptInstall, []);
  assert.equal(
    plan.blocked,
    'Missing Debian packages: chromium, libkrb5-dev. Run this, then run this again (for the browser, or set ALICLOUD_KMS_BROWSER ' +
      'to the path of a Chrome, Chromium or Edge executable):\n  sudo apt-get install -y chromium libkrb5-dev fonts-noto-cjk',
  );
});

test('Debian as a user with only the optional fonts missing: one line to run, and the tests go on', () => {
  const plan = decideHostSetup(facts({
    uid: 1000, debianPackages: { chromium: true, 'libkrb5-dev': true, 'build-essential': true, python3: true, 'fonts-noto-cjk': false },
  }));
  assert.equal(plan.blocked, undefined);
  assert.deepEqual(plan.aptInstall, []);
  assert.deepEqual(plan.messages, [
    'Browser tests: Chromium at /usr/bin/chromium (set ALICLOUD_KMS_BROWSER to use another).',
    'Optional (Chinese glyphs in the zh-cn screenshots): sudo apt-get install -y fonts-noto-cjk',
  ]);
});

test('Debian as a user without apt-get or dpkg-query on PATH, a browser found: nothing to install, no apt', () => {
  const plan = decideHostSetup(facts({ uid: 1000, commands: LINUX_TOOLS, debianPackages: undefined, hostInstalled: false }));
  assert.equal(plan.blocked, undefined);
  assert.deepEqual(plan.aptInstall, []);
  assert.deepEqual(plan.browser, CHROMIUM);
});

test('root on Debian but apt-get not on PATH: the sudo line, never an apt call', () => {
  const plan = decideHostSetup(facts({ commands: LINUX_TOOLS, debianPackages: undefined, browsers: [] }));
  assert.deepEqual(plan.aptInstall, []);
  assert.match(plan.blocked ?? '', /^Missing Debian packages: chromium\. .*\n {2}sudo apt-get install -y chromium$/);
});

test('other Linux: names what to install, with the package names of the usual distributions', () => {
  const plan = decideHostSetup(facts({
    distro: FEDORA, uid: 1000, commands: ['sh'], debianPackages: undefined, browsers: [], hostInstalled: false, kerberosHeaders: false,
  }));
  assert.deepEqual(plan.aptInstall, []);
  assert.equal(plan.blocked, [
    'Install on this Linux machine (Fedora Linux 41), then run this again:',
    '  - Chromium, Google Chrome or Microsoft Edge (or set ALICLOUD_KMS_BROWSER to the path of a Chrome, Chromium or Edge executable)',
    '  - the Kerberos development headers (krb5-devel on Fedora/RHEL/openSUSE, krb5 on Arch, krb5-dev on Alpine)',
    '  - a C/C++ compiler and make (gcc-c++ and make on Fedora/RHEL, base-devel on Arch, build-base on Alpine)',
    '  - Python 3 (node-gyp runs it)',
  ].join('\n'));
});

test('other Linux with everything present, even as root: no apt', () => {
  const plan = decideHostSetup(facts({ distro: FEDORA, commands: LINUX_TOOLS, debianPackages: undefined, hostInstalled: false }));
  assert.equal(plan.blocked, undefined);
  assert.deepEqual(plan.aptInstall, []);
});

test('macOS, Chrome installed, first install without the Xcode tools and on Node.js 20: says exactly what to install', () => {
  const chrome = { name: 'Google Chrome', path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' };
  const plan = decideHostSetup(facts({
    platform: 'darwin', distro: undefined, uid: 501, commands: ['make', 'sh'], debianPackages: undefined,
    browsers: [chrome], hostInstalled: false, kerberosHeaders: false,
  }));
  assert.deepEqual(plan.aptInstall, []);
  assert.equal(plan.nodeRuntime, 'current');
  assert.deepEqual(plan.messages, ['Browser tests: Google Chrome at /Applications/Google Chrome.app/Contents/MacOS/Google Chrome (set ALICLOUD_KMS_BROWSER to use another).']);
  assert.equal(plan.blocked, [
    'Install on this macOS machine, then run this again:',
    '  - the Xcode command-line tools: `xcode-select --install` (code-server compiles native modules; Kerberos comes with macOS)',
    '  - Node.js 24 to install code-server (e.g. `nvm install 24`), then run this again with it: the npm `node` package has no Node.js 24 build for every Mac',
  ].join('\n'));
});

test('macOS with the Xcode tools and Node.js 24: no Kerberos headers needed, nothing blocks', () => {
  const plan = decideHostSetup(facts({
    platform: 'darwin', distro: undefined, uid: 501, commands: [], debianPackages: undefined, buildTools: true, nodeMajor: 24,
    browsers: [{ name: 'Microsoft Edge', path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' }],
    hostInstalled: false, kerberosHeaders: false,
  }));
  assert.equal(plan.blocked, undefined);
  assert.deepEqual(plan.aptInstall, []);
  assert.equal(plan.browser?.name, 'Microsoft Edge');
});

test('macOS without any browser: reported with the override variable to set', () => {
  const plan = decideHostSetup(facts({ platform: 'darwin', distro: undefined, uid: 501, commands: [], debianPackages: undefined, browsers: [] }));
  assert.equal(plan.blocked, [
    'Install on this macOS machine, then run this again:',
    '  - Google Chrome, Chromium or Microsoft Edge (or set ALICLOUD_KMS_BROWSER to the path of a Chrome, Chromium or Edge executable)',
  ].join('\n'));
});

test('Windows, first install without Build Tools, Python or sh: says exactly what to install; Edge is found', () => {
  const edge = { name: 'Microsoft Edge', path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' };
  const plan = decideHostSetup(facts({
    platform: 'win32', distro: undefined, uid: undefined, commands: [], debianPackages: undefined, browsers: [edge], hostInstalled: false,
    kerberosHeaders: false,
  }));
  assert.deepEqual(plan.aptInstall, []);
  assert.equal(plan.nodeRuntime, 'npm-package');
  assert.equal(plan.blocked, [
    'Install on this Windows machine, then run this again:',
    '  - Build Tools for Visual Studio with the "Desktop development with C++" workload (code-server compiles native modules; Kerberos comes with Windows)',
    '  - Python 3 (node-gyp runs it)',
    '  - Git for Windows, with its `sh` on PATH (code-server\'s install script is a shell script)',
  ].join('\n'));
});

test('Windows with the tools and host installed but no browser: only the browser, with the override variable', () => {
  const plan = decideHostSetup(facts({ platform: 'win32', distro: undefined, uid: undefined, commands: ['py', 'sh'], debianPackages: undefined, browsers: [], buildTools: true }));
  assert.equal(plan.blocked, [
    'Install on this Windows machine, then run this again:',
    '  - Google Chrome or Microsoft Edge (or set ALICLOUD_KMS_BROWSER to the path of a Chrome, Chromium or Edge executable)',
  ].join('\n'));
});

test('ALICLOUD_KMS_BROWSER wins over the browsers found; a wrong path is reported, not searched around', () => {
  const chosen = decideHostSetup(facts({ browserOverride: { path: '/opt/chrome/chrome', exists: true } }));
  assert.deepEqual(chosen.browser, { name: 'ALICLOUD_KMS_BROWSER', path: '/opt/chrome/chrome' });
  assert.deepEqual(chosen.messages, ['Browser tests: /opt/chrome/chrome (ALICLOUD_KMS_BROWSER).']);
  const wrong = decideHostSetup(facts({ browserOverride: { path: '/nope/chrome', exists: false } }));
  assert.equal(wrong.blocked, 'ALICLOUD_KMS_BROWSER=/nope/chrome: no such file. Set it to the path of a Chrome, Chromium or Edge executable, or unset it to search.');
  assert.deepEqual(wrong.aptInstall, []);
});

test('demo with desktop VS Code found (macOS): the desktop window, nothing installed, no browser needed', () => {
  const plan = decideHostSetup(facts({
    platform: 'darwin', distro: undefined, purpose: 'demo', commands: [], debianPackages: undefined, browsers: [], hostInstalled: false,
    desktopVsCode: DESKTOP_MAC,
  }));
  assert.equal(plan.demoHost, 'desktop');
  assert.deepEqual(plan.desktopVsCode, DESKTOP_MAC);
  assert.equal(plan.installCodeServer, false);
  assert.equal(plan.blocked, undefined);
  assert.deepEqual(plan.messages, [
    `Demo: desktop VS Code (${DESKTOP_MAC.cli}) with a temporary profile; \`npm run demo -- --host code-server\` opens it in your browser instead.`,
  ]);
});

test('demo with desktop VS Code found but --host code-server (Windows): code-server, whose install needs the tools', () => {
  const plan = decideHostSetup(facts({
    platform: 'win32', distro: undefined, uid: undefined, purpose: 'demo', demoHost: 'code-server', commands: ['py', 'sh'],
    debianPackages: undefined, browsers: [], hostInstalled: false, desktopVsCode: DESKTOP_WIN,
  }));
  assert.equal(plan.demoHost, 'code-server');
  assert.equal(plan.desktopVsCode, undefined);
  assert.equal(plan.messages[0], 'Demo: code-server, opened in your own browser (--host code-server).');
  assert.match(plan.blocked ?? '', /Build Tools for Visual Studio/);
  assert.doesNotMatch(plan.blocked ?? '', /Chrome|Edge/, 'the demo needs no browser of ours');
});

test('demo without desktop VS Code (this machine): code-server in the user\'s own browser, no browser needed', () => {
  const plan = decideHostSetup(facts({ purpose: 'demo', browsers: [], uid: 1000 }));
  assert.equal(plan.demoHost, 'code-server');
  assert.equal(plan.blocked, undefined);
  assert.deepEqual(plan.messages, ['Demo: no desktop VS Code found (`code` on PATH or the default install location): code-server, opened in your own browser.']);
});

test('demo --host desktop without desktop VS Code: says how to get one or use code-server', () => {
  const plan = decideHostSetup(facts({ purpose: 'demo', demoHost: 'desktop' }));
  assert.equal(plan.blocked, 'No desktop VS Code found (`code` on PATH or the default install location): install VS Code, or run `npm run demo -- --host code-server`.');
  assert.deepEqual(plan.aptInstall, []);
});

test('demo with desktop VS Code on Debian as root: no apt-get even when packages are missing', () => {
  const plan = decideHostSetup(facts({
    purpose: 'demo', browsers: [], hostInstalled: false, kerberosHeaders: false, desktopVsCode: { cli: '/usr/share/code/bin/code', executable: '/usr/share/code/code' },
    debianPackages: { chromium: false, 'libkrb5-dev': false, 'build-essential': true, python3: true, 'fonts-noto-cjk': false },
  }));
  assert.equal(plan.demoHost, 'desktop');
  assert.deepEqual(plan.aptInstall, []);
});
