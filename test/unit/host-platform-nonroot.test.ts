// The host setup on THIS Linux machine as a contributor without root would run it: a non-root user
// (nobody, through setpriv when the test runs as root, as CI does) with a PATH that holds no apt-get and
// no dpkg-query, only node, a C/C++ toolchain and, when the case wants one, Chromium. The installer's
// decision and check step (`install.ts --check --json`) and the browser launcher run as that user:
// no apt call is attempted, the browser tests use the Chromium on that PATH, and without one the
// report names the override variable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findOnPath } from '../../test/host/processes';

const repo = resolve(__dirname, '..', '..');
const NOBODY = 65534;
const chromium = findOnPath('chromium') ?? findOnPath('chromium-browser');

/** How to run a command as a non-root user here, or why that is impossible. */
function asUser(): { prefix: string[] } | { skip: string } {
  if (process.platform !== 'linux') return { skip: `runs on Linux only (this is ${process.platform})` };
  if (!chromium) return { skip: 'no Chromium on PATH to find' };
  if (process.getuid?.() !== 0) return { prefix: [] };
  const setpriv = findOnPath('setpriv');
  if (!setpriv) return { skip: 'running as root without setpriv (util-linux) to drop to a non-root user' };
  const drop = [setpriv, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];
  // A checkout only root can read (e.g. under /root): keep the one capability to read it, nothing else.
  const readable = spawnSync(drop[0]!, [...drop.slice(1), '--', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(join(repo, 'node_modules', 'tsx', 'package.json'))})`]);
  if (readable.status === 0) return { prefix: drop };
  return { prefix: [...drop, '--inh-caps=+dac_read_search', '--ambient-caps=+dac_read_search'] };
}

const how = asUser();
const skip = 'skip' in how ? how.skip : false;
if (skip) console.log(`# host-platform-nonroot skipped: ${skip}`);

let root: string;
let home: string;
let withBrowser: string;
let withoutBrowser: string;
let sudoCalls: string;

/** A bin folder with exactly `tools`, and a `sudo` that records any call (the old setup asked sudo first). */
function binDir(name: string, tools: Record<string, string | undefined>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [tool, target] of Object.entries(tools)) if (target) symlinkSync(target, join(dir, tool));
  writeFileSync(join(dir, 'sudo'), `#!/bin/sh\necho "$@" >> '${sudoCalls}'\nexit 1\n`);
  chmodSync(join(dir, 'sudo'), 0o755);
  for (const forbidden of ['apt-get', 'dpkg-query']) assert.equal(findOnPath(forbidden, { PATH: dir }), undefined);
  return dir;
}

before(() => {
  if (skip) return;
  root = mkdtempSync(join(tmpdir(), 'host-nonroot-'));
  chmodSync(root, 0o755);
  home = join(root, 'home');
  mkdirSync(home);
  sudoCalls = join(root, 'sudo-calls');
  const toolchain = {
    node: process.execPath,
    make: findOnPath('make'),
    'g++': findOnPath('g++'),
    // The system's python3, not a per-user shim another user cannot run.
    python3: existsSync('/usr/bin/python3') ? '/usr/bin/python3' : findOnPath('python3'),
  };
  withBrowser = binDir('bin-with-chromium', { ...toolchain, chromium });
  withoutBrowser = binDir('bin-without-browser', toolchain);
  if (process.getuid?.() === 0) chownSync(home, NOBODY, NOBODY);
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function run(path: string, args: string[], extraEnv: Record<string, string> = {}): SpawnSyncReturns<string> {
  const prefix = 'prefix' in how ? how.prefix : [];
  // A fresh, empty host cache: the check must not depend on an install this machine happens to have.
  const env = { PATH: path, HOME: home, ALICLOUD_KMS_HOST_CACHE: join(root, 'cache'), LANG: 'C.UTF-8', ...extraEnv };
  const command = [...prefix, process.execPath, '--import', 'tsx', ...args];
  return spawnSync(command[0]!, command.slice(1), { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
}

interface PlanJson {
  aptInstall: string[];
  blocked?: string;
  browser?: { name: string; path: string };
  messages: string[];
}

function check(path: string, extraEnv: Record<string, string> = {}): { result: SpawnSyncReturns<string>; plan: PlanJson } {
  const result = run(path, [join(repo, 'test', 'host', 'install.ts'), '--check', '--json'], extraEnv);
  const line = result.stdout.split('\n').find((text) => text.startsWith('{'));
  assert.ok(line, `no plan printed:\n${result.stdout}\n${result.stderr}`);
  return { result, plan: JSON.parse(line) as PlanJson };
}

const LAUNCH = `
const { launchBrowser } = require(${JSON.stringify(join(repo, 'test', 'host', 'browser.ts'))});
const { chromiumPath } = require(${JSON.stringify(join(repo, 'test', 'host', 'paths.ts'))});
(async () => {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto('data:text/html,<title>found</title>');
  console.log(JSON.stringify({ uid: process.getuid(), path: chromiumPath(), title: await page.title(), agent: await page.evaluate(() => navigator.userAgent) }));
  await browser.close();
})().catch((error) => { console.error(error.message); process.exit(1); });
`;

test('non-root, no apt-get or dpkg-query on PATH, Chromium on PATH: no apt call, the browser tests use that Chromium', { skip }, () => {
  const { result, plan } = check(withBrowser);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(plan.aptInstall, []);
  assert.equal(plan.blocked, undefined);
  assert.equal(plan.browser?.path, join(withBrowser, 'chromium'));
  assert.doesNotMatch(result.stdout + result.stderr, /apt-get (update|install)|\$ sudo/);
  assert.equal(existsSync(sudoCalls), false, 'sudo was never called');

  const launched = run(withBrowser, ['-e', LAUNCH]);
  assert.equal(launched.status, 0, launched.stderr);
  const seen = JSON.parse(launched.stdout.trim().split('\n').pop()!) as { uid: number; path: string; title: string; agent: string };
  assert.notEqual(seen.uid, 0, 'the browser ran as a non-root user');
  assert.equal(seen.path, join(withBrowser, 'chromium'));
  assert.equal(seen.title, 'found');
  assert.match(seen.agent, /Chrome\//);
});

test('non-root without any browser: reported with ALICLOUD_KMS_BROWSER to set, still no apt call', { skip }, () => {
  const { result, plan } = check(withoutBrowser);
  assert.equal(result.status, 1);
  assert.deepEqual(plan.aptInstall, []);
  assert.match(plan.blocked ?? '', /set ALICLOUD_KMS_BROWSER to the path of a Chrome, Chromium or Edge executable/);
  assert.equal(existsSync(sudoCalls), false, 'sudo was never called');

  const launched = run(withoutBrowser, ['-e', LAUNCH]);
  assert.equal(launched.status, 1);
  assert.match(launched.stderr, /No Chrome, Chromium or Edge found for the browser tests: install one, or set ALICLOUD_KMS_BROWSER/);
});

test('non-root with ALICLOUD_KMS_BROWSER set and no browser on PATH: the override is used', { skip }, () => {
  const { result, plan } = check(withoutBrowser, { ALICLOUD_KMS_BROWSER: chromium! });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(plan.browser, { name: 'ALICLOUD_KMS_BROWSER', path: chromium });
  assert.deepEqual(plan.aptInstall, []);
});
