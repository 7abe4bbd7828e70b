// Attaching, detaching and replacing the instance RAM role of many instances: the plan (what happens
// to each instance, and why not when it is skipped), per-region batches of at most 100 ids (the API's
// limit), and an exact per-instance report. No vscode: the command asks, this does the work. Nothing
// is rolled back or repeated: a replace whose attach fails after the detach says so, and a retry
// starts from the instances' state read again.
import { isCloudError, type CallOptions, type EcsService, type HintRef } from '../cloud/types';
import { attachInstanceRamRoleCommand, detachInstanceRamRoleCommand } from '../policy/cli';

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

export interface InstanceOutcome {
  readonly instance: InstanceRef;
  readonly status: 'succeeded' | 'failed' | 'skipped';
  readonly action?: RoleAction;
  readonly reason?: SkipReason;
  readonly code?: string;
  readonly message?: string;
  /** The hint in English (the log line); `hintRef` is the catalog entry the UI localizes. */
  readonly hint?: string;
  readonly hintRef?: HintRef;
  readonly requestId?: string;
  /** A replace that detached this role and then failed to attach: the instance has no role now. */
  readonly detachedRole?: string;
}

export const BATCH_SIZE = 100;

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

/** Groups by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function chunk<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The `aliyun` commands a plan runs, in order: detaches of replaced roles, then the attaches (batches of 100). */
export function planCli(plan: RolePlan): string[] {
  const lines: string[] = [];
  for (const [regionId, entries] of groupBy(plan.run, (e) => e.instance.regionId)) {
    const replaced = entries.filter((e) => e.action === 'replace' || e.action === 'detach').map((e) => e.instance);
    for (const group of groupBy(replaced, (i) => i.ramRoleName!.toLowerCase()).values()) {
      for (const batch of chunk(group)) {
        lines.push(detachInstanceRamRoleCommand({ regionId, roleName: group[0].ramRoleName, instanceIds: batch.map((i) => i.instanceId) }));
      }
    }
    if (plan.kind === 'attach') {
      for (const batch of chunk(entries.map((e) => e.instance))) {
        lines.push(attachInstanceRamRoleCommand({ regionId, roleName: plan.roleName!, instanceIds: batch.map((i) => i.instanceId) }));
      }
    }
  }
  return lines;
}

interface CallFailure { code: string; message: string; hint?: string; hintRef?: HintRef; requestId?: string }

function failureOf(error: unknown): CallFailure {
  if (isCloudError(error)) return { code: error.code, message: error.message, hint: error.hint, hintRef: error.hintRef, requestId: error.requestId };
  return { code: 'Error', message: error instanceof Error ? error.message : String(error) };
}

type Call = (regionId: string, ids: string[], roleName: string | undefined) => ReturnType<EcsService['attachInstanceRamRole']>;

/**
 * One API call per batch; a call that fails as a whole fails each of its instances with that error
 * (earlier batches keep their results). Cancellation stops before the next batch: the rest fail as
 * `Cancelled`, so "Retry failed" can run them.
 */
async function runBatches(
  call: Call, regionId: string, roleName: string | undefined, instances: readonly InstanceRef[], options: CallOptions,
): Promise<Map<string, CallFailure | undefined>> {
  const out = new Map<string, CallFailure | undefined>();
  for (const batch of chunk(instances)) {
    const ids = batch.map((i) => i.instanceId);
    if (options.signal?.aborted) {
      for (const id of ids) out.set(id, { code: 'Cancelled', message: 'Cancelled before this batch was sent.' });
      continue;
    }
    try {
      const results = await call(regionId, ids, roleName);
      const byId = new Map(results.map((r) => [r.instanceId, r]));
      for (const id of ids) {
        const r = byId.get(id);
        if (!r) out.set(id, { code: 'NoResult', message: 'The service returned no result for this instance.' });
        else out.set(id, r.success ? undefined : { code: r.code ?? 'Failed', message: r.message ?? '', hint: r.hint, hintRef: r.hintRef });
      }
    } catch (error) {
      const failure = failureOf(error);
      for (const id of ids) out.set(id, failure);
    }
  }
  return out;
}

function skippedOutcomes(plan: RolePlan): InstanceOutcome[] {
  return plan.skipped.map(({ instance, reason }) => ({ instance, status: 'skipped', reason }));
}

/** Runs an attach plan: per region, detach the replaced roles (per old role), then attach to the rest. */
export async function executeAttach(ecs: EcsService, plan: RolePlan, options: CallOptions = {}): Promise<InstanceOutcome[]> {
  const roleName = plan.roleName;
  if (plan.kind !== 'attach' || !roleName) throw new Error('executeAttach needs an attach plan');
  const attach: Call = (regionId, instanceIds, role) => ecs.attachInstanceRamRole({ regionId, instanceIds, ramRoleName: role! }, options);
  const detach: Call = (regionId, instanceIds, role) => ecs.detachInstanceRamRole({ regionId, instanceIds, ramRoleName: role }, options);
  const outcomes: InstanceOutcome[] = [];
  for (const [regionId, entries] of groupBy(plan.run, (e) => e.instance.regionId)) {
    const toAttach: InstanceRef[] = entries.filter((e) => e.action === 'attach').map((e) => e.instance);
    const detachedFrom = new Map<string, string>();
    const replaced = entries.filter((e) => e.action === 'replace').map((e) => e.instance);
    for (const [, group] of groupBy(replaced, (i) => i.ramRoleName!.toLowerCase())) {
      const oldRole = group[0].ramRoleName!;
      const results = await runBatches(detach, regionId, oldRole, group, options);
      for (const instance of group) {
        const failure = results.get(instance.instanceId);
        if (failure) outcomes.push({ instance, status: 'failed', action: 'replace', ...failure, message: `Detaching ${oldRole} failed: ${failure.message}` });
        else {
          detachedFrom.set(instance.instanceId, oldRole);
          toAttach.push(instance);
        }
      }
    }
    const results = await runBatches(attach, regionId, roleName, toAttach, options);
    for (const instance of toAttach) {
      const failure = results.get(instance.instanceId);
      const action: RoleAction = detachedFrom.has(instance.instanceId) ? 'replace' : 'attach';
      outcomes.push(failure
        ? { instance, status: 'failed', action, ...failure, detachedRole: detachedFrom.get(instance.instanceId) }
        : { instance, status: 'succeeded', action });
    }
  }
  return [...outcomes, ...skippedOutcomes(plan)];
}

/** Runs a detach plan: per region and attached role (RamRoleName makes the call refuse if the role changed meanwhile). */
export async function executeDetach(ecs: EcsService, plan: RolePlan, options: CallOptions = {}): Promise<InstanceOutcome[]> {
  const detach: Call = (regionId, instanceIds, role) => ecs.detachInstanceRamRole({ regionId, instanceIds, ramRoleName: role }, options);
  const outcomes: InstanceOutcome[] = [];
  const groups = groupBy(plan.run, (e) => `${e.instance.regionId}\n${e.instance.ramRoleName!.toLowerCase()}`);
  for (const entries of groups.values()) {
    const instances = entries.map((e) => e.instance);
    const results = await runBatches(detach, instances[0].regionId, instances[0].ramRoleName, instances, options);
    for (const instance of instances) {
      const failure = results.get(instance.instanceId);
      outcomes.push(failure ? { instance, status: 'failed', action: 'detach', ...failure } : { instance, status: 'succeeded', action: 'detach' });
    }
  }
  return [...outcomes, ...skippedOutcomes(plan)];
}

/**
 * The failed instances with their current role read again (DescribeInstanceRamRole per region), so a
 * retry plans from what is true now: e.g. a replace whose detach worked is retried as a plain attach.
 */
export async function refreshFailed(ecs: EcsService, outcomes: readonly InstanceOutcome[], options: CallOptions = {}): Promise<InstanceRef[]> {
  const failed = outcomes.filter((o) => o.status === 'failed').map((o) => o.instance);
  const out: InstanceRef[] = [];
  for (const [regionId, instances] of groupBy(failed, (i) => i.regionId)) {
    const roles = new Map<string, string>();
    for (const batch of chunk(instances, 50)) {
      const listed = await ecs.describeInstanceRamRoles(regionId, { instanceIds: batch.map((i) => i.instanceId) }, options);
      for (const r of listed) if (r.ramRoleName) roles.set(r.instanceId, r.ramRoleName);
    }
    for (const i of instances) out.push({ ...i, ramRoleName: roles.get(i.instanceId) });
  }
  return out;
}

export interface OutcomeCounts { succeeded: number; failed: number; skipped: number }

export function countOutcomes(outcomes: readonly InstanceOutcome[]): OutcomeCounts {
  const counts = { succeeded: 0, failed: 0, skipped: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}

const SKIP_TEXT: Record<SkipReason, string> = {
  classic: 'skipped: classic network (instance RAM roles work only in a VPC)',
  alreadyAttached: 'skipped: already has the role',
  otherRole: 'skipped: has another role (not replaced)',
  noRole: 'skipped: has no role',
};

/** One English line per instance for the log (no secrets: ids, names, codes and hints only). */
export function outcomeLogLines(outcomes: readonly InstanceOutcome[]): string[] {
  return outcomes.map((o) => {
    const who = o.instance.instanceName ? `${o.instance.instanceId} (${o.instance.instanceName}, ${o.instance.regionId})` : `${o.instance.instanceId} (${o.instance.regionId})`;
    if (o.status === 'skipped') return `${who}: ${SKIP_TEXT[o.reason!]}`;
    if (o.status === 'succeeded') return `${who}: ${o.action} succeeded`;
    const parts = [`${who}: ${o.action} failed: ${o.code}: ${o.message}`];
    if (o.hint) parts.push(`hint: ${o.hint}`);
    if (o.detachedRole) parts.push(`note: ${o.detachedRole} was detached and stays detached`);
    if (o.requestId) parts.push(`RequestId ${o.requestId}`);
    return parts.join(' | ');
  });
}
