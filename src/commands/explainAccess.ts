// Explain Access: for a (role, key), (instance, key) or (role, secret) pair, reads the role's attached policies
// (for an instance: of the role attached to it now) and shows per KMS action (Encrypt, Decrypt,
// GenerateDataKey; GetSecretValue for a secret) which statement allows it, which Deny blocks it, that nothing
// does, or "allowed if <condition>", in a report panel with Grant KMS Access when something is missing.
// The logic is policy/keyAccessExplanation.ts; this file asks, reads and shows.
import * as vscode from 'vscode';
import type { CloudServices } from '../cloud/types';
import { COMMAND } from '../commandIds';
import { renderKeyAccessReport, somethingMissing, type KeyAccessReportInput } from '../diagnosis/keyAccessReport';
import { KMS_CRYPTO_ACTIONS } from '../policy/actions';
import { keyArn, secretArn } from '../policy/arn';
import { explainKeyAccess, type ActionExplanation } from '../policy/keyAccessExplanation';
import { callerIdentity } from '../session/callerIdentity';
import { RolePolicyReader } from '../session/rolePolicies';
import { localize } from '../util/localize';
import { refOfKind, type KeyRefData, type NodeRef, type RefOf } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { pickKey } from './kms/kmsTarget';
import { showReport } from './kms/showReport';
import { pickRegion, pickRole } from './pickers';
import { requireServices } from './requireServices';

export interface ExplainAccessOutcome {
  readonly roleName: string;
  readonly resource: string;
  readonly explanations: ActionExplanation[];
  readonly report: string;
  /** The report panel's HTML (what the tests read). */
  readonly html: string;
  /** Set when asked about an instance: its role was explained. */
  readonly instanceId?: string;
}

export async function explainAccess(ctx: CommandContext, ref?: NodeRef): Promise<ExplainAccessOutcome | undefined> {
  const services = await requireServices(ctx);
  const role = refOfKind(ref, 'role');
  const instanceRef = refOfKind(ref, 'instance');
  const instance = instanceRef && (await instanceWithRole(ctx, services, instanceRef));
  if (instance === null) return undefined;
  const roleName = instance?.roleName ?? role?.roleName ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Select the role whose access to explain')));
  const secret = refOfKind(ref, 'secret');
  const account = async () => (await callerIdentity(services)).accountId;
  let target: KeyAccessReportInput['target'], resource: string, key: KeyRefData | undefined;
  if (secret) {
    target = { kind: 'secret', secretName: secret.secretName };
    resource = (await services.kms(secret.regionId).describeSecret(secret.secretName)).arn ?? secretArn(secret.regionId, await account(), secret.secretName);
  } else {
    key = refOfKind(ref, 'key') ?? role?.key ?? instanceRef?.key ?? (await askKey(ctx, services));
    const described = await services.kms(key.regionId).describeKey(key.keyId);
    target = { kind: 'key', keyId: described.keyId };
    resource = described.arn ?? keyArn(key.regionId, await account(), described.keyId);
  }
  const what = target.kind === 'key' ? target.keyId : target.secretName;

  const attached = await new RolePolicyReader(services).attachedPolicies(roleName);
  const readable = attached.flatMap((a) => (a.document ? [{ name: a.policy.policyName, document: a.document }] : []));
  const explanations = explainKeyAccess({ policies: readable, resource, actions: secret ? ['kms:GetSecretValue'] : KMS_CRYPTO_ACTIONS });
  const report = renderKeyAccessReport({
    roleName, target, resource, explanations, instance: instance && { instanceId: instance.instanceId, instanceName: instance.instanceName },
    policies: attached.map((a) => `${a.policy.policyName} (${a.policy.policyType})`),
    unreadable: attached.filter((a) => !a.document).map((a) => `${a.policy.policyName}: ${a.problem ?? '?'}`),
  }, localize);
  const missing = somethingMissing(explanations);
  const grant = { label: vscode.l10n.t('Grant KMS Access'), run: () => vscode.commands.executeCommand(COMMAND.grantKmsAccess, { kind: 'role', roleName, ...(key ? { key } : {}) } satisfies NodeRef) };
  const panel = showReport({
    viewType: 'alicloudKms.explainAccessReport', title: vscode.l10n.t('Explain Access: {0}', what), fileName: `explain-access-${roleName}-${what.replace(/[^\w.-]/g, '_')}.md`,
    markdown: report, tone: missing ? 'failed' : 'passed', buttons: missing ? [grant] : [],
  });
  ctx.log.info(`Explain Access ${instance ? `${instance.instanceId} (${roleName})` : roleName} on ${resource}: ${explanations.map((e) => `${e.action}=${e.verdict}`).join(' ')}`);

  if (missing) {
    void ctx.ui.showInformationMessage(vscode.l10n.t('Role {0} cannot certainly use {1} for every KMS action it needs.', roleName, what), {}, grant.label).then((choice) => {
      if (choice === grant.label) void grant.run();
    });
  }
  return { roleName, resource, explanations, report, html: panel.html, instanceId: instance?.instanceId };
}

/**
 * The instance and the role attached to it now (read, not taken from a tree that may be stale). Without a
 * role there is nothing to explain: the user is told so and offered Attach Role (null).
 */
async function instanceWithRole(ctx: CommandContext, services: CloudServices, ref: RefOf<'instance'>): Promise<{ instanceId: string; instanceName?: string; roleName: string } | null> {
  const [attached] = await services.ecs.describeInstanceRamRoles(ref.regionId, { instanceIds: [ref.instanceId] });
  if (attached?.ramRoleName) return { instanceId: ref.instanceId, instanceName: ref.instance?.instanceName, roleName: attached.ramRoleName };
  const attach = vscode.l10n.t('Attach Role');
  void ctx.ui.showWarningMessage(vscode.l10n.t('Instance {0} has no RAM role, so nothing on it can use KMS with an instance credential. Attach a role to it first.', ref.instanceId), {}, attach)
    .then((choice) => choice === attach && vscode.commands.executeCommand(COMMAND.attachRole, { kind: 'instance', regionId: ref.regionId, instanceId: ref.instanceId } satisfies NodeRef));
  return null;
}

async function askKey(ctx: CommandContext, services: Awaited<ReturnType<typeof requireServices>>): Promise<KeyRefData> {
  const regionId = await pickRegion(ctx.ui, services, vscode.l10n.t('Select the key\'s region'));
  const picked = await pickKey(ctx, regionId, services);
  return { regionId: picked.regionId ?? regionId, keyId: picked.identifier };
}
