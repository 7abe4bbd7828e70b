// ECS (2014-05-26): regions, instances with both paging styles, instance RAM roles with their
// per-instance results, networks and security groups, and RunInstances with DryRun.
import { ApiError, invalid } from '../errors';
import { REGIONS, regionIds } from '../regions';
import { isoSeconds, randomId, type Instance, type Role } from '../state';
import { trusts } from './sts';
import { instanceTypeArchitecture, systemImage } from '../images';
import { validateDocument } from './ram';
import { boolParam, can, intParam, jsonArray, notFound, numberPage, required, tokenPage, type Ctx, type Handler } from './context';

export function region(ctx: Ctx): string {
  const id = required(ctx, 'RegionId');
  if (!regionIds.has(id)) throw notFound('InvalidRegionId.NotFound', 'The specified RegionId does not exist.');
  return id;
}
const res = (ctx: Ctx, regionId: string, kind: string, id: string) => `acs:ecs:${regionId}:${ctx.account.accountId}:${kind}/${id}`;
const roleRes = (ctx: Ctx, name: string) => `acs:ram:*:${ctx.account.accountId}:role/${name}`;

function instanceView(i: Instance): object {
  const vpc = i.networkType === 'vpc';
  return {
    InstanceId: i.id, InstanceName: i.name, HostName: i.name.replace(/[^a-zA-Z0-9-]/g, '-'), Description: '',
    RegionId: i.region, ZoneId: i.zone, Status: i.status, InstanceType: i.instanceType, ImageId: i.imageId,
    OSName: i.osName, OSType: 'linux', Cpu: i.cpu, Memory: i.memory, InstanceNetworkType: i.networkType,
    CreationTime: i.creationTime, ExpiredTime: '2099-12-31T15:59Z', InstanceChargeType: 'PostPaid', InternetChargeType: i.internetChargeType ?? 'PayByTraffic',
    InternetMaxBandwidthOut: i.internetMaxBandwidthOut ?? 0, InternetMaxBandwidthIn: i.internetMaxBandwidthOut ? Math.max(10, i.internetMaxBandwidthOut) : 0,
    VpcAttributes: { VpcId: vpc ? i.vpcId : '', VSwitchId: vpc ? i.vSwitchId : '', NatIpAddress: '', PrivateIpAddress: { IpAddress: vpc ? [i.privateIp] : [] } },
    InnerIpAddress: { IpAddress: vpc ? [] : [i.privateIp] },
    PublicIpAddress: { IpAddress: i.publicIp ? [i.publicIp] : [] },
    SecurityGroupIds: { SecurityGroupId: i.securityGroupIds },
    Tags: { Tag: [] },
  };
}

/** The role named in RamRoleName, which must exist and be assumable by ECS; the caller needs ram:PassRole on it. */
function ecsRole(ctx: Ctx, name: string, notEcsStatus: number): Role {
  passRole(ctx, name);
  const role = ctx.account.roles.get(name.toLowerCase());
  if (!role) throw notFound('InvalidRamRole.NotFound', 'The specified RamRoleName does not exist.');
  if (!trusts(ctx.account, role, { service: 'ecs.aliyuncs.com' })) {
    throw new ApiError(notEcsStatus, 'InvalidRamRole.NotEcsRole', 'The specified ram role is not authorized for ecs, please check your role policy.');
  }
  return role;
}

/** ECS documents InvalidUser.PassRoleForbidden (403) for a caller without ram:PassRole on the role. */
function passRole(ctx: Ctx, name: string): void {
  try {
    can(ctx, 'ram:PassRole', roleRes(ctx, name));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    throw new ApiError(403, 'InvalidUser.PassRoleForbidden', 'The RAM user does not have the privilege to pass a RAM role (ram:PassRole).', e.accessDeniedDetail);
  }
}

function instanceIds(ctx: Ctx, requiredParam: boolean): string[] | undefined {
  const ids = jsonArray(ctx, 'InstanceIds', 'InvalidInstanceIds.Malformed');
  if (!ids && requiredParam) required(ctx, 'InstanceIds');
  if (ids && (ids.length > 100 || (requiredParam && ids.length === 0))) throw invalid('InvalidInstanceIds.Malformed', 'The specified instanceIds are not valid.');
  return ids;
}

/** The extra Policy of AttachInstanceRamRole: a malformed one is an InvalidParameter for ECS. */
function ecsPolicy(text: string): void {
  try {
    validateDocument(text, false);
  } catch (e) {
    throw e instanceof ApiError ? invalid('InvalidParameter', `The parameter Policy is not valid: ${e.message}`) : e;
  }
}

/**
 * RunInstances' InternetMaxBandwidthOut: 0 to 100 Mbit/s (default 0, no public IP), refused with the
 * documented codes (InvalidBandwidthOut.LessThanZero, InvalidInternetMaxBandwidthOut.Malformed), and
 * InternetChargeType PayByTraffic (default) or PayByBandwidth (InvalidInternetChargeType.ValueNotSupported).
 */
function publicBandwidth(ctx: Ctx): { bandwidth: number; chargeType: string } {
  const raw = ctx.params.InternetMaxBandwidthOut;
  const bandwidth = raw === undefined || raw === '' ? 0 : Number(raw);
  if (!Number.isInteger(bandwidth)) throw invalid('InvalidInternetMaxBandwidthOut.Malformed', 'The specified parameter InternetMaxBandwidthOut is not valid.');
  if (bandwidth < 0) throw invalid('InvalidBandwidthOut.LessThanZero', 'The specified InternetMaxBandwidthOut is less than zero.');
  if (bandwidth > 100) throw invalid('InvalidInternetMaxBandwidthOut.Malformed', 'The specified parameter InternetMaxBandwidthOut is not valid: 0 to 100 Mbit/s.');
  const chargeType = ctx.params.InternetChargeType || 'PayByTraffic';
  if (!['PayByTraffic', 'PayByBandwidth'].includes(chargeType)) {
    throw invalid('InvalidInternetChargeType.ValueNotSupported', 'The specified InternetChargeType is not valid: PayByTraffic or PayByBandwidth.');
  }
  return { bandwidth, chargeType };
}

/** A public address from the 47.x range Alibaba Cloud assigns in mainland China. */
const publicIp = (): string => `47.${96 + Math.floor(Math.random() * 32)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

interface ItemResult { InstanceId: string; Success: boolean; Code: string; Message: string }
const ok = (id: string): ItemResult => ({ InstanceId: id, Success: true, Code: '200', Message: 'success' });
const fail = (id: string, Code: string, Message: string): ItemResult => ({ InstanceId: id, Success: false, Code, Message });

export const ecsHandlers: Record<string, Handler> = {
  DescribeRegions(ctx) {
    can(ctx, 'ecs:DescribeRegions', `acs:ecs:*:${ctx.account.accountId}:*`);
    return { Regions: { Region: REGIONS.map((r) => ({ RegionId: r.id, LocalName: r.localName, RegionEndpoint: `ecs.${r.id}.aliyuncs.com`, Status: 'available' })) } };
  },
  DescribeInstances(ctx) {
    const regionId = region(ctx);
    can(ctx, 'ecs:DescribeInstances', res(ctx, regionId, 'instance', '*'));
    const ids = jsonArray(ctx, 'InstanceIds', 'InvalidInstanceIds.Malformed');
    const p = ctx.params;
    const items = [...ctx.account.instances.values()].filter((i) => i.region === regionId
      && (!ids || ids.includes(i.id)) && (!p.VpcId || i.vpcId === p.VpcId) && (!p.VSwitchId || i.vSwitchId === p.VSwitchId)
      && (!p.Status || i.status === p.Status) && (!p.ZoneId || i.zone === p.ZoneId)
      && (!p.InstanceNetworkType || i.networkType === p.InstanceNetworkType) && (!p.InstanceName || i.name === p.InstanceName));
    if (p.NextToken !== undefined || p.MaxResults !== undefined) {
      // The documented response has NextToken and TotalCount, not the MaxResults of the request.
      const { page, MaxResults: _size, ...rest } = tokenPage(ctx, items, 10, 100);
      return { ...rest, Instances: { Instance: page.map(instanceView) } };
    }
    const { page, ...rest } = numberPage(ctx, items, 10, 100);
    return { ...rest, Instances: { Instance: page.map(instanceView) } };
  },
  DescribeInstanceRamRole(ctx) {
    const regionId = region(ctx);
    can(ctx, 'ecs:DescribeInstanceRamRole', res(ctx, regionId, 'instance', '*'));
    const ids = instanceIds(ctx, false);
    const roleName = ctx.params.RamRoleName;
    if (!ids && !roleName) throw new ApiError(403, 'InvalidParameter.AllEmpty', 'At least one of InstanceIds and RamRoleName must be specified.');
    const unknown = ids?.find((id) => ctx.account.instances.get(id)?.region !== regionId);
    if (unknown) throw notFound('InvalidInstanceId.NotFound', `The specified InstanceId does not exist: ${unknown}.`);
    const items = [...ctx.account.instances.values()].filter((i) => i.region === regionId && (!ids || ids.includes(i.id))
      && (!roleName || i.ramRole.toLowerCase() === roleName.toLowerCase()));
    const { page, TotalCount } = numberPage(ctx, items, 10, 50);
    return { RegionId: regionId, TotalCount, InstanceRamRoleSets: { InstanceRamRoleSet: page.map((i) => ({ InstanceId: i.id, RamRoleName: i.ramRole })) } };
  },
  AttachInstanceRamRole(ctx) {
    const regionId = region(ctx);
    const roleName = required(ctx, 'RamRoleName');
    const ids = instanceIds(ctx, true)!;
    can(ctx, 'ecs:AttachInstanceRamRole', ...ids.map((id) => res(ctx, regionId, 'instance', id)), roleRes(ctx, roleName));
    const extra = ctx.params.Policy;
    if (extra !== undefined && extra.length > 1024) throw invalid('InvalidParameter', 'The parameter Policy exceeds the length limit of 1024.');
    if (extra) ecsPolicy(extra);
    const role = ecsRole(ctx, roleName, 404);
    const results = ids.map((id) => {
      const inst = ctx.account.instances.get(id);
      if (!inst || inst.region !== regionId) return fail(id, 'InvalidInstanceId.NotFound', 'The specified InstanceId does not exist.');
      if (inst.networkType !== 'vpc') return fail(id, 'InvalidNetworkType.MismatchRamRole', 'Ram role cannot be attached to instances of Classic network type.');
      if (inst.ramRole && inst.ramRole.toLowerCase() !== role.name.toLowerCase()) {
        return fail(id, 'InvalidInstance.RamRoleExists', `The instance already has the RAM role ${inst.ramRole}: detach it first.`);
      }
      inst.ramRole = role.name;
      inst.ramRolePolicy = extra ?? '';
      return ok(id);
    });
    return {
      RamRoleName: role.name, TotalCount: results.length, FailCount: results.filter((r) => !r.Success).length,
      AttachInstanceRamRoleResults: { AttachInstanceRamRoleResult: results },
    };
  },
  DetachInstanceRamRole(ctx) {
    const regionId = region(ctx);
    const ids = instanceIds(ctx, true)!;
    const roleName = ctx.params.RamRoleName;
    can(ctx, 'ecs:DetachInstanceRamRole', ...ids.map((id) => res(ctx, regionId, 'instance', id)));
    const results = ids.map((id) => {
      const inst = ctx.account.instances.get(id);
      if (!inst || inst.region !== regionId) return { ...fail(id, 'InvalidInstanceId.NotFound', 'The specified InstanceId does not exist.'), InstanceRamRoleSets: { InstanceRamRoleSet: [] } };
      const before = inst.ramRole;
      if (!before || (roleName && before.toLowerCase() !== roleName.toLowerCase())) {
        return { ...fail(id, 'InvalidRamRole.NotEqual', 'The specified RamRoleName is not attached to the instance.'), InstanceRamRoleSets: { InstanceRamRoleSet: [] } };
      }
      inst.ramRole = '';
      inst.ramRolePolicy = '';
      return { ...ok(id), InstanceRamRoleSets: { InstanceRamRoleSet: [{ InstanceId: id, RamRoleName: before }] } };
    });
    return {
      RamRoleName: roleName ?? '', TotalCount: results.length, FailCount: results.filter((r) => !r.Success).length,
      DetachInstanceRamRoleResults: { DetachInstanceRamRoleResult: results },
    };
  },
  DescribeVpcs(ctx) {
    const regionId = region(ctx);
    can(ctx, 'ecs:DescribeVpcs', res(ctx, regionId, 'vpc', '*'));
    const vswitches = [...ctx.account.vswitches.values()];
    const items = [...ctx.account.vpcs.values()].filter((v) => v.region === regionId && (!ctx.params.VpcId || v.id === ctx.params.VpcId));
    const { page, ...rest } = numberPage(ctx, items, 10, 50);
    return {
      ...rest, Vpcs: { Vpc: page.map((v) => ({
        VpcId: v.id, RegionId: v.region, VpcName: v.name, CidrBlock: v.cidr, Status: 'Available', IsDefault: v.isDefault, CreationTime: v.createDate,
        Description: '', VSwitchIds: { VSwitchId: vswitches.filter((s) => s.vpcId === v.id).map((s) => s.id) },
      })) },
    };
  },
  DescribeVSwitches(ctx) {
    const regionId = region(ctx);
    can(ctx, 'ecs:DescribeVSwitches', res(ctx, regionId, 'vswitch', '*'));
    const p = ctx.params;
    const items = [...ctx.account.vswitches.values()].filter((s) => s.region === regionId && (!p.VpcId || s.vpcId === p.VpcId) && (!p.ZoneId || s.zone === p.ZoneId));
    const { page, ...rest } = numberPage(ctx, items, 10, 50);
    return {
      ...rest, VSwitches: { VSwitch: page.map((s) => ({
        VSwitchId: s.id, VpcId: s.vpcId, ZoneId: s.zone, CidrBlock: s.cidr, VSwitchName: s.name, Status: 'Available',
        AvailableIpAddressCount: 250, IsDefault: false, CreationTime: s.createDate, Description: '',
      })) },
    };
  },
  DescribeSecurityGroups(ctx) {
    const regionId = region(ctx);
    can(ctx, 'ecs:DescribeSecurityGroups', res(ctx, regionId, 'securitygroup', '*'));
    const items = [...ctx.account.securityGroups.values()].filter((g) => g.region === regionId && (!ctx.params.VpcId || g.vpcId === ctx.params.VpcId));
    const { page, ...rest } = numberPage(ctx, items, 10, 50);
    return {
      ...rest, RegionId: regionId, SecurityGroups: { SecurityGroup: page.map((g) => ({
        SecurityGroupId: g.id, SecurityGroupName: g.name, VpcId: g.vpcId, Description: g.description, CreationTime: g.createDate, SecurityGroupType: 'normal',
      })) },
    };
  },
  RunInstances(ctx) {
    const regionId = region(ctx);
    const [imageId, instanceType, vSwitchId] = [required(ctx, 'ImageId'), required(ctx, 'InstanceType'), required(ctx, 'VSwitchId')];
    const amount = intParam(ctx, 'Amount', 1, 1, 100);
    can(ctx, 'ecs:RunInstances', res(ctx, regionId, 'instance', '*'));
    const vswitch = ctx.account.vswitches.get(vSwitchId);
    if (!vswitch || vswitch.region !== regionId) throw notFound('InvalidVSwitchId.NotFound', 'The specified VSwitchId does not exist.');
    const groupId = ctx.params.SecurityGroupId;
    if (groupId && ctx.account.securityGroups.get(groupId)?.vpcId !== vswitch.vpcId) throw notFound('InvalidSecurityGroupId.NotFound', 'The specified SecurityGroupId does not exist.');
    const role = ctx.params.RamRoleName ? ecsRole(ctx, ctx.params.RamRoleName, 401) : undefined;
    // Only the public catalogue exists here (no custom or shared image): any other id is unknown, as it is to ECS.
    const image = systemImage(imageId);
    if (!image) throw notFound('InvalidImageId.NotFound', `The specified ImageId ${imageId} does not exist in ${regionId}.`);
    if (image.architecture !== instanceTypeArchitecture(instanceType)) {
      throw new ApiError(403, 'ImageNotSupportInstanceType', `The image ${imageId} (${image.architecture}) does not support the instance type ${instanceType}.`);
    }
    const internet = publicBandwidth(ctx);
    if (boolParam(ctx, 'DryRun')) throw new ApiError(400, 'DryRunOperation', 'Request validation has been passed with DryRun flag set.');
    // ClientToken makes RunInstances idempotent: a retry of a request whose answer was lost gets
    // the same instances, and no new one; the same token with other parameters is refused.
    const token = ctx.params.ClientToken;
    const request = JSON.stringify(['ImageId', 'InstanceType', 'VSwitchId', 'Amount', 'RamRoleName', 'SecurityGroupId', 'InstanceName', 'InternetMaxBandwidthOut', 'InternetChargeType'].map((k) => ctx.params[k] ?? ''));
    const earlier = token ? ctx.account.clientTokens.get(`${regionId}/${token}`) : undefined;
    if (earlier && earlier.request !== request) {
      throw new ApiError(403, 'IdempotentParameterMismatch', 'The ClientToken was used by an earlier request with other parameters.');
    }
    if (earlier) return { InstanceIdSets: { InstanceIdSet: earlier.instanceIds }, OrderId: '', TradePrice: 0 };
    const ids: string[] = [];
    for (let n = 0; n < amount; n++) {
      const id = `i-${randomId(20)}`;
      ids.push(id);
      ctx.account.instances.set(id, {
        id, name: ctx.params.InstanceName ?? id, region: regionId, zone: vswitch.zone, networkType: 'vpc', vpcId: vswitch.vpcId, vSwitchId,
        securityGroupIds: groupId ? [groupId] : [], privateIp: `172.16.${(ctx.account.instances.size >> 8) & 255}.${ctx.account.instances.size & 255}`,
        publicIp: internet.bandwidth > 0 ? publicIp() : '', status: 'Running', instanceType, imageId, osName: image.osName, cpu: 2, memory: 4096,
        creationTime: isoSeconds(ctx.now()).replace(/:\d\dZ$/, 'Z'), ramRole: role?.name ?? '', ramRolePolicy: '',
        internetMaxBandwidthOut: internet.bandwidth, internetChargeType: internet.chargeType,
      });
    }
    if (token) ctx.account.clientTokens.set(`${regionId}/${token}`, { request, instanceIds: ids });
    return { InstanceIdSets: { InstanceIdSet: ids }, OrderId: '', TradePrice: 0 };
  },
};
