// Fan-out across regions with one failing region, bounded concurrency, retries on throttling,
// 5xx and connection resets, and cancellation — against the emulator's fault injection.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import { collect } from '../../src/cloud/paging';
import { CloudCancelledError, CloudError, type CloudServices, type EcsInstance, type RegionOutcome } from '../../src/cloud/types';

let h: Harness;
let s: CloudServices;

before(async () => {
  h = await startHarness({ randomSeed: 7 });
  s = await h.admin('cn-hangzhou');
});
after(() => h.close());

test('fan-out streams each region\'s instances; a failing region becomes an error for that region only', async () => {
  const outcomes: RegionOutcome<EcsInstance[]>[] = [];
  for await (const outcome of s.ecs.listInstancesAllRegions({ regions: ['cn-hangzhou', 'xx-nowhere-1', 'cn-shanghai', 'cn-beijing'], concurrency: 2 })) {
    outcomes.push(outcome);
  }
  assert.equal(outcomes.length, 4);
  const by = Object.fromEntries(outcomes.map((o) => [o.regionId, o]));
  const failed = by['xx-nowhere-1'];
  assert.equal(failed.ok, false);
  assert.ok(!failed.ok && failed.error instanceof CloudError && failed.error.code === 'InvalidRegionId.NotFound');
  const counts = Object.fromEntries(outcomes.filter((o) => o.ok).map((o) => [o.regionId, o.ok ? o.value.length : -1]));
  assert.deepEqual(counts, { 'cn-hangzhou': 4, 'cn-shanghai': 2, 'cn-beijing': 2 });
});

test('fan-out without a region list asks DescribeRegions and never runs more than `concurrency` regions at once', async () => {
  let running = 0;
  let peak = 0;
  const regions = (await s.ecs.describeRegions()).map((r) => r.regionId);
  const seen: string[] = [];
  for await (const outcome of s.fanOut(regions, async (regionId, options) => {
    running++;
    peak = Math.max(peak, running);
    try {
      return await collect(s.ecs.listInstances(regionId, { ...options, includeRamRoles: false }));
    } finally {
      running--;
    }
  }, { concurrency: 3 })) {
    assert.equal(outcome.ok, true);
    seen.push(outcome.regionId);
  }
  assert.equal(seen.length, regions.length);
  assert.ok(peak <= 3 && peak >= 2, `peak concurrency ${peak}`);
  const all = [];
  for await (const outcome of s.ecs.listInstancesAllRegions({ concurrency: 4 })) all.push(outcome);
  assert.equal(all.length, regions.length);
});

test('throttling, 5xx and connection resets are retried with backoff until the call succeeds', async () => {
  h.emulator.faults.throttleRate = 0.3;
  h.emulator.faults.errorRate = 0.1;
  h.emulator.faults.resetRate = 0.1;
  h.emulator.resetCalls();
  try {
    const roles = await collect(s.ram.listRoles({ pageSize: 1 }));
    assert.equal(roles.length, h.emulator.account.roles.size, 'every role, none twice, none lost to a retry');
    for (let i = 0; i < 10; i++) assert.equal((await s.kms().describeKey('alias/demo-app')).keyState, 'Enabled');
    const calls = h.emulator.calls.byAction;
    assert.ok((calls.ListRoles ?? 0) + (calls.DescribeKey ?? 0) > 15, `faults forced retries: ${JSON.stringify(calls)}`);
    assert.ok(h.log.lines.some((l) => /retrying in \d+ ms/.test(l)), 'retries are logged');
  } finally {
    Object.assign(h.emulator.faults, { throttleRate: 0, errorRate: 0, resetRate: 0 });
  }
});

test('a call throttled on every attempt gives up with a CloudError saying so', async () => {
  h.emulator.faults.throttleRate = 1;
  h.emulator.resetCalls();
  try {
    const error = await s.sts.getCallerIdentity().catch((e: unknown) => e);
    assert.ok(error instanceof CloudError);
    assert.equal(error.code, 'Throttling.User');
    assert.match(error.message, /still throttled after 6 attempts/);
    assert.match(error.hint ?? '', /throttling/);
    assert.equal(h.emulator.calls.byAction.GetCallerIdentity, 6);
  } finally {
    h.emulator.faults.throttleRate = 0;
  }
});

test('a non-idempotent call is not repeated after a 5xx unless the check shows it did not happen', async () => {
  const trust = '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}';
  h.emulator.faults.errorRate = 1;
  h.emulator.resetCalls();
  try {
    const error = await s.ram.createRole({ roleName: 'NeverCreated', assumeRolePolicyDocument: trust }).catch((e: unknown) => e);
    assert.ok(error instanceof CloudError);
    assert.equal(error.code, 'ServiceUnavailable');
    // Every CreateRole was followed by a GetRole check before any resend.
    assert.ok((h.emulator.calls.byAction.GetRole ?? 0) >= 1);
  } finally {
    h.emulator.faults.errorRate = 0;
  }
  const role = await s.ram.createRole({ roleName: 'CreatedOnce', assumeRolePolicyDocument: trust });
  assert.equal(role.roleName, 'CreatedOnce');
});

test('cancellation stops a paged listing and a fan-out with CloudCancelledError', async () => {
  h.emulator.faults.latencyMs = 50;
  try {
    const controller = new AbortController();
    const listing = collect(s.ecs.listInstances('cn-hangzhou', { pageSize: 1, signal: controller.signal }));
    setTimeout(() => controller.abort(), 80);
    await assert.rejects(listing, CloudCancelledError);

    const fanController = new AbortController();
    const fan = (async () => {
      for await (const _ of s.ecs.listInstancesAllRegions({ regions: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'], concurrency: 1, signal: fanController.signal })) {
        fanController.abort();
      }
    })();
    await assert.rejects(fan, CloudCancelledError);
  } finally {
    h.emulator.faults.latencyMs = 0;
  }
});
