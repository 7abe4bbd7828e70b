import type { EcsInstance } from '../../cloud/types';

// The typed contract between tree nodes and commands (issue 14). Every node a command can be invoked
// on exposes `ref`: plain data naming the cloud object it shows. Commands take `ref?: NodeRef` (and
// the multi-selection as `NodeRef[]`) and never guess a node's kind from its fields. Other callers
// (report buttons, quick fixes, the instance view) build a NodeRef directly: no fake node objects.

/** A KMS key in a region. */
export interface KeyRefData { readonly regionId: string; readonly keyId: string }

export type NodeRef =
  /** A RAM role; `key` is set when the role is shown under a key ("Roles that can use this key") or a caller preselects one. */
  | { readonly kind: 'role'; readonly roleName: string; readonly key?: KeyRefData }
  /**
   * An ECS instance; `instance` is the listed instance when the node has it (else commands describe it by id);
   * `key` is set when it is shown under a key ("Instances that can use this key").
   */
  | { readonly kind: 'instance'; readonly regionId: string; readonly instanceId: string; readonly instance?: EcsInstance; readonly key?: KeyRefData }
  /** A region group of the Instances or the Keys view. */
  | { readonly kind: 'region'; readonly regionId: string; readonly view: 'instances' | 'keys' }
  | ({ readonly kind: 'key' } & KeyRefData)
  | { readonly kind: 'secret'; readonly regionId: string; readonly secretName: string }
  /** A policy attached to a role (under the role's Permissions). */
  | { readonly kind: 'policy'; readonly policyName: string; readonly policyType: 'System' | 'Custom'; readonly roleName?: string }
  /** One version of a policy (listed under a custom policy). */
  | { readonly kind: 'policyVersion'; readonly policyName: string; readonly policyType: 'System' | 'Custom'; readonly versionId: string; readonly isDefault: boolean };

export type NodeRefKind = NodeRef['kind'];

/** The NodeRef of a given kind. */
export type RefOf<K extends NodeRefKind> = Extract<NodeRef, { kind: K }>;

const KINDS: ReadonlySet<string> = new Set<NodeRefKind>(['role', 'instance', 'region', 'key', 'secret', 'policy', 'policyVersion']);

/** True for a NodeRef (a value built by a node or a caller), by its discriminant only. */
export function isNodeRef(value: unknown): value is NodeRef {
  return typeof value === 'object' && value !== null && KINDS.has((value as { kind?: unknown }).kind as string);
}

/**
 * What VS Code passes a command (a tree node, or a NodeRef from a link or another command) as a
 * NodeRef: a node's `ref`, the ref itself, or undefined (palette, keybinding, a node with no ref).
 */
export function toNodeRef(arg: unknown): NodeRef | undefined {
  if (isNodeRef(arg)) return arg;
  const ref = (arg as { ref?: unknown } | undefined)?.ref;
  return isNodeRef(ref) ? ref : undefined;
}

/** The multi-selection VS Code passes as a command's second argument, as NodeRefs (empty when none). */
export function toNodeRefs(arg: unknown): NodeRef[] {
  return Array.isArray(arg) ? arg.map(toNodeRef).filter((r): r is NodeRef => r !== undefined) : [];
}

/** The ref when it is of one of the given kinds. */
export function refOfKind<K extends NodeRefKind>(ref: NodeRef | undefined, ...kinds: K[]): RefOf<K> | undefined {
  return ref && (kinds as string[]).includes(ref.kind) ? (ref as RefOf<K>) : undefined;
}
