// ECS through the real ECS SDK client: regions, instances with both paging styles and filters,
// instance RAM roles with per-instance results, networks, RunInstances with DryRun and PassRole.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as Ecs from '@alicloud/ecs20140526';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';

let emu: Emulator;
let ecs: ReturnType<typeof clients>['ecs'];
before(async () => {
  emu = await startEmulator({ scenario: 'demo' });
  ecs = clients(emu.api, emu).ecs;
});
after(() => emu.close());

const HZ = 'cn-hangzhou';

describe('emulator ECS', () => {
  it('lists every public region', async () => {
    const r = await ecs.describeRegions(new Ecs.DescribeRegionsRequest({}));
    const ids = r.body?.regions?.region?.map((x) => x.regionId) ?? [];
    assert.ok(ids.length >= 25);
    for (const id of ['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1', 'eu-central-1', 'us-west-1']) assert.ok(ids.includes(id), id);
  });

  it('pages DescribeInstances with PageNumber/PageSize and with NextToken/MaxResults, and filters', async () => {
    const p1 = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: HZ, pageSize: 3, pageNumber: 1 }));
    const p2 = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: HZ, pageSize: 3, pageNumber: 2 }));
    assert.equal(p1.body?.totalCount, 4);
    assert.equal(p1.body?.instances?.instance?.length, 3);
    assert.equal(p2.body?.instances?.instance?.length, 1);

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: HZ, maxResults: 3, nextToken: token }));
      seen.push(...(page.body?.instances?.instance ?? []).map((i) => i.instanceId!));
      token = page.body?.nextToken || undefined;
      pages++;
    } while (token);
    assert.equal(pages, 2);
    assert.equal(new Set(seen).size, 4);

    const vpcOnly = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: HZ, vpcId: 'vpc-bp1demo01' }));
    assert.equal(vpcOnly.body?.totalCount, 3);
    const stopped = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: HZ, status: 'Stopped' }));
    assert.deepEqual(stopped.body?.instances?.instance?.map((i) => i.instanceName), ['worker-1']);
    const byId = await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: HZ, instanceIds: '["i-bp1demo0000000000004"]' }));
    const classic = byId.body?.instances?.instance?.[0];
    assert.equal(classic?.instanceNetworkType, 'classic');
    assert.ok(classic?.innerIpAddress?.ipAddress?.length);
    await assert.rejects(ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'xx-nowhere-1' })), (e) => codeOf(e) === 'InvalidRegionId.NotFound');
  });

  it('attaches a role with per-instance results: classic, missing and already-roled instances fail, the rest succeed', async () => {
    const ids = ['i-bp1demo0000000000002', 'i-bp1demo0000000000003', 'i-bp1demo0000000000004', 'i-bp1nosuch000000000000', 'i-bp1demo0000000000001'];
    const r = await ecs.attachInstanceRamRole(new Ecs.AttachInstanceRamRoleRequest({ regionId: HZ, ramRoleName: 'EcsNoPermissionRole', instanceIds: JSON.stringify(ids) }));
    assert.equal(r.body?.totalCount, 5);
    assert.equal(r.body?.failCount, 3);
    const byId = Object.fromEntries((r.body?.attachInstanceRamRoleResults?.attachInstanceRamRoleResult ?? []).map((x) => [x.instanceId, x]));
    assert.equal(byId['i-bp1demo0000000000002'].success, true);
    assert.equal(byId['i-bp1demo0000000000003'].success, true);
    assert.equal(byId['i-bp1demo0000000000004'].code, 'InvalidNetworkType.MismatchRamRole');
    assert.equal(byId['i-bp1nosuch000000000000'].code, 'InvalidInstanceId.NotFound');
    assert.equal(byId['i-bp1demo0000000000001'].code, 'InvalidInstance.RamRoleExists');

    const described = await ecs.describeInstanceRamRole(new Ecs.DescribeInstanceRamRoleRequest({ regionId: HZ, ramRoleName: 'EcsNoPermissionRole' }));
    assert.deepEqual(described.body?.instanceRamRoleSets?.instanceRamRoleSet?.map((x) => x.instanceId).sort(), ['i-bp1demo0000000000002', 'i-bp1demo0000000000003']);

    const d = await ecs.detachInstanceRamRole(new Ecs.DetachInstanceRamRoleRequest({ regionId: HZ, ramRoleName: 'EcsNoPermissionRole', instanceIds: '["i-bp1demo0000000000002","i-bp1demo0000000000001"]' }));
    assert.equal(d.body?.failCount, 1);
    const results = d.body?.detachInstanceRamRoleResults?.detachInstanceRamRoleResult ?? [];
    assert.equal(results[0].success, true);
    assert.equal(results[0].instanceRamRoleSets?.instanceRamRoleSet?.[0]?.ramRoleName, 'EcsNoPermissionRole');
    assert.equal(results[1].code, 'InvalidRamRole.NotEqual');
  });

  it('refuses roles that do not exist or that ECS cannot assume, and callers without ram:PassRole', async () => {
    const attach = (c: typeof ecs, role: string) => c.attachInstanceRamRole(new Ecs.AttachInstanceRamRoleRequest({ regionId: HZ, ramRoleName: role, instanceIds: '["i-bp1demo0000000000002"]' }));
    await assert.rejects(attach(ecs, 'NoSuchRole'), (e: { code: string; statusCode: number }) => e.code === 'InvalidRamRole.NotFound' && e.statusCode === 404);
    await assert.rejects(attach(ecs, 'OpsAdminRole'), (e) => codeOf(e) === 'InvalidRamRole.NotEcsRole');
    await assert.rejects(ecs.attachInstanceRamRole(new Ecs.AttachInstanceRamRoleRequest({ regionId: HZ, ramRoleName: 'EcsKmsAccessRole', instanceIds: 'i-1,i-2' })),
      (e) => codeOf(e) === 'InvalidInstanceIds.Malformed');
    const developer = clients(emu.api, emu.createUser('ecs-admin-no-passrole', ['AliyunECSFullAccess'])).ecs;
    await assert.rejects(attach(developer, 'EcsKmsAccessRole'), (e: { code: string; accessDeniedDetail: { AuthAction: string } }) =>
      e.code === 'InvalidUser.PassRoleForbidden' && e.accessDeniedDetail.AuthAction === 'ram:PassRole');
  });

  it('describes VPCs, vSwitches and security groups', async () => {
    const vpcs = await ecs.describeVpcs(new Ecs.DescribeVpcsRequest({ regionId: 'cn-shanghai' }));
    assert.equal(vpcs.body?.vpcs?.vpc?.[0]?.vpcId, 'vpc-uf6demo01');
    assert.equal(vpcs.body?.vpcs?.vpc?.[0]?.vSwitchIds?.vSwitchId?.length, 2);
    const vsw = await ecs.describeVSwitches(new Ecs.DescribeVSwitchesRequest({ regionId: HZ, vpcId: 'vpc-bp1demo01' }));
    assert.deepEqual(vsw.body?.vSwitches?.vSwitch?.map((s) => s.vSwitchId), ['vsw-bp1demo01', 'vsw-bp1demo02']);
    const sg = await ecs.describeSecurityGroups(new Ecs.DescribeSecurityGroupsRequest({ regionId: HZ }));
    assert.equal(sg.body?.securityGroups?.securityGroup?.[0]?.securityGroupId, 'sg-bp1demo01');
  });

  it('RunInstances with DryRun validates without creating; without it creates instances with the role', async () => {
    const request = (dryRun: boolean) => new Ecs.RunInstancesRequest({
      regionId: HZ, imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd', instanceType: 'ecs.g7.large', vSwitchId: 'vsw-bp1demo01', securityGroupId: 'sg-bp1demo01',
      ramRoleName: 'EcsKmsAccessRole', instanceName: 'new-web', amount: 2, dryRun,
    });
    await assert.rejects(ecs.runInstances(request(true)), (e: { code: string; statusCode: number }) => e.code === 'DryRunOperation' && e.statusCode === 400);
    assert.equal((await ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: HZ, instanceName: 'new-web' }))).body?.totalCount, 0);
    const r = await ecs.runInstances(request(false));
    const ids = r.body?.instanceIdSets?.instanceIdSet ?? [];
    assert.equal(ids.length, 2);
    const roles = await ecs.describeInstanceRamRole(new Ecs.DescribeInstanceRamRoleRequest({ regionId: HZ, instanceIds: JSON.stringify(ids) }));
    assert.deepEqual(roles.body?.instanceRamRoleSets?.instanceRamRoleSet?.map((x) => x.ramRoleName), ['EcsKmsAccessRole', 'EcsKmsAccessRole']);
    await assert.rejects(ecs.runInstances(new Ecs.RunInstancesRequest({ regionId: HZ, imageId: 'x', instanceType: 'y', vSwitchId: 'vsw-none', dryRun: true })),
      (e) => codeOf(e) === 'InvalidVSwitchId.NotFound');
  });
});
