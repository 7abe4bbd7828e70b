// The CLI contract: one line of JSON on stdout when ready, a working administrator AccessKey,
// --seed FILE honoured, clean exit 0 on SIGTERM; bad flags fail with a message, not a stack.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Ecs from '@alicloud/ecs20140526';
import { clients } from '../emulator/sdkClients';

const CLI = join(__dirname, '..', 'emulator', 'cli.ts');

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => { if (stdout.includes('\n')) resolve(stdout.split('\n')[0]); });
    child.on('exit', () => reject(new Error(`exited before ready: ${stderr}`)));
  });
  return { child, firstLine, exited, out: () => stdout, err: () => stderr };
}

describe('emulator CLI', () => {
  it('prints one JSON line, serves the API with that AccessKey, exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-seed-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify({
      accountId: '1999000000000001',
      vpcs: [{ id: 'vpc-seed1', region: 'cn-shenzhen', vSwitches: [{ id: 'vsw-seed1' }] }],
      instances: [{ id: 'i-seeded1', name: 'seeded', region: 'cn-shenzhen', thisMachine: true }],
    }));
    const p = run(['--port', '0', '--metadata-port', '0', '--seed', seedFile, '--latency-ms', '0']);
    const line = await p.firstLine;
    const info = JSON.parse(line) as Record<string, string>;
    assert.deepEqual(Object.keys(info).sort(), ['accessKeyId', 'accessKeySecret', 'accountId', 'api', 'metadata']);
    assert.match(info.api, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(info.metadata, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(info.accountId, '1999000000000001');
    const { ecs } = clients(info.api, { accessKeyId: info.accessKeyId, accessKeySecret: info.accessKeySecret });
    const r = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'cn-shenzhen' }));
    assert.deepEqual(r.body?.instances?.instance?.map((i) => i.instanceId), ['i-seeded1']);
    assert.equal(await (await fetch(`${info.metadata}/latest/meta-data/instance-id`)).text(), 'i-seeded1');
    p.child.kill('SIGTERM');
    assert.equal(await p.exited, 0);
    assert.equal(p.out().trim().split('\n').length, 1);
  });

  it('rejects a bad flag and a bad seed with a one-line reason and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-bad-seed-'));
    const unknownPolicy = join(dir, 'unknown-policy.json');
    writeFileSync(unknownPolicy, JSON.stringify({ roles: [{ name: 'R', policies: ['NoSuchPolicy'] }] }));
    const badTrust = join(dir, 'bad-trust.json');
    writeFileSync(badTrust, JSON.stringify({ roles: [{ name: 'R', trustPolicy: { Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] } }] }));
    for (const args of [['--scenario', 'huge'], ['--port', 'abc'], ['--seed', '/nonexistent/seed.json'], ['--seed', unknownPolicy], ['--seed', badTrust]]) {
      const p = run(args);
      p.firstLine.catch(() => undefined);
      assert.equal(await p.exited, 2, args.join(' '));
      assert.match(p.err(), /^emulator: /);
      assert.doesNotMatch(p.err(), /\n\s+at /);
    }
  });
});
