// Test Encrypt (with this instance's credential) and Test Encrypt as Profile: choose the key and the
// plaintext, Encrypt → Decrypt → compare, show the report (a panel with the fix's button, "Run Again" and the
// Markdown copy), explain a failure in a notification with the same buttons.
import * as vscode from 'vscode';
import type { CloudServices } from '../cloud/types';
import { COMMAND } from '../commandIds';
import { parseEncryptionContext } from '../diagnosis/encryptionContext';
import { renderEncryptReport } from '../diagnosis/encryptReport';
import { explainKmsFailure, type KmsFailureExplanation } from '../diagnosis/explainKmsFailure';
import { encryptRoundTrip } from '../diagnosis/kmsRoundTrip';
import { localize } from '../util/localize';
import { english } from '../util/message';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { keyOfRef, kmsEndpointInfo, managementServices, pickKey } from './kms/kmsTarget';
import { showReport } from './kms/showReport';
import { instanceReady, offerRemedy, remedyButtons, withCancellableProgress, type OfferedAction } from './kms/testFlowSupport';
import { requireServices } from './requireServices';
import { UserCancelledError } from './runCommand';

export interface EncryptTestOutcome {
  readonly ok: boolean;
  readonly mode: 'instance' | 'profile';
  readonly principal?: string;
  readonly key?: string;
  readonly regionId?: string;
  readonly endpoint?: string;
  readonly calls: readonly { api: string; ok: boolean; latencyMs: number; requestId?: string; keyId?: string; keyVersionId?: string; code?: string }[];
  readonly matches?: boolean;
  /** English, for the log and the tests. */
  readonly explanation?: { code: string; summary: string; fix: string; remedy?: string };
  /** The buttons offered with the failure (labels), and the commands they run. */
  readonly offered: readonly string[];
  readonly actions?: readonly OfferedAction[];
  /** Set when the test could not start (not on ECS, no role...). */
  readonly notRun?: string;
  /** The report as Markdown and as the panel's HTML (what the tests read). */
  readonly report?: string;
  readonly html?: string;
}

/** Encrypt → Decrypt → compare with ONLY this instance's credential (the role the application will use). */
export function testEncrypt(ctx: CommandContext, ref?: NodeRef): Promise<EncryptTestOutcome> {
  return runEncryptTest(ctx, ref, 'instance');
}

/** The round trip of Test Encrypt; Test Encrypt as Profile (testEncryptAsProfile.ts) runs it with the management profile. */
export async function runEncryptTest(ctx: CommandContext, ref: NodeRef | undefined, mode: 'instance' | 'profile'): Promise<EncryptTestOutcome> {
  let services: CloudServices;
  let principal: string;
  let defaultRegion: string;
  const management = await managementServices(ctx);
  if (mode === 'instance') {
    const ready = await instanceReady(ctx, 'testEncrypt');
    if (!ready.ok) return { ok: false, mode, calls: [], offered: ready.offered, notRun: ready.reason };
    principal = ready.roleName;
    defaultRegion = ready.regionId;
    services = ctx.session.factory.createInstanceServices(defaultRegion);
  } else {
    services = await requireServices(ctx);
    principal = services.profile.name;
    defaultRegion = services.regionId;
  }

  const key = keyOfRef(ref) ?? (await pickKey(ctx, defaultRegion, management ?? (mode === 'profile' ? services : undefined)));
  const regionId = key.regionId ?? defaultRegion;
  const plaintext = await askPlaintext(ctx, principal);
  const encryptionContext = await askEncryptionContext(ctx);
  const kmsInfo = kmsEndpointInfo(regionId);
  const kms = services.kms(regionId);

  const result = await withCancellableProgress(vscode.l10n.t('Test Encrypt with {0}: {1}', principal, key.identifier), (signal) =>
    encryptRoundTrip(kms, { keyId: key.identifier, plaintext, encryptionContext }, { signal }));
  if (result.failed?.error?.code === 'Cancelled') throw new UserCancelledError();

  let explanation: KmsFailureExplanation | undefined;
  if (result.failed) {
    explanation = explainKmsFailure(result.failed.error, {
      action: `kms:${result.failed.api}`, principal, isInstanceRole: mode === 'instance', resource: key.identifier, resourceKind: 'key',
      regionId, endpoint: kms.endpoint, vpcEndpoint: kmsInfo.vpc,
    });
  }
  const credential = mode === 'instance' ? vscode.l10n.t('instance RAM role {0}', principal) : vscode.l10n.t('profile {0}', principal);
  const markdown = renderEncryptReport({
    credential, key: key.identifier, regionId, kms: kmsInfo, plaintextLength: plaintext.length,
    encryptionContextKeys: Object.keys(encryptionContext ?? {}), result, explanation,
  }, localize);
  const fixes = explanation
    ? remedyButtons(ctx, explanation, { roleName: mode === 'instance' ? principal : undefined, keyId: key.identifier, regionId, management, kms: kmsInfo })
    : [];
  const again = { kind: 'key', keyId: key.identifier, regionId } satisfies NodeRef;
  const panel = showReport({
    viewType: 'alicloudKms.testEncryptReport', title: vscode.l10n.t('Test Encrypt'), fileName: 'kms-test-encrypt.md', markdown,
    tone: result.failed || !result.matches ? 'failed' : 'passed',
    buttons: [...fixes, { label: vscode.l10n.t('Run Again'), run: () => vscode.commands.executeCommand(mode === 'instance' ? COMMAND.testEncrypt : COMMAND.testEncryptAsProfile, again) }],
  });

  const calls = result.calls.map((c) => ({ api: c.api, ok: c.ok, latencyMs: Math.round(c.latencyMs), requestId: c.requestId ?? c.error?.requestId, keyId: c.keyId, keyVersionId: c.keyVersionId, code: c.error?.code }));
  ctx.log.info(`Test Encrypt (${mode}: ${principal}) key ${key.identifier} in ${regionId} via ${kms.endpoint}: ` +
    calls.map((c) => `${c.api} ${c.ok ? 'ok' : c.code} ${c.latencyMs} ms RequestId=${c.requestId ?? '-'}`).join('; ') +
    (result.failed ? ` | ${english(explanation!.summary)}` : ` | plaintext ${result.matches ? 'matches' : 'DIFFERS'}`));

  let actions: OfferedAction[] = [];
  if (explanation) actions = offerRemedy(ctx, explanation, fixes);
  else void ctx.ui.showInformationMessage(vscode.l10n.t('Test Encrypt passed: {0} encrypted and decrypted with key {1}.', credential, key.identifier), {});
  return {
    ok: !result.failed && result.matches === true, mode, principal, key: key.identifier, regionId, endpoint: kms.endpoint, calls, matches: result.matches,
    explanation: explanation && { code: explanation.code, summary: english(explanation.summary), fix: english(explanation.fix), remedy: explanation.remedy },
    offered: actions.map((a) => a.label),
    actions,
    report: markdown,
    html: panel.html,
  };
}

async function askPlaintext(ctx: CommandContext, principal: string): Promise<string> {
  const sample = vscode.l10n.t('Use a sample text');
  const own = vscode.l10n.t('Type my own text…');
  const picked = await ctx.ui.showQuickPick([{ label: sample, description: vscode.l10n.t('a short test string') }, { label: own }], { title: vscode.l10n.t('Plaintext to encrypt') });
  if (!picked) throw new UserCancelledError();
  if (picked.label === sample) return `Hello KMS from ${principal} at ${new Date().toISOString()}`;
  const typed = await ctx.ui.showInputBox({
    title: vscode.l10n.t('Plaintext to encrypt'),
    prompt: vscode.l10n.t('Not logged and not shown in the report.'),
    password: true,
    validateInput: (value) => (value.length === 0 ? vscode.l10n.t('Enter some text.') : value.length > 6144 ? vscode.l10n.t('At most 6144 characters.') : undefined),
  });
  if (typed === undefined) throw new UserCancelledError();
  return typed;
}

async function askEncryptionContext(ctx: CommandContext): Promise<Record<string, string> | undefined> {
  const typed = await ctx.ui.showInputBox({
    title: vscode.l10n.t('EncryptionContext (optional)'),
    prompt: vscode.l10n.t('key=value, key2=value2 or a JSON object; empty for none. Decrypt must present the same context.'),
    validateInput: (value) => {
      const parsed = parseEncryptionContext(value);
      return parsed.ok ? undefined : localize(parsed.text);
    },
  });
  if (typed === undefined) throw new UserCancelledError();
  const parsed = parseEncryptionContext(typed);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}
