import * as vscode from 'vscode';
import { refreshFailed, type InstanceOutcome } from '../../workflows/roleBatch/execute';
import type { RolePlan } from '../../workflows/roleBatch/plan';
import { countOutcomes, outcomeLogLines } from '../../workflows/roleBatch/report';
import type { CommandContext } from '../commandContext';
import { localizeHint } from '../../session/localizeHint';
import { withCancellableProgress } from './confirmWithCli';
import { wizardContext } from './host';
import { planOf, ROLE_BATCH_PROMPTS, roleBatchExecuteStep, skippedDetail, type RoleBatchContext } from './roleBatchSteps';
import { Wizard } from './wizard';

function summary(plan: RolePlan, outcomes: readonly InstanceOutcome[]): string {
  const { succeeded, failed, skipped } = countOutcomes(outcomes);
  const head = plan.kind === 'attach'
    ? vscode.l10n.t('Attach {0}: {1} succeeded, {2} failed, {3} skipped.', plan.roleName!, succeeded, failed, skipped)
    : vscode.l10n.t('Detach role: {0} succeeded, {1} failed, {2} skipped.', succeeded, failed, skipped);
  const parts = [head];
  if (outcomes.some((o) => o.reason === 'classic')) parts.push(vscode.l10n.t('Classic-network instances were skipped: instance RAM roles work only in a VPC.'));
  const firstFailure = outcomes.find((o) => o.status === 'failed');
  if (firstFailure) parts.push(`${firstFailure.instance.instanceId}: ${firstFailure.code}${firstFailure.hintRef ? ` — ${localizeHint(firstFailure.hintRef)}` : ''}`);
  if (outcomes.some((o) => o.readBackAfterLostAnswer)) parts.push(vscode.l10n.t('Some answers were lost on the way: those instances\' roles were read back, so this is their real state.'));
  if (outcomes.some((o) => o.detachedRole)) parts.push(vscode.l10n.t('Some instances had their old role detached but the new one failed to attach: they have no role now.'));
  return parts.join(' ');
}

const skippedOutcomes = (plan: RolePlan): InstanceOutcome[] => plan.skipped.map((s) => ({ instance: s.instance, status: 'skipped', reason: s.reason }));

/**
 * Attach, Detach and Replace Role (steps: ./roleBatchSteps.ts): asks, confirms (with the CLI equivalent),
 * runs the plan with a cancellable progress, logs one line per instance, refreshes the trees and reports.
 * "Retry Failed" re-reads the failed instances' roles and runs only those again; nothing that succeeded is
 * repeated and nothing is rolled back.
 */
export async function runRoleBatch(ctx: CommandContext, answers: Omit<RoleBatchContext, keyof ReturnType<typeof wizardContext>>): Promise<InstanceOutcome[]> {
  const context: RoleBatchContext = { ...wizardContext(ctx), ...answers };
  const wizard = new Wizard(context, ROLE_BATCH_PROMPTS[context.kind], [roleBatchExecuteStep]);
  await wizard.prompt();
  const what = () => (context.plan!.kind === 'attach' ? `Attach ${context.plan!.roleName}` : 'Detach role');
  if (context.plan!.run.length === 0) {
    const detail = skippedDetail(vscode.l10n, context.plan!);
    ctx.log.info(`${what()}: nothing to do\n${outcomeLogLines(skippedOutcomes(context.plan!)).join('\n')}`);
    await ctx.ui.showInformationMessage(vscode.l10n.t('Nothing to change.') + (detail.length ? ` ${detail.join('; ')}` : ''), {});
    return skippedOutcomes(context.plan!);
  }

  for (let round = 1; ; round++) {
    const plan = context.plan!;
    const title = plan.kind === 'attach' ? vscode.l10n.t('Attaching {0}…', plan.roleName!) : vscode.l10n.t('Detaching roles…');
    await withCancellableProgress(title, (signal) => {
      context.signal = signal;
      return wizard.execute({ report: () => undefined });
    });
    const outcomes = context.outcomes!;
    ctx.log.info(`${what()}${round > 1 ? ` (retry ${round - 1})` : ''}:\n${outcomeLogLines(outcomes).join('\n')}`);
    ctx.trees.instances.refresh();
    ctx.trees.roles.refresh();

    const text = summary(plan, outcomes);
    const showLog = vscode.l10n.t('Show Log');
    const retry = vscode.l10n.t('Retry Failed');
    if (countOutcomes(outcomes).failed === 0) {
      void ctx.ui.showInformationMessage(text, {}, showLog).then((c) => c === showLog && ctx.log.show(true));
      return outcomes;
    }
    const choice = await ctx.ui.showWarningMessage(text, {}, retry, showLog);
    if (choice === showLog) ctx.log.show(true);
    if (choice !== retry) return outcomes;
    // Retry with the failed instances' state read again; a replace-or-skip answer given before still holds.
    context.plan = planOf(context, await refreshFailed(context.services.ecs, outcomes));
    if (context.plan.run.length === 0) {
      ctx.log.info(`${what()} retry: nothing left to do\n${outcomeLogLines(skippedOutcomes(context.plan)).join('\n')}`);
      return outcomes;
    }
  }
}
