// Explain Access: for a (role, key) or (role, secret) pair, reads the role's attached policies and shows
// per KMS action (Encrypt, Decrypt, GenerateDataKey; GetSecretValue for a secret) which statement allows
// it, which Deny blocks it, that nothing does, or "allowed if <condition>"; offers Grant KMS Access when
// something is missing. The logic is policy/keyAccessExplanation.ts; this file asks,
// reads and shows.
import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { renderKeyAccessReport, somethingMissing, type KeyAccessReportInput } from '../diagnosis/keyAccessReport';
import { KMS_CRYPTO_ACTIONS } from '../policy/actions';
import { keyArn, secretArn } from '../policy/arn';
import { explainKeyAccess, type ActionExplanation } from '../policy/keyAccessExplanation';
import { callerIdentity } from '../session/callerIdentity';
import { RolePolicyReader } from '../session/rolePolicies';
import { localize } from '../util/localize';
import { refOfKind, type KeyRefData, type NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { pickKey } from './kms/kmsTarget';
import { pickRegion, pickRole } from './pickers';
import { showReadOnlyDocument } from './readOnlyDocument';
import { requireServices } from './requireServices';

export interface ExplainAccessOutcome {
  readonly roleName: string;
  readonly resource: string;
  readonly explanations: ActionExplanation[];
  readonly report: string;
}

export async function explainAccess(ctx: CommandContext, ref?: NodeRef): Promise<ExplainAccessOutcome> {
  const services = await requireServices(ctx);
  const role = refOfKind(ref, 'role');
  const roleName = role?.roleName ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Select the role whose access to explain')));
  const secret = refOfKind(ref, 'secret');
  const account = async () => (await callerIdentity(services)).accountId;
  let target: KeyAccessReportInput['target'], resource: string, key: KeyRefData | undefined;
  if (secret) {
    target = { kind: 'secret', secretName: secret.secretName };
    resource = (await services.kms(secret.regionId).describeSecret(secret.secretName)).arn ?? secretArn(secret.regionId, await account(), secret.secretName);
  } else {
    key = refOfKind(ref, 'key') ?? role?.key ?? (await askKey(ctx, services));
    const described = await services.kms(key.regionId).describeKey(key.keyId);
    target = { kind: 'key', keyId: described.keyId };
    resource = described.arn ?? keyArn(key.regionId, await account(), described.keyId);
  }
  const what = target.kind === 'key' ? target.keyId : target.secretName;

  const attached = await new RolePolicyReader(services).attachedPolicies(roleName);
  const readable = attached.flatMap((a) => (a.document ? [{ name: a.policy.policyName, document: a.document }] : []));
  const explanations = explainKeyAccess({ policies: readable, resource, actions: secret ? ['kms:GetSecretValue'] : KMS_CRYPTO_ACTIONS });
  const report = renderKeyAccessReport({
    roleName, target, resource, explanations,
    policies: attached.map((a) => `${a.policy.policyName} (${a.policy.policyType})`),
    unreadable: attached.filter((a) => !a.document).map((a) => `${a.policy.policyName}: ${a.problem ?? '?'}`),
  }, localize);
  await showReadOnlyDocument(`explain-access-${roleName}-${what.replace(/[^\w.-]/g, '_')}.md`, report, 'markdown');
  ctx.log.info(`Explain Access ${roleName} on ${resource}: ${explanations.map((e) => `${e.action}=${e.verdict}`).join(' ')}`);

  if (somethingMissing(explanations)) {
    const grant = vscode.l10n.t('Grant KMS Access');
    void vscode.window.showInformationMessage(vscode.l10n.t('Role {0} cannot certainly use {1} for every KMS action it needs.', roleName, what), grant).then((choice) => {
      if (choice === grant) void vscode.commands.executeCommand(COMMAND.grantKmsAccess, { kind: 'role', roleName, ...(key ? { key } : {}) } satisfies NodeRef);
    });
  }
  return { roleName, resource, explanations, report };
}

async function askKey(ctx: CommandContext, services: Awaited<ReturnType<typeof requireServices>>): Promise<KeyRefData> {
  const regionId = await pickRegion(ctx.ui, services, vscode.l10n.t('Select the key\'s region'));
  const picked = await pickKey(ctx, regionId, services);
  return { regionId: picked.regionId ?? regionId, keyId: picked.identifier };
}
