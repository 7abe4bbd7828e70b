import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import { executeAttach, executeDetach, refreshFailed, type InstanceOutcome } from '../../workflows/roleBatch/execute';
import { planAttach, planCli, planDetach, type RolePlan } from '../../workflows/roleBatch/plan';
import { countOutcomes, outcomeLogLines } from '../../workflows/roleBatch/report';
import type { CommandContext } from '../commandContext';
import { localizeHint } from '../../session/localizeHint';
import { confirmWithCli, withCancellableProgress } from './confirmWithCli';

function skippedDetail(plan: RolePlan): string[] {
  return plan.skipped.map(({ instance, reason }) => {
    const id = instance.instanceId;
    if (reason === 'classic') return vscode.l10n.t('{0}: skipped, classic network (instance RAM roles work only in a VPC; migrate it to a VPC first)', id);
    if (reason === 'alreadyAttached') return vscode.l10n.t('{0}: skipped, already has this role', id);
    if (reason === 'otherRole') return vscode.l10n.t('{0}: skipped, keeps its role {1}', id, instance.ramRoleName ?? '');
    return vscode.l10n.t('{0}: skipped, has no role', id);
  });
}

function confirmation(plan: RolePlan): { message: string; action: string; detail: string; warning: boolean } {
  const replaced = plan.run.filter((e) => e.action === 'replace');
  const lines = [
    ...replaced.map((e) => vscode.l10n.t('{0}: replace {1} (detach, then attach)', e.instance.instanceId, e.instance.ramRoleName ?? '')),
    ...skippedDetail(plan),
  ];
  if (plan.kind === 'detach') {
    return {
      message: vscode.l10n.t('Detach the RAM role from {0} instance(s)? Applications on them lose the role\'s temporary credential.', plan.run.length),
      action: vscode.l10n.t('Detach'), detail: lines.join('\n'), warning: true,
    };
  }
  return {
    message: replaced.length > 0
      ? vscode.l10n.t('Attach the RAM role {0} to {1} instance(s), replacing the role of {2} of them?', plan.roleName!, plan.run.length, replaced.length)
      : vscode.l10n.t('Attach the RAM role {0} to {1} instance(s)?', plan.roleName!, plan.run.length),
    action: replaced.length > 0 ? vscode.l10n.t('Replace and Attach') : vscode.l10n.t('Attach'),
    detail: lines.join('\n'), warning: replaced.length > 0,
  };
}

function summary(plan: RolePlan, outcomes: readonly InstanceOutcome[]): string {
  const { succeeded, failed, skipped } = countOutcomes(outcomes);
  const head = plan.kind === 'attach'
    ? vscode.l10n.t('Attach {0}: {1} succeeded, {2} failed, {3} skipped.', plan.roleName!, succeeded, failed, skipped)
    : vscode.l10n.t('Detach role: {0} succeeded, {1} failed, {2} skipped.', succeeded, failed, skipped);
  const parts = [head];
  if (outcomes.some((o) => o.reason === 'classic')) parts.push(vscode.l10n.t('Classic-network instances were skipped: instance RAM roles work only in a VPC.'));
  const firstFailure = outcomes.find((o) => o.status === 'failed');
  if (firstFailure) parts.push(`${firstFailure.instance.instanceId}: ${firstFailure.code}${firstFailure.hintRef ? ` — ${localizeHint(firstFailure.hintRef)}` : ''}`);
  if (outcomes.some((o) => o.detachedRole)) parts.push(vscode.l10n.t('Some instances had their old role detached but the new one failed to attach: they have no role now.'));
  return parts.join(' ');
}

/**
 * Confirms (with the CLI equivalent), runs the plan with a cancellable progress, logs one line per
 * instance, refreshes the trees and reports. "Retry Failed" re-reads the failed instances' roles and
 * runs only those again; nothing that succeeded is repeated and nothing is rolled back.
 */
export async function runRoleBatch(ctx: CommandContext, services: CloudServices, plan: RolePlan, otherRole: 'replace' | 'skip'): Promise<InstanceOutcome[]> {
  if (plan.run.length === 0) {
    const detail = skippedDetail(plan);
    ctx.log.info(`${plan.kind === 'attach' ? `Attach ${plan.roleName}` : 'Detach role'}: nothing to do\n${outcomeLogLines(plan.skipped.map((s) => ({ instance: s.instance, status: 'skipped', reason: s.reason }))).join('\n')}`);
    await ctx.ui.showInformationMessage(vscode.l10n.t('Nothing to change.') + (detail.length ? ` ${detail.join('; ')}` : ''), {});
    return plan.skipped.map((s) => ({ instance: s.instance, status: 'skipped', reason: s.reason }));
  }
  const ask = confirmation(plan);
  await confirmWithCli(ctx, ask.message, ask.action, planCli(plan), { detail: ask.detail, warning: ask.warning });

  let current = plan;
  for (let round = 1; ; round++) {
    const title = current.kind === 'attach' ? vscode.l10n.t('Attaching {0}…', current.roleName!) : vscode.l10n.t('Detaching roles…');
    const outcomes = await withCancellableProgress(title, (signal) =>
      current.kind === 'attach' ? executeAttach(services.ecs, current, { signal }) : executeDetach(services.ecs, current, { signal }));
    const what = current.kind === 'attach' ? `Attach ${current.roleName}` : 'Detach role';
    ctx.log.info(`${what}${round > 1 ? ` (retry ${round - 1})` : ''}:\n${outcomeLogLines(outcomes).join('\n')}`);
    ctx.trees.instances.refresh();
    ctx.trees.roles.refresh();

    const text = summary(current, outcomes);
    const showLog = vscode.l10n.t('Show Log');
    const retry = vscode.l10n.t('Retry Failed');
    if (countOutcomes(outcomes).failed === 0) {
      void ctx.ui.showInformationMessage(text, {}, showLog).then((c) => c === showLog && ctx.log.show(true));
      return outcomes;
    }
    const choice = await ctx.ui.showWarningMessage(text, {}, retry, showLog);
    if (choice === showLog) ctx.log.show(true);
    if (choice !== retry) return outcomes;
    const again = await refreshFailed(services.ecs, outcomes);
    current = current.kind === 'attach' ? planAttach(again, current.roleName!, otherRole) : planDetach(again);
    if (current.run.length === 0) {
      ctx.log.info(`${what} retry: nothing left to do\n${outcomeLogLines(current.skipped.map((s) => ({ instance: s.instance, status: 'skipped', reason: s.reason }))).join('\n')}`);
      return outcomes;
    }
  }
}
