// Paging across many pages against the emulator's large scenario (10,000 instances over every
// region, 2,000 roles, 1,000 keys): complete listings, early stops, all-region fan-out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import { collect } from '../../src/cloud/paging';
import type { CloudServices } from '../../src/cloud/types';

let h: Harness;
let s: CloudServices;

before(async () => {
  h = await startHarness({ scenario: 'large' });
  s = await h.admin('cn-hangzhou');
});
after(() => h.close());

test('2,000 roles over 20 pages; stopping after 150 fetches 2 pages', async () => {
  h.emulator.resetCalls();
  const roles = await collect(s.ram.listRoles());
  assert.equal(roles.length, 2000);
  assert.equal(new Set(roles.map((r) => r.roleName)).size, 2000);
  assert.equal(h.emulator.calls.byAction.ListRoles, 20);
  h.emulator.resetCalls();
  assert.equal((await collect(s.ram.listRoles(), 150)).length, 150);
  assert.equal(h.emulator.calls.byAction.ListRoles, 2);
});

test('a region\'s instances over several pages, with their roles looked up in batches', async () => {
  h.emulator.resetCalls();
  const instances = await collect(s.ecs.listInstances('cn-hangzhou'));
  assert.ok(instances.length > 300, `${instances.length} instances`);
  assert.equal(new Set(instances.map((i) => i.instanceId)).size, instances.length, 'no duplicates across pages');
  assert.equal(h.emulator.calls.byAction.DescribeInstances, Math.ceil(instances.length / 100));
  const withRole = instances.filter((i) => i.ramRoleName);
  assert.ok(withRole.length > 0 && withRole.every((i) => /^role-\d{4}$/.test(i.ramRoleName!)));
});

test('1,000 keys over 10 pages', async () => {
  h.emulator.resetCalls();
  const keys = await collect(s.kms().listKeys());
  assert.equal(keys.length, 1000);
  assert.equal(h.emulator.calls.byAction.ListKeys, 10);
});

test('all 10,000 instances through the all-region fan-out', async () => {
  let total = 0;
  let regions = 0;
  for await (const outcome of s.ecs.listInstancesAllRegions({ includeRamRoles: false })) {
    assert.equal(outcome.ok, true, outcome.ok ? '' : outcome.error.message);
    if (outcome.ok) total += outcome.value.length;
    regions++;
  }
  assert.equal(total, 10_000);
  assert.ok(regions > 20);
});
