// Attach, Detach and Replace Role as wizard steps. Attach: the role, the region, the instances, replace-or-skip
// for instances that have another role, the review. Detach: the region, the instances (with a role), the review.
// Replace: the region, the instances (with a role), the new role, the review. Instances from the tree skip the
// region and instance steps; a role node skips the role step. The execute step runs the plan with the
// AbortSignal the command's cancellable progress gives; the report and "Retry Failed" are ./roleBatch.ts.
// No vscode: unit-tested with scripted answers.
import type * as vscode from 'vscode';
import type { CloudServices, EcsInstance } from '../../cloud/types';
import { executeAttach, executeDetach, type InstanceOutcome } from '../../workflows/roleBatch/execute';
import { instancesWithOtherRole, planAttach, planCli, planDetach, type InstanceRef, type RolePlan } from '../../workflows/roleBatch/plan';
import { UserCancelledError } from '../cancelled';
import { pickRegion } from '../pickers';
import { askInstanceRole } from './instanceRoleStep';
import type { ExecuteStep, L10n, PromptStep, WizardContext } from './wizard';

export type RoleBatchKind = 'attach' | 'detach' | 'replace';

export interface RoleBatchContext extends WizardContext {
  readonly services: CloudServices;
  readonly kind: RoleBatchKind;
  /** Attach/replace: the role to give the instances (preset from a role node). */
  roleName?: string;
  /** Detach from a role node: only the instances that have this role are offered. */
  readonly fromRole?: string;
  regionId?: string;
  /** Preset from the instance node(s) the command ran on. */
  instances?: EcsInstance[];
  /** Attach: what happens to instances that have another role (asked only when there are some). */
  otherRole?: 'replace' | 'skip';
  /** Set by the review step. */
  plan?: RolePlan;
  /** The cancellation of the command's progress, read by the execute step. */
  signal?: AbortSignal;
  /** Set by the execute step. */
  outcomes?: InstanceOutcome[];
}

type InstanceItem = vscode.QuickPickItem & { instance: EcsInstance };

/** One line about an instance for quick picks: status, network, role. */
export function instanceDetail(l10n: L10n, i: EcsInstance): string {
  const network = i.networkType.toLowerCase() === 'classic' ? l10n.t('classic network: cannot have a role') : `VPC ${i.vpcId ?? ''}`;
  const role = i.ramRoleName ? l10n.t('role {0}', i.ramRoleName) : l10n.t('no role');
  return [i.status, network, role, i.privateIpAddress].filter(Boolean).join(' · ');
}

function sameRole(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The role to attach (attach: asked first; replace: asked after the instances, as "the new role"). */
function roleStep(title: (c: RoleBatchContext) => string): PromptStep<RoleBatchContext> {
  return {
    shouldPrompt: (c) => c.roleName === undefined,
    async prompt(c) {
      c.roleName = await askInstanceRole(c, title(c), 'attach');
    },
  };
}

export const attachRoleStep = roleStep((c) => c.l10n.t('Select the RAM role to attach'));
export const newRoleStep = roleStep((c) => c.l10n.t('Select the new RAM role'));

export const instanceRegionStep: PromptStep<RoleBatchContext> = {
  shouldPrompt: (c) => c.instances === undefined && c.regionId === undefined,
  async prompt(c) {
    // Regions with instances first, as the ECS Instances view found them (no call of its own).
    const known = c.host.explorer?.regionsWithInstances(c.services) ?? [];
    c.regionId = await pickRegion(c.ui, c.services, c.l10n.t('Select a region'), { l10n: c.l10n, known });
  },
};

function instancesTitle(c: RoleBatchContext): string {
  if (c.kind === 'attach') return c.l10n.t('Attach {0} to instances', c.roleName!);
  if (c.kind === 'replace') return c.l10n.t('Replace the RAM role of instances');
  return c.fromRole ? c.l10n.t('Detach {0} from instances', c.fromRole) : c.l10n.t('Detach the RAM role from instances');
}

/** Which instances may be offered: detach and replace need a role (detach from a role node: that role). */
function offered(c: RoleBatchContext, i: EcsInstance): boolean {
  if (c.kind === 'attach') return true;
  return Boolean(i.ramRoleName) && (!c.fromRole || sameRole(i.ramRoleName, c.fromRole));
}

/** The instances of the region (multi-select, searchable by name, id, status and role); one paged list. */
export const instancesStep: PromptStep<RoleBatchContext> = {
  shouldPrompt: (c) => c.instances === undefined,
  async prompt(c) {
    const regionId = c.regionId!;
    const items = (async () => {
      const out: InstanceItem[] = [];
      for await (const instance of c.services.ecs.listInstances(regionId)) {
        if (offered(c, instance)) out.push({ label: instance.instanceName ?? instance.instanceId, description: instance.instanceId, detail: instanceDetail(c.l10n, instance), instance });
      }
      if (out.length === 0) throw new Error(c.l10n.t('No matching ECS instances in {0}.', regionId));
      return out;
    })();
    const picked = await c.ui.showQuickPick(items, {
      title: instancesTitle(c), canPickMany: true, matchOnDescription: true, matchOnDetail: true,
      placeHolder: c.l10n.t('Select instances in {0} (type to search by name, id or role)', regionId),
    });
    if (!picked || picked.length === 0) throw new UserCancelledError();
    c.instances = picked.map((p) => p.instance);
  },
};

/** Attach only, when some instances have another role: an instance has at most one, so replace it or skip them. */
export const otherRoleStep: PromptStep<RoleBatchContext> = {
  shouldPrompt: (c) => c.kind === 'attach' && c.otherRole === undefined && instancesWithOtherRole(c.instances!, c.roleName!).length > 0,
  async prompt(c) {
    const others = instancesWithOtherRole(c.instances!, c.roleName!);
    const replace = c.l10n.t('Replace');
    const skip = c.l10n.t('Skip Them');
    const choice = await c.ui.showWarningMessage(
      c.l10n.t('{0} instance(s) already have another RAM role ({1}). An instance has at most one role: replace it (detach, then attach {2}) or skip these instances?',
        others.length, others.map((i) => `${i.instanceId}: ${i.ramRoleName}`).join(', '), c.roleName!),
      { modal: true }, replace, skip);
    if (choice === undefined) throw new UserCancelledError();
    c.otherRole = choice === replace ? 'replace' : 'skip';
  },
};

/** Why each skipped instance is left alone, one line each. */
export function skippedDetail(l10n: L10n, plan: RolePlan): string[] {
  return plan.skipped.map(({ instance, reason }) => {
    const id = instance.instanceId;
    if (reason === 'classic') return l10n.t('{0}: skipped, classic network (instance RAM roles work only in a VPC; migrate it to a VPC first)', id);
    if (reason === 'alreadyAttached') return l10n.t('{0}: skipped, already has this role', id);
    if (reason === 'otherRole') return l10n.t('{0}: skipped, keeps its role {1}', id, instance.ramRoleName ?? '');
    return l10n.t('{0}: skipped, has no role', id);
  });
}

function confirmation(l10n: L10n, plan: RolePlan): { message: string; action: string; detail: string; warning: boolean } {
  const replaced = plan.run.filter((e) => e.action === 'replace');
  const detail = [
    ...replaced.map((e) => l10n.t('{0}: replace {1} (detach, then attach)', e.instance.instanceId, e.instance.ramRoleName ?? '')),
    ...skippedDetail(l10n, plan),
  ].join('\n');
  if (plan.kind === 'detach') {
    return {
      message: l10n.t('Detach the RAM role from {0} instance(s)? Applications on them lose the role\'s temporary credential.', plan.run.length),
      action: l10n.t('Detach'), detail, warning: true,
    };
  }
  return {
    message: replaced.length > 0
      ? l10n.t('Attach the RAM role {0} to {1} instance(s), replacing the role of {2} of them?', plan.roleName!, plan.run.length, replaced.length)
      : l10n.t('Attach the RAM role {0} to {1} instance(s)?', plan.roleName!, plan.run.length),
    action: replaced.length > 0 ? l10n.t('Replace and Attach') : l10n.t('Attach'),
    detail, warning: replaced.length > 0,
  };
}

/** The plan for the answers so far (replace: every instance with another role is replaced). */
export function planOf(c: RoleBatchContext, instances: readonly InstanceRef[] = c.instances!): RolePlan {
  if (c.kind === 'detach') return planDetach(instances);
  return planAttach(instances, c.roleName!, c.kind === 'replace' ? 'replace' : (c.otherRole ?? 'skip'));
}

/** The review: plans, then confirms with the CLI equivalent; nothing to change asks nothing (the command says so). */
export const confirmBatchStep: PromptStep<RoleBatchContext> = {
  shouldPrompt: () => true,
  async prompt(c) {
    c.plan = planOf(c);
    if (c.plan.run.length === 0) return;
    const ask = confirmation(c.l10n, c.plan);
    await c.host.confirm(ask.message, ask.action, planCli(c.plan), { detail: ask.detail, warning: ask.warning });
  },
};

export const roleBatchExecuteStep: ExecuteStep<RoleBatchContext> = {
  priority: 100,
  shouldExecute: (c) => c.plan!.run.length > 0,
  async execute(c) {
    const plan = c.plan!;
    c.outcomes = plan.kind === 'attach'
      ? await executeAttach(c.services.ecs, plan, { signal: c.signal })
      : await executeDetach(c.services.ecs, plan, { signal: c.signal });
  },
};

export const ROLE_BATCH_PROMPTS: Readonly<Record<RoleBatchKind, readonly PromptStep<RoleBatchContext>[]>> = {
  attach: [attachRoleStep, instanceRegionStep, instancesStep, otherRoleStep, confirmBatchStep],
  detach: [instanceRegionStep, instancesStep, confirmBatchStep],
  replace: [instanceRegionStep, instancesStep, newRoleStep, confirmBatchStep],
};
