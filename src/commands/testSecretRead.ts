// Test Secret Read: GetSecretValue with the instance credential; the report shows the version and
// stages and the value masked, in a report panel; "Reveal Value" (confirmed) shows it in the report, nowhere else.
import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { explainKmsFailure } from '../diagnosis/explainKmsFailure';
import { readSecretValue } from '../diagnosis/kmsRoundTrip';
import { renderSecretReport } from '../diagnosis/secretReport';
import { validateSecretName } from '../policy/validation';
import { localize } from '../util/localize';
import { maskSecret } from '../util/mask';
import { english } from '../util/message';
import type { ReportButton } from '../views/common/markdownReport';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import type { ReportPanel } from '../views/common/reportPanel';
import type { CommandContext } from './commandContext';
import { kmsEndpointInfo, managementServices } from './kms/kmsTarget';
import { showReport } from './kms/showReport';
import { instanceReady, offerRemedy, remedyButtons, withCancellableProgress } from './kms/testFlowSupport';
import { UserCancelledError } from './runCommand';

export interface SecretReadOutcome {
  readonly ok: boolean;
  readonly secretName?: string;
  readonly regionId?: string;
  readonly versionId?: string;
  readonly versionStages?: readonly string[];
  readonly requestId?: string;
  readonly explanation?: { code: string; summary: string; fix: string; remedy?: string };
  readonly offered: readonly string[];
  readonly notRun?: string;
  /** The report as Markdown and as the panel's HTML (what the tests read); the value masked in both. */
  readonly report?: string;
  readonly html?: string;
}

/** GetSecretValue with this instance's credential: version and stages, the value masked unless revealed. */
export async function testSecretRead(ctx: CommandContext, ref?: NodeRef): Promise<SecretReadOutcome> {
  const ready = await instanceReady(ctx, 'testSecretRead');
  if (!ready.ok) return { ok: false, offered: ready.offered, notRun: ready.reason };
  const secret = refOfKind(ref, 'secret');
  const management = await managementServices(ctx);
  const regionId = secret?.regionId ?? ready.regionId;
  const secretName = secret?.secretName ?? (await askSecretName(ctx, regionId, management));
  const kmsInfo = kmsEndpointInfo(regionId);
  const kms = ctx.session.factory.createInstanceServices(regionId).kms(regionId);

  const { result, value } = await withCancellableProgress(vscode.l10n.t('Test Secret Read with {0}: {1}', ready.roleName, secretName), (signal) =>
    readSecretValue(kms, secretName, { signal }));
  if (result.call.error?.code === 'Cancelled') throw new UserCancelledError();

  const base = { secretName, regionId, offered: [] as string[] };
  const again = { label: vscode.l10n.t('Run Again'), run: () => vscode.commands.executeCommand(COMMAND.testSecretRead, { kind: 'secret', secretName, regionId } satisfies NodeRef) };
  const show = (markdown: string, buttons: ReportButton[], copyable = true) => showReport({
    viewType: 'alicloudKms.testSecretReadReport', title: vscode.l10n.t('Test Secret Read'), fileName: 'kms-test-secret-read.md', markdown,
    tone: result.call.ok ? 'passed' : 'failed', buttons: [...buttons, again], copyable,
  });
  if (!result.call.ok) {
    const explanation = explainKmsFailure(result.call.error, {
      action: 'kms:GetSecretValue', principal: ready.roleName, isInstanceRole: true, resource: secretName, resourceKind: 'secret',
      regionId, endpoint: kms.endpoint, vpcEndpoint: kmsInfo.vpc,
    });
    const report = renderSecretReport({ roleName: ready.roleName, result, kms: kmsInfo, explanation }, localize);
    const fixes = remedyButtons(ctx, explanation, { roleName: ready.roleName, regionId, management, kms: kmsInfo });
    const panel = show(report, fixes);
    ctx.log.info(`Test Secret Read (${ready.roleName}) ${secretName} in ${regionId}: ${explanation.code} RequestId=${explanation.requestId ?? '-'} | ${english(explanation.summary)}`);
    const offered = offerRemedy(ctx, explanation, fixes).map((a) => a.label);
    return { ...base, ok: false, requestId: explanation.requestId, offered, explanation: { code: explanation.code, summary: english(explanation.summary), fix: english(explanation.fix), remedy: explanation.remedy }, report, html: panel.html };
  }

  // The value is shown masked; "Reveal Value" (in the report or the notification) asks first and then shows
  // it in the report only: that version has no Markdown copy and no Copy button, and "Hide Value" masks it again.
  const masked = renderSecretReport({ roleName: ready.roleName, result, kms: kmsInfo, shownValue: maskSecret(value ?? '') }, localize);
  const revealLabel = vscode.l10n.t('Reveal Value');
  const showMasked = (): ReportPanel => show(masked, value === undefined ? [] : [{ label: revealLabel, run: reveal }]);
  const reveal = async () => {
    const confirm = vscode.l10n.t('Reveal');
    const sure = await ctx.ui.showWarningMessage(
      vscode.l10n.t('Show the value of secret {0} in the report? Anyone who can see your screen will see it. It is not saved or logged.', secretName), { modal: true }, confirm);
    if (sure !== confirm) return;
    show(renderSecretReport({ roleName: ready.roleName, result, kms: kmsInfo, shownValue: value }, localize), [{ label: vscode.l10n.t('Hide Value'), run: showMasked }], false);
  };
  const panel = showMasked();
  ctx.log.info(`Test Secret Read (${ready.roleName}) ${secretName} in ${regionId}: ok, version ${result.versionId ?? '-'} [${result.versionStages.join(',')}] RequestId=${result.call.requestId ?? '-'} (value not logged)`);
  void ctx.ui.showInformationMessage(vscode.l10n.t('Role {0} can read secret {1} (version {2}).', ready.roleName, secretName, result.versionId ?? '-'), {}, revealLabel).then(async (choice) => {
    if (choice === revealLabel && value !== undefined) await reveal();
  });
  return { ...base, ok: true, versionId: result.versionId, versionStages: result.versionStages, requestId: result.call.requestId, report: masked, html: panel.html };
}

/** A secret name (KMS rules) or a secret ARN; anything else is refused with the rule, before any call. */
function secretNameProblem(value: string): string | undefined {
  if (/^acs:kms:[a-z0-9-]+:\d+:secret\/\S+$/.test(value)) return undefined;
  const problem = validateSecretName(value);
  // The policy module's templates are in the bundles (policy l10n test).
  return problem ? localize(problem) : undefined;
}

async function askSecretName(ctx: CommandContext, regionId: string, management: Awaited<ReturnType<typeof managementServices>>): Promise<string> {
  type Item = vscode.QuickPickItem & { typed?: boolean };
  const items = (async (): Promise<Item[]> => {
    const out: Item[] = [{ label: `$(edit) ${vscode.l10n.t('Enter a secret name…')}`, typed: true, alwaysShow: true }];
    if (management) {
      try {
        for await (const s of management.kms(regionId).listSecrets()) out.push({ label: s.secretName, description: s.secretType });
      } catch (error) {
        ctx.log.warn(`Listing secrets in ${regionId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return out;
  })();
  const picked = await ctx.ui.showQuickPick(items, { title: vscode.l10n.t('Secret to read ({0})', regionId) });
  if (!picked) throw new UserCancelledError();
  if (!picked.typed) return picked.label;
  const typed = await ctx.ui.showInputBox({ title: vscode.l10n.t('Secret name'), validateInput: (v) => secretNameProblem(v.trim()) });
  if (!typed) throw new UserCancelledError();
  return typed.trim();
}
