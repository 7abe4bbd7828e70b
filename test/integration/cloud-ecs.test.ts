// EcsService against the emulator with the real ECS SDK: every method, paging, per-instance results.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import { collect } from '../../src/cloud/paging';
import type { CloudServices } from '../../src/cloud/types';

let h: Harness;
let s: CloudServices;

before(async () => {
  h = await startHarness();
  s = await h.admin('cn-hangzhou');
});
after(() => h.close());

test('describeRegions lists the public regions', async () => {
  const regions = await s.ecs.describeRegions();
  assert.ok(regions.length > 20);
  assert.ok(regions.some((r) => r.regionId === 'cn-hangzhou' && r.localName));
});

test('listInstances pages with NextToken, adds each instance\'s RAM role, and filters', async () => {
  h.emulator.resetCalls();
  const all = await collect(s.ecs.listInstances('cn-hangzhou', { pageSize: 3 }));
  assert.equal(all.length, 4);
  assert.equal(h.emulator.calls.byAction.DescribeInstances, 2, '4 instances at 3 per page = 2 pages');
  const web1 = all.find((i) => i.instanceId === 'i-bp1demo0000000000001')!;
  assert.equal(web1.ramRoleName, 'EcsKmsAccessRole');
  assert.equal(web1.networkType, 'vpc');
  assert.equal(web1.vpcId, 'vpc-bp1demo01');
  assert.equal(web1.publicIpAddress, '47.96.10.1');
  assert.ok(web1.privateIpAddress);
  const classic = all.find((i) => i.instanceName === 'legacy-classic')!;
  assert.equal(classic.networkType, 'classic');
  assert.equal(classic.ramRoleName, undefined);

  const stopped = await collect(s.ecs.listInstances('cn-hangzhou', { filter: { status: 'Stopped' } }));
  assert.deepEqual(stopped.map((i) => i.instanceName), ['worker-1']);
  const byId = await collect(s.ecs.listInstances('cn-hangzhou', { filter: { instanceIds: ['i-bp1demo0000000000002'] }, includeRamRoles: false }));
  assert.deepEqual(byId.map((i) => i.instanceName), ['web-2']);
});

test('an id filter longer than DescribeInstances takes (100) is queried 100 ids at a time, in order', async () => {
  const ids = [...Array.from({ length: 148 }, (_, n) => `i-bp1nothere${String(n).padStart(9, '0')}`), 'i-bp1demo0000000000002', 'i-bp1demo0000000000001'];
  const before = h.emulator.calls.byAction.DescribeInstances ?? 0;
  const found = await collect(s.ecs.listInstances('cn-hangzhou', { filter: { instanceIds: ids }, includeRamRoles: false }));
  assert.deepEqual(found.map((i) => i.instanceId).sort(), ['i-bp1demo0000000000001', 'i-bp1demo0000000000002']);
  assert.equal((h.emulator.calls.byAction.DescribeInstances ?? 0) - before, 2, '100 + 50 ids');
});

test('attach and detach report per instance: classic, missing and other-role instances fail with codes, the rest succeed', async () => {
  const results = await s.ecs.attachInstanceRamRole({
    regionId: 'cn-hangzhou',
    ramRoleName: 'EcsNoPermissionRole',
    instanceIds: ['i-bp1demo0000000000002', 'i-bp1demo0000000000004', 'i-bp1demo0000000000001', 'i-bp1demo0000000009999'],
  });
  const by = Object.fromEntries(results.map((r) => [r.instanceId, r]));
  assert.equal(by['i-bp1demo0000000000002'].success, true);
  assert.equal(by['i-bp1demo0000000000004'].success, false);
  assert.equal(by['i-bp1demo0000000000004'].code, 'InvalidNetworkType.MismatchRamRole');
  assert.match(by['i-bp1demo0000000000004'].hint ?? '', /VPC/);
  assert.equal(by['i-bp1demo0000000000001'].success, false);
  assert.match(by['i-bp1demo0000000000001'].hint ?? '', /Detach it first/);
  assert.equal(by['i-bp1demo0000000009999'].code, 'InvalidInstanceId.NotFound');

  const roles = await s.ecs.describeInstanceRamRoles('cn-hangzhou', { ramRoleName: 'EcsNoPermissionRole' });
  assert.deepEqual(roles, [{ instanceId: 'i-bp1demo0000000000002', ramRoleName: 'EcsNoPermissionRole' }]);
  const ofIds = await s.ecs.describeInstanceRamRoles('cn-hangzhou', { instanceIds: ['i-bp1demo0000000000001', 'i-bp1demo0000000000003'] });
  assert.deepEqual(ofIds, [{ instanceId: 'i-bp1demo0000000000001', ramRoleName: 'EcsKmsAccessRole' }]);

  const detached = await s.ecs.detachInstanceRamRole({ regionId: 'cn-hangzhou', instanceIds: ['i-bp1demo0000000000002'], ramRoleName: 'EcsNoPermissionRole' });
  assert.equal(detached[0].success, true);
  assert.deepEqual(await s.ecs.describeInstanceRamRoles('cn-hangzhou', { ramRoleName: 'EcsNoPermissionRole' }), []);
});

test('an unknown role is refused as a whole call: every id of the call fails with its code and RequestId', async () => {
  const results = await s.ecs.attachInstanceRamRole({ regionId: 'cn-hangzhou', ramRoleName: 'NoSuchRole', instanceIds: ['i-bp1demo0000000000002', 'i-bp1demo0000000000003'] });
  assert.equal(results.length, 2);
  for (const r of results) {
    assert.equal(r.success, false);
    assert.match(r.code ?? '', /RamRole|EntityNotExist/);
    assert.ok(r.requestId, 'the refused call\'s RequestId');
    assert.equal(r.error?.apiAction, 'AttachInstanceRamRole');
  }
  assert.equal(results[0].requestId, results[1].requestId, 'one call');
});

test('VPCs, vSwitches and security groups of a region', async () => {
  const vpcs = await s.ecs.listVpcs('cn-shanghai');
  assert.deepEqual(vpcs.map((v) => v.vpcId), ['vpc-uf6demo01']);
  const vSwitches = await s.ecs.listVSwitches('cn-shanghai', { vpcId: 'vpc-uf6demo01' });
  assert.deepEqual(vSwitches.map((v) => v.vSwitchId).sort(), ['vsw-uf6demo01', 'vsw-uf6demo02']);
  assert.ok(vSwitches.every((v) => v.zoneId && v.vpcId === 'vpc-uf6demo01'));
  const groups = await s.ecs.listSecurityGroups('cn-shanghai', { vpcId: 'vpc-uf6demo01' });
  assert.deepEqual(groups.map((g) => g.securityGroupId), ['sg-uf6demo01']);
});

test('runInstances: a dry run reports that the call would succeed and creates nothing; the real call creates the instance with its role', async () => {
  const input = {
    regionId: 'cn-shanghai', instanceType: 'ecs.g7.large', imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
    vSwitchId: 'vsw-uf6demo01', securityGroupId: 'sg-uf6demo01', ramRoleName: 'EcsKmsAccessRole', instanceName: 'made-by-test',
  };
  const dry = await s.ecs.runInstances({ ...input, dryRun: true });
  assert.equal(dry.dryRun, true);
  assert.equal(dry.wouldSucceed, true);
  assert.deepEqual(dry.instanceIds, []);
  assert.equal((await collect(s.ecs.listInstances('cn-shanghai', { filter: { instanceName: 'made-by-test' } }))).length, 0);

  const real = await s.ecs.runInstances(input);
  assert.equal(real.instanceIds.length, 1);
  const made = await collect(s.ecs.listInstances('cn-shanghai', { filter: { instanceIds: real.instanceIds } }));
  assert.equal(made[0].ramRoleName, 'EcsKmsAccessRole');
});
