// The desktop demo's launcher (test/host/desktopVsCode.ts) on this machine, which has no desktop VS Code:
// a stand-in `code` CLI and window executable (shell scripts) record what they receive. What is tested
// is OUR side: the .vsix installed into the private folders only, the emulator settings in the
// temporary profile's User/settings.json, the environment passed on, and stop() ending the window's
// whole process tree and removing the profile. VS Code itself is not imitated beyond its command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDesktopVsCode } from '../../test/host/desktopVsCode';

function script(path: string, body: string): string {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

function running(pid: number): boolean {
  const ps = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
  return ps.status === 0 && !ps.stdout.trim().startsWith('Z');
}

test('desktop demo: .vsix into the private folders, emulator settings in the profile, stop() ends the window tree', { skip: process.platform === 'win32' && 'POSIX shell stand-ins' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'host-desktop-'));
  try {
    const log = join(dir, 'log');
    const cli = script(join(dir, 'code'), `echo "cli $*" >> '${log}'`);
    // The "window" starts a helper that ignores SIGTERM, as Electron's helpers may, and records its environment.
    const executable = script(join(dir, 'Code'), [
      `echo "window $*" >> '${log}'`,
      `echo "env $ALIBABA_CLOUD_REGION_ID \${ELECTRON_RUN_AS_NODE:-unset}" >> '${log}'`,
      `sh -c 'trap "" TERM; while :; do sleep 1; done' & echo "helper $!" >> '${log}'`,
      'wait',
    ].join('\n'));
    process.env.ELECTRON_RUN_AS_NODE = '1';
    const window = await startDesktopVsCode({ cli, executable }, {
      installExtensions: ['/repo/alicloud-kms-access-0.1.0.vsix'],
      env: { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' },
      settings: { 'alicloudKms.metadataEndpoint': 'http://127.0.0.1:9999' },
      locale: 'zh-cn',
    }).finally(() => delete process.env.ELECTRON_RUN_AS_NODE);

    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const root = window.workspaceDir.replace(/\/workspace$/, '');
    assert.equal(lines[0], `cli --install-extension /repo/alicloud-kms-access-0.1.0.vsix --force --extensions-dir ${root}/extensions --user-data-dir ${root}/user-data`);
    assert.equal(lines[1], `window --user-data-dir ${root}/user-data --extensions-dir ${root}/extensions --new-window --skip-welcome --skip-release-notes --disable-workspace-trust --locale zh-cn ${root}/workspace`);
    assert.equal(lines[2], 'env cn-hangzhou unset', 'the demo env reaches the window; ELECTRON_RUN_AS_NODE does not');
    const settings = JSON.parse(readFileSync(join(root, 'user-data', 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(settings['alicloudKms.metadataEndpoint'], 'http://127.0.0.1:9999');
    assert.equal(settings['telemetry.telemetryLevel'], 'off', 'the test host settings are the base');
    const helper = Number(lines[3]!.split(' ')[1]);
    assert.ok(running(helper));

    await window.stop();
    await window.exited;
    await new Promise((done) => setTimeout(done, 200));
    assert.ok(!running(helper), 'the helper of the window is gone');
    assert.ok(window.pid !== undefined && !running(window.pid), 'the window process is gone');
    assert.equal(existsSync(root), false, 'the temporary profile is removed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('desktop demo: a window that ends at once is reported with its output', { skip: process.platform === 'win32' && 'POSIX shell stand-ins' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'host-desktop-'));
  try {
    const cli = script(join(dir, 'code'), 'exit 0');
    const executable = script(join(dir, 'Code'), 'echo "Missing X server or display" >&2; exit 1');
    await assert.rejects(startDesktopVsCode({ cli, executable }, {}), /ended at once \(exit 1\):\nMissing X server or display/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
