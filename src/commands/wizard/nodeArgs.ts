import type { CloudServices, EcsInstance } from '../../cloud/types';
import { chunk } from '../../workflows/instanceRoleBatch';
import { isNodeRef } from '../../views/common/nodeRef';

// What the workflow commands read from the tree nodes they are invoked on (duck-typed on the fields
// the view classes document as "read by commands"), so a command also works from an empty-node link.

interface InstanceLike { instanceId: string; instance: EcsInstance }

function isInstanceNode(value: unknown): value is InstanceLike {
  const v = value as Partial<InstanceLike> | undefined;
  return typeof v?.instanceId === 'string' && typeof v.instance === 'object' && v.instance !== null;
}

/**
 * The instances of the invoked node(s): instance nodes carry their instance; nodes that only name one
 * (an instance under a role's "Instances") are looked up in their region. Undefined when none.
 */
export async function instancesOfNodes(services: CloudServices, node: unknown, nodes: unknown): Promise<EcsInstance[] | undefined> {
  const all: unknown[] = Array.isArray(nodes) && nodes.length > 0 ? nodes : [node];
  const out = all.filter(isInstanceNode).map((n) => n.instance);
  const named = all.filter((n): n is { instanceId: string; regionId: string } => !isInstanceNode(n)
    && typeof (n as { instanceId?: unknown } | undefined)?.instanceId === 'string' && typeof (n as { regionId?: unknown }).regionId === 'string');
  const byRegion = new Map<string, string[]>();
  for (const n of named) byRegion.set(n.regionId, [...(byRegion.get(n.regionId) ?? []), n.instanceId]);
  for (const [regionId, instanceIds] of byRegion) {
    for (const batch of chunk(instanceIds)) {
      for await (const instance of services.ecs.listInstances(regionId, { filter: { instanceIds: batch } })) out.push(instance);
    }
  }
  return out.length > 0 ? out : undefined;
}

/** The role of a role node (not the attached role of an instance node). */
export function roleNodeName(node: unknown): string | undefined {
  if (isNodeRef(node)) return node.kind === 'role' ? node.roleName : undefined;
  const v = node as { roleName?: unknown; role?: unknown } | undefined;
  return typeof v?.roleName === 'string' && typeof v.role === 'object' && !isInstanceNode(node) ? v.roleName : undefined;
}

/** The region of a region, instance, key or secret node. */
export function nodeRegion(node: unknown): string | undefined {
  if (isNodeRef(node)) return node.kind === 'role' ? node.key?.regionId : node.kind === 'policy' || node.kind === 'policyVersion' ? undefined : node.regionId;
  const v = node as { regionId?: unknown } | undefined;
  return typeof v?.regionId === 'string' ? v.regionId : undefined;
}

/** The key of a key node. */
export function nodeKey(node: unknown): { keyId: string; regionId: string } | undefined {
  // A NodeRef (from the instance view and the reports): a key, or a role with its key preselected.
  if (isNodeRef(node)) return node.kind === 'key' ? { keyId: node.keyId, regionId: node.regionId } : node.kind === 'role' ? node.key : undefined;
  const v = node as { keyId?: unknown; regionId?: unknown } | undefined;
  return typeof v?.keyId === 'string' && typeof v.regionId === 'string' ? { keyId: v.keyId, regionId: v.regionId } : undefined;
}

/** The secret of a secret node. */
export function nodeSecret(node: unknown): { secretName: string; regionId: string } | undefined {
  const v = node as { secretName?: unknown; regionId?: unknown } | undefined;
  return typeof v?.secretName === 'string' && typeof v.regionId === 'string' ? { secretName: v.secretName, regionId: v.regionId } : undefined;
}
