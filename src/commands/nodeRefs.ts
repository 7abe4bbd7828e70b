// What commands read from the NodeRefs they are invoked with (src/views/common/nodeRef.ts): plain
// switches on the ref's kind, never on a node's fields. No vscode: unit-tested alone.
import type { CloudServices, EcsInstance } from '../cloud/types';
import { refOfKind, type KeyRefData, type NodeRef, type RefOf } from '../views/common/nodeRef';
import { groupBy } from '../util/chunk';

/** The refs a command acts on: the multi-selection when there is one, else the clicked ref. */
export function selectionOf(ref: NodeRef | undefined, refs: readonly NodeRef[] | undefined): NodeRef[] {
  if (refs && refs.length > 0) return [...refs];
  return ref ? [ref] : [];
}

/**
 * The instances of the invoked ref(s): refs that carry their listed instance need no call; refs that
 * only name one (an instance under a role's "Instances") are described with one listInstances per region
 * (an id filter: the service splits it by the API's limit). Undefined when no instance ref was given.
 */
export async function instancesOfRefs(services: CloudServices, ref: NodeRef | undefined, refs?: readonly NodeRef[]): Promise<EcsInstance[] | undefined> {
  const instanceRefs = selectionOf(ref, refs).flatMap((r) => refOfKind(r, 'instance') ?? []);
  const out = instanceRefs.flatMap((r) => r.instance ?? []);
  const named = instanceRefs.filter((r) => !r.instance);
  for (const [regionId, group] of groupBy(named, (r) => r.regionId)) {
    for await (const instance of services.ecs.listInstances(regionId, { filter: { instanceIds: group.map((r) => r.instanceId) } })) out.push(instance);
  }
  return out.length > 0 ? out : undefined;
}

/** The role a role ref names (an instance ref's attached role is not "a role node"). */
export function roleOf(ref: NodeRef | undefined): string | undefined {
  return refOfKind(ref, 'role')?.roleName;
}

/** The region of a region, instance, key or secret ref. */
export function regionOf(ref: NodeRef | undefined): string | undefined {
  return refOfKind(ref, 'region', 'instance', 'key', 'secret')?.regionId;
}

/** The key of a key ref, or the key a role ref was shown under or preselects. */
export function keyOf(ref: NodeRef | undefined): KeyRefData | undefined {
  const key = refOfKind(ref, 'key');
  if (key) return { regionId: key.regionId, keyId: key.keyId };
  return refOfKind(ref, 'role')?.key;
}

/** The secret of a secret ref. */
export function secretOf(ref: NodeRef | undefined): RefOf<'secret'> | undefined {
  return refOfKind(ref, 'secret');
}

/** The cloud identifier a ref shows (role name, instance id, key id, secret name, region id, policy name). */
export function identifierOf(ref: NodeRef): string {
  switch (ref.kind) {
    case 'role': return ref.roleName;
    case 'instance': return ref.instanceId;
    case 'key': return ref.keyId;
    case 'secret': return ref.secretName;
    case 'region': return ref.regionId;
    case 'policy': return ref.policyName;
    case 'policyVersion': return ref.versionId;
  }
}
