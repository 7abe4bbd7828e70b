// The arguments the instance views pass to the workflow commands (branch `workflows`), shaped like
// the tree nodes those commands read: a role node has `roleName` and `role`; an instance node has
// `instanceId` and `instance`; a key node `keyId` and `regionId` (then the key is preselected).
import type { EcsInstance, InstanceIdentity } from '../cloud/types';

/** For alicloudKms.grantKmsAccess: the role, with the key preselected when known. */
export function grantArgs(roleName: string, keyId: string | undefined, regionId: string): unknown[] {
  return [{ roleName, role: { roleName }, ...(keyId ? { keyId, regionId } : {}) }];
}

/** For alicloudKms.attachRole: this instance, as the metadata service describes it. */
export function attachRoleArgs(identity: InstanceIdentity | undefined): unknown[] {
  if (!identity) return [];
  const instance: EcsInstance = {
    instanceId: identity.instanceId, regionId: identity.regionId, zoneId: identity.zoneId, status: 'Running',
    networkType: identity.vpcId ? 'vpc' : 'classic', vpcId: identity.vpcId, privateIpAddress: identity.privateIpv4,
    securityGroupIds: [], tags: {},
  };
  return [{ instanceId: identity.instanceId, regionId: identity.regionId, instance }];
}
