// Attaching, detaching and replacing the instance RAM role of many instances, part 2: running a plan
// (./plan.ts) with the ECS service, which owns the API's 100-id batches and answers one result per id.
// Nothing is rolled back or repeated: a replace whose attach fails after the detach says so, and a
// retry starts from the instances' state read again (refreshFailed). A call whose answer was lost is
// reported from the instances' roles read back by the ECS service (readBackAfterLostAnswer).
import type { CallOptions, EcsService, InstanceRoleResult } from '../../cloud/types';
import type { HintRef } from '../../cloud/hintCatalog';
import { groupBy } from '../../util/chunk';
import { byAttachedRole, byRegion, type InstanceRef, type RoleAction, type RolePlan, type SkipReason } from './plan';

export interface InstanceOutcome {
  readonly instance: InstanceRef;
  readonly status: 'succeeded' | 'failed' | 'skipped';
  readonly action?: RoleAction;
  readonly reason?: SkipReason;
  readonly code?: string;
  readonly message?: string;
  readonly hint?: string;
  /** The hint as a catalog entry, localized by the UI. */
  readonly hintRef?: HintRef;
  readonly requestId?: string;
  /** A replace that detached this role and then failed to attach: the instance has no role now. */
  readonly detachedRole?: string;
  /** An answer was lost: this outcome is the instance's role read back, not the service's answer. */
  readonly readBackAfterLostAnswer?: boolean;
}

type CallFailure = Pick<InstanceOutcome, 'code' | 'message' | 'hint' | 'hintRef' | 'requestId' | 'readBackAfterLostAnswer'>;

/** The failure of each instance the call did not change (undefined = changed). */
function failures(results: readonly InstanceRoleResult[]): Map<string, CallFailure | undefined> {
  return new Map(results.map((r) => [r.instanceId, r.success ? undefined : {
    code: r.code ?? 'Failed', message: r.message ?? '', hint: r.hint, hintRef: r.hintRef, requestId: r.requestId, readBackAfterLostAnswer: r.readBackAfterLostAnswer,
  }]));
}

/** The ids whose success was read back after a lost answer (the log says so). */
function readBackIds(results: readonly InstanceRoleResult[]): Set<string> {
  return new Set(results.filter((r) => r.success && r.readBackAfterLostAnswer).map((r) => r.instanceId));
}

function succeeded(instance: InstanceRef, action: RoleAction, readBack: Set<string>): InstanceOutcome {
  return readBack.has(instance.instanceId) ? { instance, status: 'succeeded', action, readBackAfterLostAnswer: true } : { instance, status: 'succeeded', action };
}

function skippedOutcomes(plan: RolePlan): InstanceOutcome[] {
  return plan.skipped.map(({ instance, reason }) => ({ instance, status: 'skipped', reason }));
}

const missing: CallFailure = { code: 'NoResult', message: 'The service returned no result for this instance.' };

/** Runs an attach plan: per region, detach the replaced roles (per old role), then attach to the rest. */
export async function executeAttach(ecs: EcsService, plan: RolePlan, options: CallOptions = {}): Promise<InstanceOutcome[]> {
  const roleName = plan.roleName;
  if (plan.kind !== 'attach' || !roleName) throw new Error('executeAttach needs an attach plan');
  const outcomes: InstanceOutcome[] = [];
  for (const [regionId, entries] of byRegion(plan.run)) {
    const toAttach: InstanceRef[] = entries.filter((e) => e.action === 'attach').map((e) => e.instance);
    const detachedFrom = new Map<string, string>();
    const readBack = new Set<string>();
    const replaced = entries.filter((e) => e.action === 'replace').map((e) => e.instance);
    for (const group of byAttachedRole(replaced).values()) {
      const oldRole = group[0].ramRoleName!;
      const detached = await ecs.detachInstanceRamRole({ regionId, instanceIds: group.map((i) => i.instanceId), ramRoleName: oldRole }, options);
      const results = failures(detached);
      for (const id of readBackIds(detached)) readBack.add(id);
      for (const instance of group) {
        const failure = results.has(instance.instanceId) ? results.get(instance.instanceId) : missing;
        if (failure) outcomes.push({ instance, status: 'failed', action: 'replace', ...failure, message: `Detaching ${oldRole} failed: ${failure.message}` });
        else {
          detachedFrom.set(instance.instanceId, oldRole);
          toAttach.push(instance);
        }
      }
    }
    const attached = toAttach.length > 0 ? await ecs.attachInstanceRamRole({ regionId, instanceIds: toAttach.map((i) => i.instanceId), ramRoleName: roleName }, options) : [];
    const results = failures(attached);
    for (const id of readBackIds(attached)) readBack.add(id);
    for (const instance of toAttach) {
      const failure = results.has(instance.instanceId) ? results.get(instance.instanceId) : missing;
      const action: RoleAction = detachedFrom.has(instance.instanceId) ? 'replace' : 'attach';
      outcomes.push(failure
        ? { instance, status: 'failed', action, ...failure, detachedRole: detachedFrom.get(instance.instanceId) }
        : succeeded(instance, action, readBack));
    }
  }
  return [...outcomes, ...skippedOutcomes(plan)];
}

/** Runs a detach plan: per region and attached role (RamRoleName makes the call refuse if the role changed meanwhile). */
export async function executeDetach(ecs: EcsService, plan: RolePlan, options: CallOptions = {}): Promise<InstanceOutcome[]> {
  const outcomes: InstanceOutcome[] = [];
  const groups = groupBy(plan.run, (e) => `${e.instance.regionId}\n${e.instance.ramRoleName!.toLowerCase()}`);
  for (const entries of groups.values()) {
    const instances = entries.map((e) => e.instance);
    const { regionId, ramRoleName } = instances[0];
    const detached = await ecs.detachInstanceRamRole({ regionId, instanceIds: instances.map((i) => i.instanceId), ramRoleName }, options);
    const results = failures(detached);
    const readBack = readBackIds(detached);
    for (const instance of instances) {
      const failure = results.has(instance.instanceId) ? results.get(instance.instanceId) : missing;
      outcomes.push(failure ? { instance, status: 'failed', action: 'detach', ...failure } : succeeded(instance, 'detach', readBack));
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
    const listed = await ecs.describeInstanceRamRoles(regionId, { instanceIds: instances.map((i) => i.instanceId) }, options);
    const roles = new Map(listed.filter((r) => r.ramRoleName).map((r) => [r.instanceId, r.ramRoleName]));
    for (const i of instances) out.push({ ...i, ramRoleName: roles.get(i.instanceId) });
  }
  return out;
}
