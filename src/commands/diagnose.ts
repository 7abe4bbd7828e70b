// Diagnose KMS Access: pick the key (node, default key, or a pick with "skip"), run the checklist,
// show the report (a panel with a fix button on each failed line, re-run after a fix) and log it.
import * as vscode from 'vscode';
import { DEFAULT_REGION } from '../cloud/endpoints';
import { nodeNetworkProbe } from '../cloud/networkProbe';
import { counts, diagnosisLogLines, renderDiagnosis } from '../diagnosis/diagnosisReport';
import type { DiagnosisReport } from '../diagnosis/diagnosisTypes';
import { runDiagnosis } from '../diagnosis/runDiagnosis';
import { readCloudSettings } from '../session/cloudSettings';
import { localize } from '../util/localize';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { defaultKey, keyOfRef, kmsEndpointInfo, managementServices, pickKey, regionOfIdentifier, type KeyChoice } from './kms/kmsTarget';
import { withCancellableProgress } from './kms/testFlowSupport';
import { showReadOnlyDocument } from './readOnlyDocument';
import { COMMAND } from '../commandIds';
import { DiagnosisReportPanel } from '../views/diagnosis/diagnosisReportPanel';
import type { DiagnosisReportAction } from '../views/diagnosis/diagnosisReportHtml';
import { UserCancelledError } from './runCommand';

export type DiagnoseOutcome = DiagnosisReport & { /** The report panel's HTML (what the tests read). */ readonly html: string };

/**
 * Diagnose KMS Access: the checklist from the metadata service to Encrypt on the key, in a report panel
 * whose failed lines carry the button that fixes them; after a fix (or "Re-run Diagnose") the same key
 * is diagnosed again in the same panel, until everything passes.
 */
export async function diagnose(ctx: CommandContext, ref?: NodeRef): Promise<DiagnoseOutcome> {
  const where = await surroundings(ctx);
  const key = keyOfRef(ref) ?? presetKey() ?? (await askKey(ctx, where.fallbackRegionId, where.management));
  return diagnoseAndShow(ctx, key, where);
}

/** The management profile (if any) and the region to use when the key names none: read again on every run. */
async function surroundings(ctx: CommandContext) {
  const management = await managementServices(ctx);
  const snapshot = await ctx.instance.ready();
  return { management, fallbackRegionId: snapshot.identity?.regionId ?? management?.regionId ?? readCloudSettings().defaultRegion ?? DEFAULT_REGION };
}

/** `where`: the surroundings the command just read; a re-run (after a fix) reads them again. */
async function diagnoseAndShow(ctx: CommandContext, key: KeyChoice | undefined, where?: Awaited<ReturnType<typeof surroundings>>): Promise<DiagnoseOutcome> {
  const { management, fallbackRegionId } = where ?? (await surroundings(ctx));
  const metadata = ctx.session.factory.metadata;
  const report = await withCancellableProgress(vscode.l10n.t('Diagnosing KMS access…'), (signal) => runDiagnosis({
    signal,
    metadata,
    network: nodeNetworkProbe,
    instanceKms: (regionId) => ctx.session.factory.createInstanceServices(regionId).kms(regionId),
    kmsEndpoint: kmsEndpointInfo,
    management: management && { profileName: management.profile.name, services: management },
    key,
    fallbackRegionId,
    now: Date.now,
  }));

  const panel = DiagnosisReportPanel.show((action) => void onReportAction(ctx, key, report, panel, action));
  panel.update(report);
  ctx.log.info(`Diagnose KMS Access (${report.instanceId ?? 'not on ECS'}, key ${report.key ?? '-'}, ${report.kms.endpoint}):`);
  for (const line of diagnosisLogLines(report)) ctx.log.info(line);

  const c = counts(report);
  const summary = vscode.l10n.t('Diagnose KMS Access: {0} passed, {1} failed, {2} skipped.', c.passed, c.failed, c.skipped);
  if (c.failed === 0) void ctx.ui.showInformationMessage(summary, {});
  else void ctx.ui.showWarningMessage(summary, {});
  return Object.assign(report, { html: panel.html });
}

/** A button of the report: run the line's fix, then diagnose the same key again; re-run; or the Markdown copy (shown or copied). */
async function onReportAction(ctx: CommandContext, key: KeyChoice | undefined, report: DiagnosisReport, panel: DiagnosisReportPanel, action: DiagnosisReportAction): Promise<void> {
  if (action.kind === 'markdown') {
    await showReadOnlyDocument('kms-diagnosis.md', renderDiagnosis(report, localize), 'markdown');
    return;
  }
  if (action.kind === 'copy') {
    await vscode.env.clipboard.writeText(renderDiagnosis(report, localize));
    return;
  }
  if (action.kind === 'fix') {
    const fix = report.lines[action.index]?.action;
    if (!fix) return;
    ctx.log.info(`Diagnose KMS Access: running the fix of "${report.lines[action.index].id}": ${fix.command}`);
    // Our commands report their own errors and cancellations (runCommand); the re-run shows what changed.
    await vscode.commands.executeCommand(fix.command, ...(fix.args ?? []));
  }
  panel.update(report, true);
  await vscode.commands.executeCommand(COMMAND.refreshInstanceCredential);
  await diagnoseAndShow(ctx, key);
}

function presetKey(): KeyChoice | undefined {
  const preset = defaultKey();
  return preset ? { identifier: preset, regionId: regionOfIdentifier(preset) } : undefined;
}

/** Without a key the Encrypt and policy checks are skipped; the user may choose that. */
async function askKey(ctx: CommandContext, regionId: string, management: Awaited<ReturnType<typeof managementServices>>): Promise<KeyChoice | undefined> {
  const choose = vscode.l10n.t('Choose a key…');
  const skip = vscode.l10n.t('Diagnose without a key');
  const picked = await ctx.ui.showQuickPick([{ label: choose }, { label: skip, description: vscode.l10n.t('the Encrypt and policy checks are skipped') }], {
    title: vscode.l10n.t('Diagnose KMS Access: which key should the role be able to use?'),
  });
  if (!picked) throw new UserCancelledError();
  return picked.label === skip ? undefined : pickKey(ctx, regionId, management);
}
