// Diagnose KMS Access: pick the key (node, default key, or a pick with "skip"), run the checklist,
// show the report and log it, and offer the first failed line's fix.
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
import { UserCancelledError } from './runCommand';

/** Diagnose KMS Access: the checklist from the metadata service to Encrypt on the key, as a report. */
export async function diagnose(ctx: CommandContext, ref?: NodeRef): Promise<DiagnosisReport> {
  const management = await managementServices(ctx);
  const snapshot = await ctx.instance.ready();
  const fallbackRegionId = snapshot.identity?.regionId ?? management?.regionId ?? readCloudSettings().defaultRegion ?? DEFAULT_REGION;
  const key = keyOfRef(ref) ?? presetKey() ?? (await askKey(ctx, fallbackRegionId, management));
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

  await showReadOnlyDocument('kms-diagnosis.md', renderDiagnosis(report, localize), 'markdown');
  ctx.log.info(`Diagnose KMS Access (${report.instanceId ?? 'not on ECS'}, key ${report.key ?? '-'}, ${report.kms.endpoint}):`);
  for (const line of diagnosisLogLines(report)) ctx.log.info(line);

  const c = counts(report);
  const summary = vscode.l10n.t('Diagnose KMS Access: {0} passed, {1} failed, {2} skipped.', c.passed, c.failed, c.skipped);
  const firstFix = report.lines.find((l) => l.status === 'failed' && l.action)?.action;
  if (c.failed === 0) void ctx.ui.showInformationMessage(summary, {});
  else {
    const label = firstFix ? localize(firstFix.label) : undefined;
    void ctx.ui.showWarningMessage(summary, {}, ...(label ? [label] : [])).then((choice) => {
      if (firstFix && choice === label) void vscode.commands.executeCommand(firstFix.command, ...(firstFix.args ?? []));
    });
  }
  return report;
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
