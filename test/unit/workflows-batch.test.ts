// The pure part of Attach/Detach/Replace: which instance gets what and why, and the CLI equivalent.
// (Execution against the emulator with the real services: test/integration/workflows-execute.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instanceRoleBatches } from '../../src/cloud/ecsBatches';
import { groupBy } from '../../src/util/chunk';
import { instancesWithOtherRole, planAttach, planCli, planDetach, type InstanceRef } from '../../src/workflows/roleBatch/plan';
import { countOutcomes, outcomeLogLines } from '../../src/workflows/roleBatch/report';

const vpc = (id: string, regionId = 'cn-hangzhou', ramRoleName?: string): InstanceRef => ({ instanceId: id, regionId, networkType: 'vpc', ramRoleName });
const classic = (id: string): InstanceRef => ({ instanceId: id, regionId: 'cn-hangzhou', networkType: 'classic' });

test('planAttach: classic skipped, same role (any case) skipped, other role replaced or skipped, duplicates once', () => {
  const list = [vpc('i-a'), classic('i-c'), vpc('i-same', 'cn-hangzhou', 'APPROLE'), vpc('i-other', 'cn-shanghai', 'OldRole'), vpc('i-a')];
  const replace = planAttach(list, 'AppRole', 'replace');
  assert.deepEqual(replace.run.map((e) => [e.instance.instanceId, e.action]), [['i-a', 'attach'], ['i-other', 'replace']]);
  assert.deepEqual(replace.skipped.map((e) => [e.instance.instanceId, e.reason]), [['i-c', 'classic'], ['i-same', 'alreadyAttached']]);
  const skip = planAttach(list, 'AppRole', 'skip');
  assert.deepEqual(skip.run.map((e) => e.instance.instanceId), ['i-a']);
  assert.deepEqual(skip.skipped.map((e) => e.reason), ['classic', 'alreadyAttached', 'otherRole']);
  assert.equal(replace.roleName, 'AppRole');
});

test('planAttach: Classic network is matched case-insensitively and never replaced', () => {
  const plan = planAttach([{ instanceId: 'i-x', regionId: 'r', networkType: 'Classic', ramRoleName: 'Old' }], 'New', 'replace');
  assert.deepEqual(plan.run, []);
  assert.equal(plan.skipped[0].reason, 'classic');
});

test('instancesWithOtherRole: only VPC instances with a different role', () => {
  const list = [vpc('i-1', 'r', 'x'), vpc('i-2', 'r', 'Role'), vpc('i-3'), { ...classic('i-4'), ramRoleName: 'x' }];
  assert.deepEqual(instancesWithOtherRole(list, 'role').map((i) => i.instanceId), ['i-1']);
});

test('planDetach: instances without a role are skipped', () => {
  const plan = planDetach([vpc('i-1', 'r', 'A'), vpc('i-2'), classic('i-3')]);
  assert.deepEqual(plan.run.map((e) => [e.instance.instanceId, e.action]), [['i-1', 'detach']]);
  assert.deepEqual(plan.skipped.map((e) => e.reason), ['noRole', 'noRole']);
});

test('instanceRoleBatches and groupBy: batches of 100 in order, groups in first-seen order', () => {
  const ids = Array.from({ length: 250 }, (_, n) => n);
  assert.deepEqual(instanceRoleBatches(ids).map((c) => c.length), [100, 100, 50]);
  assert.deepEqual(instanceRoleBatches(ids)[1][0], 100);
  assert.deepEqual(instanceRoleBatches([]), []);
  assert.deepEqual([...groupBy(['b1', 'a1', 'b2'], (s) => s[0]).entries()], [['b', ['b1', 'b2']], ['a', ['a1']]]);
});

test('planCli: per region, the detaches of replaced roles (per old role) come before the attach', () => {
  const plan = planAttach([vpc('i-1', 'cn-hangzhou', 'Old'), vpc('i-2'), vpc('i-3', 'cn-shanghai')], 'New', 'replace');
  assert.deepEqual(planCli(plan), [
    'aliyun ecs DetachInstanceRamRole --RegionId cn-hangzhou --InstanceIds \'["i-1"]\' --RamRoleName Old',
    'aliyun ecs AttachInstanceRamRole --RegionId cn-hangzhou --RamRoleName New --InstanceIds \'["i-1","i-2"]\'',
    'aliyun ecs AttachInstanceRamRole --RegionId cn-shanghai --RamRoleName New --InstanceIds \'["i-3"]\'',
  ]);
  const many = planAttach(Array.from({ length: 101 }, (_, n) => vpc(`i-${n}`)), 'New', 'skip');
  assert.equal(planCli(many).length, 2, '101 instances: two calls');
  assert.deepEqual(planCli(planDetach([vpc('i-1', 'r1', 'A'), vpc('i-2', 'r1', 'B')])).length, 2, 'one detach per attached role');
});

test('outcome lines and counts: codes, hints, the role left detached; no secret-bearing fields exist', () => {
  const outcomes = [
    { instance: vpc('i-1'), status: 'succeeded' as const, action: 'attach' as const },
    { instance: { ...vpc('i-2'), instanceName: 'web' }, status: 'failed' as const, action: 'replace' as const, code: 'Throttling', message: 'slow down', hint: 'try later', detachedRole: 'Old', requestId: 'R1' },
    { instance: classic('i-3'), status: 'skipped' as const, reason: 'classic' as const },
  ];
  assert.deepEqual(countOutcomes(outcomes), { succeeded: 1, failed: 1, skipped: 1 });
  const lines = outcomeLogLines(outcomes);
  assert.equal(lines[0], 'i-1 (cn-hangzhou): attach succeeded');
  assert.equal(lines[1], 'i-2 (web, cn-hangzhou): replace failed: Throttling: slow down | hint: try later | note: Old was detached and stays detached | RequestId R1');
  assert.match(lines[2], /classic network/);
});
