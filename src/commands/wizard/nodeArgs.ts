import type { EcsInstance } from '../../cloud/types';

// What the workflow commands read from the tree nodes they are invoked on (duck-typed on the fields
// the view classes document as "read by commands"), so a command also works from an empty-node link.

interface InstanceLike { instanceId: string; instance: EcsInstance }

function isInstanceNode(value: unknown): value is InstanceLike {
  const v = value as Partial<InstanceLike> | undefined;
  return typeof v?.instanceId === 'string' && typeof v.instance === 'object' && v.instance !== null;
}

/** The instances of an instance node, or of the selection when the command ran on a multi-selection. */
export function selectedInstances(node: unknown, nodes: unknown): EcsInstance[] | undefined {
  const all = Array.isArray(nodes) && nodes.length > 0 ? nodes : [node];
  const instances = all.filter(isInstanceNode).map((n) => n.instance);
  return instances.length > 0 ? instances : undefined;
}

/** The role of a role node (not the attached role of an instance node). */
export function roleNodeName(node: unknown): string | undefined {
  const v = node as { roleName?: unknown; role?: unknown } | undefined;
  return typeof v?.roleName === 'string' && typeof v.role === 'object' && !isInstanceNode(node) ? v.roleName : undefined;
}

/** The region of a region, instance, key or secret node. */
export function nodeRegion(node: unknown): string | undefined {
  const v = node as { regionId?: unknown } | undefined;
  return typeof v?.regionId === 'string' ? v.regionId : undefined;
}

/** The key of a key node. */
export function nodeKey(node: unknown): { keyId: string; regionId: string } | undefined {
  const v = node as { keyId?: unknown; regionId?: unknown } | undefined;
  return typeof v?.keyId === 'string' && typeof v.regionId === 'string' ? { keyId: v.keyId, regionId: v.regionId } : undefined;
}

/** The secret of a secret node. */
export function nodeSecret(node: unknown): { secretName: string; regionId: string } | undefined {
  const v = node as { secretName?: unknown; regionId?: unknown } | undefined;
  return typeof v?.secretName === 'string' && typeof v.regionId === 'string' ? { secretName: v.secretName, regionId: v.regionId } : undefined;
}
