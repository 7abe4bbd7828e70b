// Injected faults (latency, Throttling.User, 5xx, connection resets; reproducible with a seed),
// the call counters, and the large scenario: built quickly and paged across with the real SDKs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as Ecs from '@alicloud/ecs20140526';
import * as Kms from '@alicloud/kms20160120';
import * as Ram from '@alicloud/ram20150501';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';

describe('emulator faults', () => {
  let emu: Emulator;
  before(async () => { emu = await startEmulator({ scenario: 'empty', randomSeed: 42 }); });
  after(() => emu.close());

  it('throttles with Throttling.User, which openapi-core reports as a ThrottlingError', async () => {
    const c = clients(emu.api, emu);
    emu.faults.throttleRate = 1;
    try {
      await assert.rejects(c.sts.getCallerIdentity(), (e: { name: string; code: string; statusCode: number }) =>
        e.code === 'Throttling.User' && e.statusCode === 400 && e.name === 'ThrottlingError');
      await assert.rejects(c.kms.listKeys(new Kms.ListKeysRequest({})), (e) => codeOf(e) === 'Throttling.User');
    } finally {
      emu.faults.throttleRate = 0;
    }
  });

  it('answers 503 ServiceUnavailable at the error rate and resets connections at the reset rate', async () => {
    const c = clients(emu.api, emu);
    emu.faults.errorRate = 1;
    try {
      await assert.rejects(c.sts.getCallerIdentity(), (e: { code: string; statusCode: number }) => e.code === 'ServiceUnavailable' && e.statusCode === 503);
    } finally {
      emu.faults.errorRate = 0;
    }
    emu.faults.resetRate = 1;
    try {
      await assert.rejects(c.sts.getCallerIdentity(), (e: { code?: string; message: string }) => /ECONNRESET|socket hang up/i.test(`${e.code} ${e.message}`));
    } finally {
      emu.faults.resetRate = 0;
    }
    assert.equal((await c.sts.getCallerIdentity()).body?.accountId, emu.accountId);
  });

  it('a partial rate fails some calls, the same ones for the same random seed', async () => {
    const outcomes = async (): Promise<string> => {
      const e2 = await startEmulator({ scenario: 'empty', randomSeed: 7, throttleRate: 0.5 });
      try {
        const c = clients(e2.api, e2);
        let out = '';
        for (let n = 0; n < 12; n++) out += await c.sts.getCallerIdentity().then(() => '.', () => 'T');
        return out;
      } finally {
        await e2.close();
      }
    };
    const a = await outcomes();
    assert.ok(a.includes('T') && a.includes('.'), a);
    assert.equal(await outcomes(), a);
  });

  it('adds latency and counts calls by action', async () => {
    const c = clients(emu.api, emu);
    emu.resetCalls();
    emu.faults.latencyMs = 120;
    try {
      const started = Date.now();
      await c.sts.getCallerIdentity();
      assert.ok(Date.now() - started >= 110);
    } finally {
      emu.faults.latencyMs = 0;
    }
    await c.ram.listRoles(new Ram.ListRolesRequest({}));
    assert.equal(emu.calls.total, 2);
    assert.deepEqual(emu.calls.byAction, { GetCallerIdentity: 1, ListRoles: 1 });
  });
});

describe('emulator large scenario', () => {
  let emu: Emulator;
  let buildMs = 0;
  before(async () => {
    const started = Date.now();
    emu = await startEmulator({ scenario: 'large' });
    buildMs = Date.now() - started;
  });
  after(() => emu.close());

  it('holds 10,000 instances over every region, 2,000 roles and 1,000 keys', async () => {
    assert.equal(emu.account.instances.size, 10_000);
    assert.equal(emu.account.roles.size, 2000);
    assert.equal(emu.account.keys.size, 1000);
    const regions = new Set([...emu.account.instances.values()].map((i) => i.region));
    assert.ok(regions.size >= 25);
    // Not a timing assertion on the suite: a generous bound that catches an accidental O(n²) build.
    assert.ok(buildMs < 10_000, `built in ${buildMs} ms`);
  });

  it('pages across all instances of a region with NextToken, and all roles with Marker', async () => {
    const { ecs, ram } = clients(emu.api, emu);
    const expected = [...emu.account.instances.values()].filter((i) => i.region === 'cn-hangzhou').length;
    let token: string | undefined;
    let count = 0;
    do {
      const page = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', maxResults: 100, nextToken: token }));
      count += page.body?.instances?.instance?.length ?? 0;
      token = page.body?.nextToken || undefined;
    } while (token);
    assert.equal(count, expected);
    let marker: string | undefined;
    let roles = 0;
    do {
      const page = await ram.listRoles(new Ram.ListRolesRequest({ maxItems: 1000, marker }));
      roles += page.body?.roles?.role?.length ?? 0;
      marker = page.body?.isTruncated ? page.body.marker : undefined;
    } while (marker);
    assert.equal(roles, 2000);
  });
});
