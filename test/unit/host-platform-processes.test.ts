// The portable pieces under the host setup: cmd.exe quoting for .cmd shims, PATH lookup with PATHEXT,
// where each platform installs browsers and VS Code, the window executable behind a `code` CLI,
// /etc/os-release, the desktop demo's arguments, and stopping a whole process tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uriPath } from '../../test/host/browser';
import { browserLocations } from '../../test/host/browserSearch';
import { desktopInstallArgs, desktopWindowArgs } from '../../test/host/desktopVsCode';
import { parseOsRelease } from '../../test/host/hostFacts';
import { exited, findOnPath, invocation, killTree, quoteForCmd, spawnTree } from '../../test/host/processes';
import { executableOfCli, isRemoteCli, vscodeCliLocations } from '../../test/host/vscodeSearch';

test('a .cmd shim runs through cmd.exe, each argument quoted and its metacharacters escaped for the shim\'s re-parse', () => {
  const how = invocation('C:\\Program Files\\nodejs\\npm.cmd', ['run', 'a b', 'x&y', '100%'], 'win32', 'C:\\Windows\\system32\\cmd.exe');
  assert.equal(how.file, 'C:\\Windows\\system32\\cmd.exe');
  assert.equal(how.windowsVerbatimArguments, true);
  assert.deepEqual(how.args.slice(0, 3), ['/d', '/s', '/c']);
  assert.equal(
    how.args[3],
    '"C:\\Program^ Files\\nodejs\\npm.cmd ^^^"run^^^" ^^^"a^^^ b^^^" ^^^"x^^^&y^^^" ^^^"100^^^%^^^""',
  );
});

test('quoteForCmd follows the CommandLineToArgvW rules for backslashes and quotes', () => {
  assert.equal(quoteForCmd('C:\\dir\\'), '^^^"C:\\dir\\\\^^^"');
  assert.equal(quoteForCmd('say "hi"'), '^^^"say^^^ \\^^^"hi\\^^^"^^^"');
  assert.equal(quoteForCmd(''), '^^^"^^^"');
});

test('an .exe, or any file on POSIX, is spawned as is', () => {
  assert.deepEqual(invocation('C:\\VS Code\\Code.exe', ['--new-window'], 'win32'), { file: 'C:\\VS Code\\Code.exe', args: ['--new-window'], windowsVerbatimArguments: false });
  assert.deepEqual(invocation('/usr/bin/npm.cmd', ['x'], 'linux'), { file: '/usr/bin/npm.cmd', args: ['x'], windowsVerbatimArguments: false });
});

test('findOnPath finds `npm` as npm.cmd through PATHEXT on Windows, and only the exact name elsewhere', () => {
  const dir = mkdtempSync(join(tmpdir(), 'host-path-'));
  try {
    // Windows file names are case-insensitive; this Linux file is named as PATHEXT spells the extension.
    writeFileSync(join(dir, 'npm.CMD'), '');
    writeFileSync(join(dir, 'tool'), '');
    assert.equal(findOnPath('npm', { Path: dir, PATHEXT: '.EXE;.CMD' }, 'win32'), join(dir, 'npm.CMD'));
    assert.equal(findOnPath('npm', { PATH: dir }, 'linux'), undefined);
    assert.equal(findOnPath('tool', { PATH: dir }, 'linux'), join(dir, 'tool'));
    assert.equal(findOnPath('tool', { PATH: '' }, 'linux'), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('browser locations: the .app bundles on macOS, Chrome and Edge under Program Files and LocalAppData on Windows', () => {
  assert.deepEqual(browserLocations('darwin', {}, '/Users/ada').map(({ path }) => path), [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Users/ada/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ]);
  const windows = browserLocations('win32', { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, '');
  assert.ok(windows.some(({ path }) => path === 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'));
  assert.ok(windows.some(({ path }) => path === 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'));
  assert.ok(windows.some(({ path }) => path === 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'));
});

test('desktop VS Code: default CLI locations and the window executable behind each CLI', () => {
  assert.deepEqual(vscodeCliLocations('win32', { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, ''), [
    'C:\\Users\\ada\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.cmd',
  ]);
  assert.equal(executableOfCli('C:\\Users\\ada\\AppData\\Local\\Programs\\Microsoft VS Code\\bin\\code.cmd', 'win32'), 'C:\\Users\\ada\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe');
  assert.equal(executableOfCli('/usr/share/code/bin/code', 'linux'), '/usr/share/code/code');
  const mac = '/Applications/Visual Studio Code.app/Contents/Resources/app/bin/code';
  assert.equal(executableOfCli(mac, 'darwin'), '/Applications/Visual Studio Code.app/Contents/MacOS/Electron');
  assert.equal(
    executableOfCli(mac, 'darwin', (contents) => (contents === '/Applications/Visual Studio Code.app/Contents' ? 'Code' : undefined)),
    '/Applications/Visual Studio Code.app/Contents/MacOS/Code',
  );
  assert.equal(isRemoteCli('/home/ada/.vscode-server/cli/servers/Stable-1/server/bin/remote-cli/code'), true);
  assert.equal(isRemoteCli('/usr/share/code/bin/code'), false);
});

test('workbench payload paths are URI paths on Windows too', () => {
  assert.equal(uriPath('C:\\Users\\ada\\repo', 'win32'), '/C:/Users/ada/repo');
  assert.equal(uriPath('/home/ada/repo', 'linux'), '/home/ada/repo');
});

test('/etc/os-release: ID, ID_LIKE and PRETTY_NAME, quoted or not', () => {
  assert.deepEqual(parseOsRelease('PRETTY_NAME="Ubuntu 24.04 LTS"\nID=ubuntu\nID_LIKE=debian\n'), { id: 'ubuntu', idLike: ['debian'], prettyName: 'Ubuntu 24.04 LTS' });
  assert.deepEqual(parseOsRelease("ID='rocky'\nID_LIKE=\"rhel centos fedora\"\n"), { id: 'rocky', idLike: ['rhel', 'centos', 'fedora'], prettyName: undefined });
});

test('the desktop demo installs the .vsix into, and opens the window with, the private folders only', () => {
  const dirs = { root: '/t', userData: '/t/user-data', extensions: '/t/extensions', workspace: '/t/workspace' };
  assert.deepEqual(desktopInstallArgs('/r/x.vsix', dirs), ['--install-extension', '/r/x.vsix', '--force', '--extensions-dir', '/t/extensions', '--user-data-dir', '/t/user-data']);
  assert.deepEqual(desktopWindowArgs(dirs, 'zh-cn'), [
    '--user-data-dir', '/t/user-data', '--extensions-dir', '/t/extensions',
    '--new-window', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust', '--locale', 'zh-cn', '/t/workspace',
  ]);
});

/** Running, not a zombie: an orphan waits for PID 1 to reap it, which in a container may never happen. */
function running(pid: number): boolean {
  const ps = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
  return ps.status === 0 && !ps.stdout.trim().startsWith('Z');
}

test('killTree stops a started process and the helper it started', { skip: process.platform === 'win32' && 'POSIX process groups' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'host-tree-'));
  try {
    const script = join(dir, 'tree.sh');
    const pidFile = join(dir, 'helper.pid');
    mkdirSync(dir, { recursive: true });
    // The helper ignores SIGTERM, like a busy extension host.
    writeFileSync(script, `#!/bin/sh\nsh -c 'trap "" TERM; while :; do sleep 1; done' &\necho $! > "${pidFile}"\nwait\n`);
    chmodSync(script, 0o755);
    const child = spawnTree(script, [], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    while (spawnSync('test', ['-s', pidFile]).status !== 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    const helper = Number(spawnSync('cat', [pidFile], { encoding: 'utf8' }).stdout.trim());
    assert.ok(helper > 0, 'the helper started');
    killTree(child);
    await exited(child);
    assert.ok(running(helper), 'SIGTERM spares the helper that ignores it');
    killTree(child, true);
    await new Promise((done) => setTimeout(done, 200));
    assert.ok(!running(helper), 'the forced stop reaches the helper in the same tree');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
