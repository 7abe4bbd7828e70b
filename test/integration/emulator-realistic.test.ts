// The realistic scenario (issue 19): its shape, its determinism, 80 ms per call, and RAM's flow
// control (20 read calls per second per account, then Throttling.User) with the real SDK.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as Ram from '@alicloud/ram20150501';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';
import { realisticSeed, REALISTIC_KEY, REALISTIC_THIS_INSTANCE } from '../emulator/scenarios/realistic';
import { RateLimiter, SERVICE_RATE_LIMITS } from '../emulator/rateLimit';

describe('emulator realistic scenario', () => {
  let emu: Emulator;
  before(async () => { emu = await startEmulator({ scenario: 'realistic' }); });
  after(() => emu.close());

  it('holds the account of the issue: roles, policies with versions, instances, keys and secrets', () => {
    const a = emu.account;
    const roles = [...a.roles.values()];
    assert.equal(roles.length, 1200);
    assert.equal(roles.filter((r) => r.name.startsWith('AliyunServiceRoleFor')).length, 400);
    const ecsTrusted = roles.filter((r) => JSON.parse(r.trustPolicy).Statement[0].Principal.Service?.[0] === 'ecs.aliyuncs.com');
    // AliyunServiceRoleForECS is trusted by ECS too, as in a real account, but it is no instance role.
    assert.equal(ecsTrusted.filter((r) => !r.name.startsWith('AliyunServiceRoleFor')).length, 700);
    assert.equal(a.policies.size, 300);
    const versions = [...a.policies.values()].map((p) => p.versions.length);
    assert.ok(Math.min(...versions) === 1 && Math.max(...versions) === 5);
    const system = new Set(roles.flatMap((r) => r.policies.filter((p) => p.type === 'System').map((p) => p.name)));
    assert.equal(system.size, 30);
    const uses = new Map<string, number>();
    for (const r of roles) for (const p of r.policies) if (p.type === 'Custom') uses.set(p.name, (uses.get(p.name) ?? 0) + 1);
    assert.ok([...uses.values()].filter((n) => n > 1).length > 100, 'many custom policies are attached to several roles');
    const instances = [...a.instances.values()];
    assert.equal(instances.length, 6000);
    assert.equal(new Set(instances.map((i) => i.region)).size, 12);
    assert.ok(instances.some((i) => i.networkType === 'classic'));
    assert.equal(a.keys.size, 300);
    assert.equal(new Set([...a.keys.values()].map((k) => k.region)).size, 4);
    assert.ok(a.aliases.size >= 300);
    assert.equal(a.secrets.size, 200);
    assert.ok(a.keys.has(REALISTIC_KEY));
    assert.equal(a.thisInstanceId, REALISTIC_THIS_INSTANCE);
    assert.equal(emu.faults.latencyMs, 80);
  });

  it('is deterministic: the same seed builds the same account', () => {
    assert.deepEqual(realisticSeed(), realisticSeed());
    assert.notDeepEqual(realisticSeed(1).roles, realisticSeed(2).roles);
  });

  it('answers RAM reads over 20 per second with Throttling.User and counts them', async () => {
    const ram = clients(emu.api, emu).ram;
    emu.resetCalls();
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => ram.getRole(new Ram.GetRoleRequest({ roleName: 'ecs-web-app-000' }))));
    const throttled = results.filter((r) => r.status === 'rejected' && codeOf(r.reason) === 'Throttling.User').length;
    assert.ok(throttled >= 8 && throttled <= 10, `30 calls at once: the bucket of 20 lets 20 (and what refilled) through, ${throttled} throttled`);
    assert.equal(emu.limits.throttled.GetRole, throttled);
    assert.equal(emu.calls.byAction.GetRole, 30);
  });
});

describe('emulator rate limiter', () => {
  it('refills at the rule rate: a token bucket per account and rule', () => {
    let now = 0;
    const limiter = new RateLimiter(SERVICE_RATE_LIMITS, () => now);
    for (let i = 0; i < 20; i++) assert.equal(limiter.check('a', 'ram', 'ListRoles'), undefined);
    assert.equal(limiter.check('a', 'ram', 'GetRole')?.code, 'Throttling.User');
    assert.equal(limiter.check('b', 'ram', 'GetRole'), undefined, 'another account has its own bucket');
    assert.equal(limiter.check('a', 'ram', 'CreateRole'), undefined, 'writes have their own bucket');
    assert.equal(limiter.check('a', 'sts', 'GetCallerIdentity'), undefined, 'no rule, no limit');
    now += 100;
    assert.equal(limiter.check('a', 'ram', 'GetRole'), undefined, '100 ms refills two tokens');
    assert.equal(limiter.check('a', 'ram', 'GetRole'), undefined);
    assert.equal(limiter.check('a', 'ram', 'GetRole')?.code, 'Throttling.User');
  });
});
