// Reliability under faults, against the emulator and against local sockets that misbehave on purpose:
// listings stay exact under throttling + 5xx + jittered latency, a skewed clock is explained as such,
// and a port that accepts and never answers ends in a timeout (or a cancel) with a clear message.
// Every test prints what it injected and what it counted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { startHarness, type Harness } from './cloud-harness';
import { collect } from '../../src/cloud/paging';
import { createCloudServicesFactory } from '../../src/cloud';
import { CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS } from '../../src/cloud/clients';
import { randomSource } from '../emulator/faults';
import { CloudCancelledError, CloudError, type CloudServices } from '../../src/cloud/types';
import { MemoryLog, MemorySecretStore } from './cloud-harness';

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1'];

let h: Harness;
let s: CloudServices;

before(async () => {
  // The large account: 10,000 instances over every region, 1,000 keys in cn-hangzhou.
  h = await startHarness({ scenario: 'large', randomSeed: 20261130 });
  s = await h.admin('cn-hangzhou');
});
after(() => h.close());

/** Changes the emulator's latency every few ms (seeded), so answers overtake each other. */
function jitterLatency(maxMs: number, seed: number): () => void {
  const random = randomSource(seed);
  const timer = setInterval(() => { h.emulator.faults.latencyMs = Math.round(random() * maxMs); }, 3);
  return () => {
    clearInterval(timer);
    h.emulator.faults.latencyMs = 0;
  };
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

test('30% throttling + 10% 5xx + jittered latency: instance and key listings are exactly the seed', async (t) => {
  const expectedInstances = [...h.emulator.account.instances.values()].filter((i) => REGIONS.includes(i.region)).map((i) => i.id).sort();
  const expectedKeys = [...h.emulator.account.keys.values()].filter((k) => k.region === 'cn-hangzhou').map((k) => k.id).sort();
  assert.ok(expectedInstances.length > 1500 && expectedKeys.length === 1000, 'the seed is big enough to need many pages');

  Object.assign(h.emulator.faults, { throttleRate: 0.3, errorRate: 0.1 });
  const stopJitter = jitterLatency(25, 7);
  h.emulator.resetCalls();
  try {
    const instanceIds: string[] = [];
    for await (const outcome of s.ecs.listInstancesAllRegions({ regions: REGIONS, concurrency: 3 })) {
      assert.ok(outcome.ok, `region ${outcome.regionId}: ${outcome.ok ? '' : outcome.error.message}`);
      instanceIds.push(...outcome.value.map((i) => i.instanceId));
    }
    const keyIds = (await collect(s.kms('cn-hangzhou').listKeys({ pageSize: 50 }))).map((k) => k.keyId);

    assert.deepEqual(duplicates(instanceIds), [], 'no instance listed twice');
    assert.deepEqual(duplicates(keyIds), [], 'no key listed twice');
    assert.deepEqual([...instanceIds].sort(), expectedInstances, 'no instance missing or extra');
    assert.deepEqual([...keyIds].sort(), expectedKeys, 'no key missing or extra');

    const calls = h.emulator.calls;
    const retries = h.log.lines.filter((l) => /retrying in \d+ ms/.test(l)).length;
    t.diagnostic(`faults: throttleRate 0.3, errorRate 0.1, latency jittered 0..25 ms (seeded); API calls ${calls.total} ${JSON.stringify(calls.byAction)}; retries logged ${retries}`);
    t.diagnostic(`listed ${instanceIds.length} instances in ${REGIONS.length} regions and ${keyIds.length} keys: identical to the seed`);
    assert.ok(retries > 20, `faults were really injected and retried (${retries})`);
  } finally {
    stopJitter();
    Object.assign(h.emulator.faults, { throttleRate: 0, errorRate: 0 });
  }
});

test('a clock 20 minutes off is explained as clock skew (both SDK generations), and calls work again once it is fixed', async (t) => {
  h.emulator.faults.clockSkewMs = 20 * 60 * 1000;
  try {
    for (const [name, call] of [['STS GetCallerIdentity (ACS3)', () => s.sts.getCallerIdentity()], ['KMS DescribeKey (RPC v1)', () => collect(s.kms('cn-hangzhou').listKeys({ pageSize: 1 }))]] as const) {
      const error = await call().then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof CloudError, `${name}: a CloudError`);
      assert.match(error.code, /^InvalidTimeStamp/);
      assert.match(error.hint ?? '', /clock differs from Alibaba Cloud's by more than 15 minutes.*NTP/, `${name}: ${error.hint}`);
      t.diagnostic(`${name} with the service clock +20 min: ${error.code} — ${error.hint}`);
    }
  } finally {
    h.emulator.faults.clockSkewMs = 0;
  }
  assert.equal((await s.sts.getCallerIdentity()).accountId, h.emulator.accountId);
});

// A socket that accepts connections and never answers: what a firewall that drops packets looks like
// after the handshake, or a proxy that hangs. 127.0.0.1 only.
async function blackhole(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => count,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

const STS_TOKEN = 'CAIS-known-sts-token-value-0001';
const AK_SECRET = 'known-accesskey-secret-0001';

/** Services signed with a made-up STS credential (the environment source), every product pointed at `url`. */
function servicesAt(url: string, attempts: number, log = new MemoryLog()): CloudServices {
  const settings = { endpoints: { ecs: url, ram: url, sts: url, kms: url }, metadataEndpoint: url };
  const factory = createCloudServicesFactory(
    { secrets: new MemorySecretStore(), settings: () => settings, log, home: h.home,
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'STS.Blackhole0001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN: STS_TOKEN } },
    { retry: { maxAttempts: attempts, baseDelayMs: 5, maxDelayMs: 20 } },
  );
  const profile = { id: 'environment:env', name: 'env', source: 'environment' as const, kind: 'StsToken' as const, usable: true };
  return factory.createServices(profile, 'cn-hangzhou');
}

test('a blackholed endpoint: every kind of call can be cancelled at once, with CloudCancelledError', async (t) => {
  const hole = await blackhole();
  try {
    const services = servicesAt(hole.url, 5);
    const calls: [string, (signal: AbortSignal) => Promise<unknown>][] = [
      ['ECS DescribeRegions', (signal) => services.ecs.describeRegions({ signal })],
      ['ECS DescribeInstances (paged)', (signal) => collect(services.ecs.listInstances('cn-hangzhou', { signal }))],
      ['RAM ListRoles', (signal) => collect(services.ram.listRoles({ signal }))],
      ['STS GetCallerIdentity', (signal) => services.sts.getCallerIdentity({ signal })],
      ['KMS ListKeys', (signal) => collect(services.kms().listKeys({ signal }))],
      ['KMS Encrypt', (signal) => services.kms().encrypt({ keyId: 'alias/x', plaintext: 'p' }, { signal })],
    ];
    for (const [name, call] of calls) {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 300);
      const error = await call(controller.signal).then(() => undefined, (e: unknown) => e);
      const ms = Date.now() - started;
      assert.ok(error instanceof CloudCancelledError, `${name}: cancelled, got ${String(error)}`);
      assert.ok(ms < 2000, `${name}: the cancel took effect at once (${ms} ms)`);
      t.diagnostic(`${name}: cancelled after ${ms} ms`);
    }
    assert.ok(hole.connections() >= calls.length, 'the calls really reached the blackhole');
  } finally {
    await hole.close();
  }
});

test('a blackholed endpoint: each SDK generation gives up within its timeout with a clear RequestTimeout', async (t) => {
  const hole = await blackhole();
  try {
    const log = new MemoryLog();
    const services = servicesAt(hole.url, 1, log);
    for (const [name, call] of [['STS GetCallerIdentity (openapi-core)', () => services.sts.getCallerIdentity()], ['KMS ListKeys (rpc client)', () => collect(services.kms().listKeys())]] as const) {
      const started = Date.now();
      const error = await call().then(() => undefined, (e: unknown) => e);
      const ms = Date.now() - started;
      assert.ok(error instanceof CloudError, `${name}: a CloudError, got ${String(error)}`);
      assert.equal(error.code, 'RequestTimeout', `${name}: ${error.code} ${error.message}`);
      assert.match(error.hint ?? '', /did not answer in time/);
      // The RPC client puts SecurityToken in the query string, and the SDK's timeout message quotes the URL.
      const shown = `${error.message} ${error.hint ?? ''} ${log.lines.join('\n')}`;
      assert.ok(!shown.includes(STS_TOKEN) && !shown.includes(AK_SECRET), `${name}: no credential in the message or the log: ${error.message}`);
      assert.ok(ms < READ_TIMEOUT_MS + 2000, `${name}: gave up within the ${READ_TIMEOUT_MS} ms read timeout (${ms} ms)`);
      t.diagnostic(`${name}, one attempt against a blackhole: ${error.code} after ${ms} ms (connect ${CONNECT_TIMEOUT_MS} ms, read ${READ_TIMEOUT_MS} ms) — ${error.message} / ${error.hint}`);
    }
  } finally {
    await hole.close();
  }
});

test('a blackholed metadata service: the probe answers "not on ECS" quickly and the credential fetch times out clearly', async (t) => {
  const hole = await blackhole();
  try {
    const log = new MemoryLog();
    const factory = createCloudServicesFactory({ secrets: new MemorySecretStore(), settings: () => ({ metadataEndpoint: hole.url }), log, home: h.home, env: {} });
    let started = Date.now();
    const probe = await factory.metadata.probe();
    const probeMs = Date.now() - started;
    assert.equal(probe.onEcs, false);
    assert.ok(probeMs < 2000, `probe gave up quickly (${probeMs} ms)`);
    started = Date.now();
    const error = await factory.metadata.getCredential().then(() => undefined, (e: unknown) => e);
    const fetchMs = Date.now() - started;
    assert.ok(error instanceof CloudError, `a CloudError, got ${String(error)}`);
    assert.ok(error.message.length > 20 && !/undefined|\[object/.test(error.message), error.message);
    assert.ok(fetchMs < 10_000, `credential fetch gave up (${fetchMs} ms)`);
    t.diagnostic(`metadata blackhole: probe ${JSON.stringify(probe)} in ${probeMs} ms; getCredential: ${error.code} in ${fetchMs} ms — ${error.message}`);
  } finally {
    await hole.close();
  }
});
