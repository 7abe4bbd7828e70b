// The arguments the instance views pass to the workflow commands: NodeRefs (src/views/common/nodeRef.ts),
// the typed contract every node command takes.
import type { EcsInstance, InstanceIdentity } from '../cloud/types';
import type { NodeRef } from '../views/common/nodeRef';

/** For alicloudKms.grantKmsAccess: the role, with the key preselected when known. */
export function grantArgs(roleName: string, keyId: string | undefined, regionId: string): NodeRef[] {
  return [{ kind: 'role', roleName, ...(keyId ? { key: { keyId, regionId } } : {}) }];
}

/** For alicloudKms.attachRole: this instance, as the metadata service describes it. */
export function attachRoleArgs(identity: InstanceIdentity | undefined): NodeRef[] {
  if (!identity) return [];
  const instance: EcsInstance = {
    instanceId: identity.instanceId, regionId: identity.regionId, zoneId: identity.zoneId, status: 'Running',
    networkType: identity.vpcId ? 'vpc' : 'classic', vpcId: identity.vpcId, privateIpAddress: identity.privateIpv4,
    securityGroupIds: [], tags: {},
  };
  return [{ kind: 'instance', instanceId: identity.instanceId, regionId: identity.regionId, instance }];
}
