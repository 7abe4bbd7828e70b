// Attaching, detaching and replacing the instance RAM role of many instances, part 1: the plan (what
// happens to each instance, and why not when it is skipped) and its `aliyun` CLI equivalent.
// Execution: ./execute.ts; the per-instance report: ./report.ts. No vscode, no SDK.
import { instanceRoleBatches } from '../../cloud/ecsBatches';
import { attachInstanceRamRoleCommand, detachInstanceRamRoleCommand } from '../../policy/cli';
import { groupBy } from '../../util/chunk';

/** What the batch needs to know about an instance (an EcsInstance fits). */
export interface InstanceRef {
  readonly instanceId: string;
  readonly regionId: string;
  readonly instanceName?: string;
  readonly networkType: string;
  readonly ramRoleName?: string;
}

export type SkipReason = 'classic' | 'alreadyAttached' | 'otherRole' | 'noRole';
export type RoleAction = 'attach' | 'replace' | 'detach';

export interface RolePlan {
  readonly kind: 'attach' | 'detach';
  /** The role to attach (attach plans). */
  readonly roleName?: string;
  /** Instances the calls will change. */
  readonly run: readonly { instance: InstanceRef; action: RoleAction }[];
  readonly skipped: readonly { instance: InstanceRef; reason: SkipReason }[];
}

export function isClassic(instance: InstanceRef): boolean {
  return instance.networkType.toLowerCase() === 'classic';
}

function sameRole(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The instances (in a VPC) that already have a role other than `roleName`: the replace-or-skip question. */
export function instancesWithOtherRole(instances: readonly InstanceRef[], roleName: string): InstanceRef[] {
  return instances.filter((i) => !isClassic(i) && i.ramRoleName && !sameRole(i.ramRoleName, roleName));
}

/** Attach `roleName`: classic instances and those that already have it are skipped; another role is replaced or skipped. */
export function planAttach(instances: readonly InstanceRef[], roleName: string, otherRole: 'replace' | 'skip'): RolePlan {
  const run: RolePlan['run'][number][] = [];
  const skipped: RolePlan['skipped'][number][] = [];
  for (const instance of dedupe(instances)) {
    if (isClassic(instance)) skipped.push({ instance, reason: 'classic' });
    else if (sameRole(instance.ramRoleName, roleName)) skipped.push({ instance, reason: 'alreadyAttached' });
    else if (instance.ramRoleName && otherRole === 'skip') skipped.push({ instance, reason: 'otherRole' });
    else run.push({ instance, action: instance.ramRoleName ? 'replace' : 'attach' });
  }
  return { kind: 'attach', roleName, run, skipped };
}

/** Detach whatever role each instance has; instances without one are skipped. */
export function planDetach(instances: readonly InstanceRef[]): RolePlan {
  const run: RolePlan['run'][number][] = [];
  const skipped: RolePlan['skipped'][number][] = [];
  for (const instance of dedupe(instances)) {
    if (instance.ramRoleName) run.push({ instance, action: 'detach' });
    else skipped.push({ instance, reason: 'noRole' });
  }
  return { kind: 'detach', run, skipped };
}

function dedupe(instances: readonly InstanceRef[]): InstanceRef[] {
  const seen = new Map<string, InstanceRef>();
  for (const i of instances) if (!seen.has(i.instanceId)) seen.set(i.instanceId, i);
  return [...seen.values()];
}

/** The instances a plan detaches first, grouped by their current role (one DetachInstanceRamRole per group and batch). */
export function byAttachedRole(instances: readonly InstanceRef[]): Map<string, InstanceRef[]> {
  return groupBy(instances, (i) => i.ramRoleName!.toLowerCase());
}

/** The plan's entries per region, in first-seen order. */
export function byRegion<T extends { instance: InstanceRef }>(entries: readonly T[]): Map<string, T[]> {
  return groupBy(entries, (e) => e.instance.regionId);
}

/** The `aliyun` commands a plan runs, in order: detaches of replaced roles, then the attaches (the service's batches). */
export function planCli(plan: RolePlan): string[] {
  const lines: string[] = [];
  for (const [regionId, entries] of byRegion(plan.run)) {
    const replaced = entries.filter((e) => e.action === 'replace' || e.action === 'detach').map((e) => e.instance);
    for (const group of byAttachedRole(replaced).values()) {
      for (const batch of instanceRoleBatches(group)) {
        lines.push(detachInstanceRamRoleCommand({ regionId, roleName: group[0].ramRoleName, instanceIds: batch.map((i) => i.instanceId) }));
      }
    }
    if (plan.kind === 'attach') {
      for (const batch of instanceRoleBatches(entries.map((e) => e.instance))) {
        lines.push(attachInstanceRamRoleCommand({ regionId, roleName: plan.roleName!, instanceIds: batch.map((i) => i.instanceId) }));
      }
    }
  }
  return lines;
}
