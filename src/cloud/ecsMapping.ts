// DescribeInstances' nested model → the plain EcsInstance.
import type { EcsInstance } from './types';

interface SdkInstance {
  instanceId?: string; instanceName?: string; regionId?: string; zoneId?: string; status?: string; instanceNetworkType?: string;
  instanceType?: string; OSName?: string; osName?: string; creationTime?: string;
  vpcAttributes?: { vpcId?: string; vSwitchId?: string; privateIpAddress?: { ipAddress?: string[] } };
  innerIpAddress?: { ipAddress?: string[] };
  publicIpAddress?: { ipAddress?: string[] };
  eipAddress?: { ipAddress?: string };
  securityGroupIds?: { securityGroupId?: string[] };
  tags?: { tag?: Array<{ tagKey?: string; tagValue?: string }> };
}

export function toInstance(raw: unknown, regionId: string): EcsInstance {
  const i = (raw ?? {}) as SdkInstance;
  const networkType = i.instanceNetworkType || (i.vpcAttributes?.vpcId ? 'vpc' : 'classic');
  const tags: Record<string, string> = {};
  for (const t of i.tags?.tag ?? []) if (t.tagKey) tags[t.tagKey] = t.tagValue ?? '';
  return {
    instanceId: i.instanceId ?? '',
    instanceName: i.instanceName || undefined,
    regionId: i.regionId || regionId,
    zoneId: i.zoneId || undefined,
    status: i.status ?? 'Unknown',
    networkType,
    vpcId: i.vpcAttributes?.vpcId || undefined,
    vSwitchId: i.vpcAttributes?.vSwitchId || undefined,
    privateIpAddress: i.vpcAttributes?.privateIpAddress?.ipAddress?.[0] || i.innerIpAddress?.ipAddress?.[0] || undefined,
    publicIpAddress: i.publicIpAddress?.ipAddress?.[0] || i.eipAddress?.ipAddress || undefined,
    instanceType: i.instanceType || undefined,
    osName: i.OSName || i.osName || undefined,
    creationTime: i.creationTime || undefined,
    securityGroupIds: i.securityGroupIds?.securityGroupId ?? [],
    tags,
  };
}
