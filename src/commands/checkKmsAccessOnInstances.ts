// Check KMS Access on Instances: runs the fleet check script on instances through Cloud Assistant
// and shows each instance's verdict as it arrives, with the same explanations and fixes as Test
// Encrypt. From instance nodes, a region node, a role node (every instance with the role) or the palette.
import * as vscode from 'vscode';
import FLEET_CHECK_SCRIPT from '../workflows/fleet/fleet-check.py';
import { COMMAND } from '../commandIds';
import type { CloudServices, EcsInstance, ScriptInvocation } from '../cloud/types';
import { pickKey } from './kms/kmsTarget';
import type { NodeRef } from '../views/common/nodeRef';
import { FleetReportPanel } from '../views/fleetCheck/fleetReportPanel';
import type { FleetReportAction, FleetReportModel } from '../views/fleetCheck/fleetReportModel';
import { planFleetCheck, statusQueries, type SkippedInstance } from '../workflows/fleet/fleetPlan';
import { runFleetCheck, type FleetRunEnd } from '../workflows/fleet/fleetRun';
import { buildCheckCommand, type FleetCheckTarget } from '../workflows/fleet/fleetScript';
import { verdictOf, type FleetVerdict } from '../workflows/fleet/fleetVerdict';
import type { CommandContext } from './commandContext';
import { fleetTargets } from './fleetCheck/fleetTargets';
import { confirmFleetCheck, pickOptionalSecret } from './fleetCheck/fleetPrompts';
import { requireServices } from './requireServices';

/** Seconds Cloud Assistant lets the script run: its own network timeouts (5 s each) fit well inside. */
const SCRIPT_TIMEOUT_SECONDS = 90;

export interface FleetCheckOutcome {
  readonly target: FleetCheckTarget;
  readonly verdicts: readonly FleetVerdict[];
  readonly skipped: readonly SkippedInstance[];
  readonly invocations: readonly ScriptInvocation[];
  readonly cancelled: boolean;
  readonly unfinished: FleetReportModel['unfinished'];
  /** The report as last rendered (the tests read it). */
  readonly html: string;
  /** What "Re-run Failed" does: the check again on the failed instances only, with the same key. */
  rerunFailed(): Promise<FleetCheckOutcome | undefined>;
  /** What a fix button does: the command it runs and its argument. */
  fixAction(index: number): { command: string; arg: unknown } | undefined;
}

export async function checkKmsAccessOnInstances(ctx: CommandContext, ref?: NodeRef, refs?: readonly NodeRef[]): Promise<FleetCheckOutcome | undefined> {
  const services = await requireServices(ctx);
  const targets = await fleetTargets(ctx, services, ref, refs);
  if (targets.instances.length === 0) {
    void ctx.ui.showInformationMessage(vscode.l10n.t('No instances to check ({0}).', targets.label), {});
    return undefined;
  }
  const roleKey = ref?.kind === 'role' ? ref.key : undefined;
  const key = roleKey ? { identifier: roleKey.keyId, regionId: roleKey.regionId } : await pickKey(ctx, targets.regionId, services);
  const regionId = key.regionId ?? targets.regionId;
  const secretName = await pickOptionalSecret(ctx, services, regionId);
  return checkInstances(ctx, services, targets.instances, { keyId: key.identifier, regionId, secretName });
}

/** The on-instance script, bundled into dist/main.js as text (esbuild's text loader), so no source file ships. */
async function readScript(_ctx: CommandContext): Promise<string> {
  return FLEET_CHECK_SCRIPT;
}

/** Fix buttons run these commands with arguments that are NodeRefs (and carry the fields older commands read). */
function fixAction(verdict: FleetVerdict | undefined, target: FleetCheckTarget): { command: string; arg: unknown } | undefined {
  if (verdict?.status !== 'failed') return undefined;
  const role = verdict.report?.role;
  if (verdict.explanation.remedy === 'grantKmsAccess' && role) {
    return { command: COMMAND.grantKmsAccess, arg: { kind: 'role', roleName: role, role: { roleName: role }, key: { keyId: target.keyId, regionId: target.regionId }, keyId: target.keyId, regionId: target.regionId } };
  }
  if (verdict.explanation.remedy === 'attachRole') {
    const i = verdict.instance;
    return { command: COMMAND.attachRole, arg: { kind: 'instance', regionId: i.regionId, instanceId: i.instanceId, instance: i } };
  }
  return undefined;
}

async function agentStatuses(services: CloudServices, instances: readonly EcsInstance[]) {
  const out = [];
  for (const [regionId, ids] of statusQueries(instances)) out.push(...await services.cloudAssistant.cloudAssistantStatus(regionId, ids));
  return out;
}

async function checkInstances(ctx: CommandContext, services: CloudServices, instances: readonly EcsInstance[], target: FleetCheckTarget): Promise<FleetCheckOutcome> {
  const plan = planFleetCheck(instances, await agentStatuses(services, instances));
  const total = [...plan.run.values()].reduce((n, list) => n + list.length, 0);
  const command = buildCheckCommand(await readScript(ctx), target);
  if (total > 0) await confirmFleetCheck(ctx, plan, command, target, SCRIPT_TIMEOUT_SECONDS);

  const model: FleetReportModel = { keyId: target.keyId, regionId: target.regionId, secretName: target.secretName, total, verdicts: [], skipped: plan.skipped, state: 'running', unfinished: [] };
  const rerunFailed = () => {
    const failed = model.verdicts.filter((v) => v.status === 'failed').map((v) => v.instance);
    return failed.length > 0 ? checkInstances(ctx, services, failed, target) : Promise.resolve(undefined);
  };
  const panel = new FleetReportPanel(vscode.l10n.t('KMS access: {0}', target.keyId), (action) => void onAction(action));
  const onAction = async (action: FleetReportAction) => {
    if (action.kind === 'rerunFailed') {
      await rerunFailed().catch((error: unknown) => ctx.log.error(`Re-run Failed: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    const fix = fixAction(model.verdicts[action.index], target);
    if (fix) await vscode.commands.executeCommand(fix.command, fix.arg);
  };
  panel.update(model);
  ctx.log.info(`Check KMS access on ${total} instance(s) with key ${target.keyId} (${target.regionId}); ${plan.skipped.length} skipped: `
    + plan.skipped.map((s) => `${s.instance.instanceId} ${s.reason}`).join(', '));

  let end: FleetRunEnd = { invocations: [], unfinished: [], cancelled: false, rounds: 0, commandName: '' };
  if (total > 0) {
    end = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking KMS access on {0} instance(s)', total), cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return runFleetCheck(services.cloudAssistant, { instancesByRegion: plan.run, script: command, timeoutSeconds: SCRIPT_TIMEOUT_SECONDS, name: 'alicloud-kms-access-check' }, {
        signal: controller.signal,
        onStarted: (invocations) => ctx.log.info(`RunCommand: ${invocations.map((i) => `${i.invokeId} (${i.regionId}, ${i.instanceIds.length} instance(s), RequestId ${i.requestId ?? '-'})`).join('; ')}`),
        onResult: (instance, result) => {
          const verdict = verdictOf(instance, result, target, SCRIPT_TIMEOUT_SECONDS);
          model.verdicts.push(verdict);
          ctx.log.info(`${instance.instanceId}: ${verdict.status === 'passed' ? 'passed' : `failed ${verdict.code}${verdict.explanation.requestId ? ` RequestId ${verdict.explanation.requestId}` : ''}`}`);
          progress.report({ message: `${model.verdicts.length}/${total}`, increment: 100 / total });
          panel.update(model);
        },
      });
    });
  }
  model.state = end.cancelled ? 'cancelled' : end.unfinished.length > 0 ? 'timedOut' : 'done';
  model.unfinished = end.unfinished.map((u) => ({ invokeId: u.invocation.invokeId, instanceIds: u.instanceIds }));
  panel.update(model);
  if (model.unfinished.length > 0) {
    void ctx.ui.showWarningMessage(vscode.l10n.t('Stopped waiting for results. These invocations may still be running on the instances: {0}',
      model.unfinished.map((u) => `${u.invokeId} (${u.instanceIds.join(', ')})`).join('; ')), {});
  }
  return {
    target, verdicts: model.verdicts, skipped: plan.skipped, invocations: end.invocations, cancelled: end.cancelled, unfinished: model.unfinished,
    get html() { return panel.html; },
    rerunFailed,
    fixAction: (index) => fixAction(model.verdicts[index], target),
  };
}
