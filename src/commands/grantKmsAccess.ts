import * as vscode from 'vscode';
import type { CloudServices } from '../cloud/types';
import { formatPolicy } from '../policy/trustPolicy';
import type { KeyRef, SecretRef } from '../policy/kmsPolicy';
import { callerIdentity } from '../session/callerIdentity';
import { RolePolicyReader } from '../session/rolePolicies';
import {
  executeGrant, KMS_CRYPTO_USER_ACCESS, KMS_FULL_ACCESS, planGrant, PolicyNameTakenError, type GrantChoice, type GrantStepResult,
} from '../workflows/grantPlan';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { pickRegion, pickRole } from './pickers';
import { showReadOnlyDocument } from './readOnlyDocument';
import { requireServices } from './requireServices';
import { UserCancelledError } from './runCommand';
import { confirmWithCli } from './wizard/confirmWithCli';
import { keyOf, regionOf, roleOf, secretOf } from './nodeRefs';
import { COMMAND } from '../commandIds';

type ChoiceItem = vscode.QuickPickItem & { choice: 'full' | 'cryptoUser' | 'custom' };
type ResourceItem = vscode.QuickPickItem & { keyId?: string; secretName?: string };

async function askChoice(ctx: CommandContext, roleName: string, preselected: boolean): Promise<ChoiceItem['choice']> {
  const custom: ChoiceItem = {
    label: vscode.l10n.t('Least privilege: only the keys and secrets I choose'), choice: 'custom',
    detail: vscode.l10n.t('A custom policy with kms:Encrypt, kms:Decrypt and kms:GenerateDataKey on the chosen keys and kms:GetSecretValue on the chosen secrets (recommended).'),
  };
  const items: ChoiceItem[] = [
    { label: KMS_FULL_ACCESS, description: vscode.l10n.t('system policy'), choice: 'full', detail: vscode.l10n.t('Every KMS action on every key and secret, as in the Alibaba Cloud guide. Broad: prefer least privilege in production.') },
    { label: KMS_CRYPTO_USER_ACCESS, description: vscode.l10n.t('system policy'), choice: 'cryptoUser', detail: vscode.l10n.t('Cryptographic operations with every key; no key management and no secret values.') },
  ];
  const picked = await ctx.ui.showQuickPick(preselected ? [custom, ...items] : [...items, custom], {
    title: vscode.l10n.t('Grant KMS Access to {0}', roleName), placeHolder: vscode.l10n.t('What may the role do in KMS?'),
  });
  if (!picked) throw new UserCancelledError();
  return picked.choice;
}

/** The keys (with their aliases) and secrets of a region, the preselected one picked. */
async function askResources(ctx: CommandContext, services: CloudServices, regionId: string, preKey?: string, preSecret?: string): Promise<ResourceItem[]> {
  const kms = services.kms(regionId);
  const items = (async () => {
    const aliases = new Map<string, string[]>();
    for await (const a of kms.listAliases()) aliases.set(a.keyId, [...(aliases.get(a.keyId) ?? []), a.aliasName]);
    const out: ResourceItem[] = [{ label: vscode.l10n.t('Keys'), kind: vscode.QuickPickItemKind.Separator }];
    for await (const k of kms.listKeys()) {
      const names = aliases.get(k.keyId) ?? [];
      out.push({ label: names[0] ?? k.keyId, description: names.length ? k.keyId : undefined, iconPath: new vscode.ThemeIcon('key'), keyId: k.keyId, picked: k.keyId === preKey });
    }
    out.push({ label: vscode.l10n.t('Secrets'), kind: vscode.QuickPickItemKind.Separator });
    for await (const s of kms.listSecrets()) {
      out.push({ label: s.secretName, description: s.secretType, iconPath: new vscode.ThemeIcon('lock-small'), secretName: s.secretName, picked: s.secretName === preSecret });
    }
    return out;
  })();
  const picked = await ctx.ui.showQuickPick(items, {
    title: vscode.l10n.t('Keys and secrets in {0} the role may use', regionId), canPickMany: true, matchOnDescription: true,
  });
  const chosen = (picked ?? []).filter((p) => p.keyId || p.secretName);
  if (chosen.length === 0) throw new UserCancelledError();
  return chosen;
}

async function customChoice(ctx: CommandContext, services: CloudServices, ref: NodeRef | undefined): Promise<GrantChoice> {
  const preKey = keyOf(ref);
  const preSecret = secretOf(ref);
  const regionId = regionOf(ref) ?? preKey?.regionId ?? (await pickRegion(ctx.ui, services, vscode.l10n.t('Region of the keys and secrets')));
  const chosen = await askResources(ctx, services, regionId, preKey?.keyId, preSecret?.secretName);
  const account = (await callerIdentity(services)).accountId;
  const keys: KeyRef[] = chosen.filter((c) => c.keyId).map((c) => ({ region: regionId, account, keyId: c.keyId! }));
  const secrets: SecretRef[] = chosen.filter((c) => c.secretName).map((c) => ({ region: regionId, account, name: c.secretName! }));
  // Reading a secret encrypted with a customer key also needs kms:Decrypt on that key.
  const secretEncryptionKeys: KeyRef[] = [];
  for (const s of secrets) {
    const keyId = (await services.kms(regionId).describeSecret(s.name)).encryptionKeyId;
    if (keyId) secretEncryptionKeys.push({ region: regionId, account, keyId });
  }
  return { kind: 'custom', access: { keys, secrets, secretEncryptionKeys } };
}

/**
 * Grant KMS Access: a system policy (AliyunKMSFullAccess, AliyunKMSCryptoUserAccess) or a
 * least-privilege custom policy for chosen keys and secrets, opened for review before CreatePolicy +
 * AttachPolicyToRole. Reads what is attached first: a role that already has the access is left alone.
 * From a role node, a key or secret node (then it is preselected) or the palette.
 */
export async function grantKmsAccess(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const roleName = roleOf(ref) ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Grant KMS access to which RAM role?')));
  const kind = await askChoice(ctx, roleName, Boolean(keyOf(ref) || secretOf(ref)));
  const choice: GrantChoice = kind === 'custom' ? await customChoice(ctx, services, ref)
    : { kind: 'system', policyName: kind === 'full' ? KMS_FULL_ACCESS : KMS_CRYPTO_USER_ACCESS };

  const attached = await new RolePolicyReader(services).attachedPolicies(roleName);
  const plan = planGrant(roleName, choice, attached.map((a) => ({ policyName: a.policy.policyName, policyType: a.policy.policyType, document: a.document })));
  const attachedNames = attached.map((a) => a.policy.policyName).join(', ');
  if (plan.already) {
    ctx.log.info(`Grant KMS access to ${roleName}: already has it (${plan.because}; attached: ${attachedNames}); nothing changed`);
    await ctx.ui.showInformationMessage(plan.because === 'attached'
      ? vscode.l10n.t('The role {0} already has {1} attached: nothing changed.', roleName, plan.policyName)
      : vscode.l10n.t('The policies attached to {0} ({1}) already allow this access: nothing changed.', roleName, attachedNames), {});
    return;
  }
  const create = plan.steps.find((s) => s.kind === 'createPolicy');
  if (create && create.kind === 'createPolicy') await showReadOnlyDocument(`${create.policyName}.ram-policy.json`, formatPolicy(create.document) + '\n', 'json');
  await confirmWithCli(ctx,
    create ? vscode.l10n.t('Create the policy {0} shown in the editor and attach it to {1}?', create.policyName, roleName)
      : vscode.l10n.t('Attach the system policy {0} to {1}?', plan.steps[0].policyName, roleName),
    vscode.l10n.t('Grant'), plan.steps.map((s) => s.cli));

  const done: GrantStepResult[] = [];
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Granting KMS access to {0}…', roleName) },
      () => executeGrant(services.ram, roleName, plan.steps, done));
  } catch (error) {
    ctx.log.warn(`Grant KMS access to ${roleName}: steps done before the failure: ${done.map((d) => `${d.step.kind} ${d.step.policyName} (${d.outcome})`).join(', ') || 'none'}`);
    if (error instanceof PolicyNameTakenError) throw new Error(vscode.l10n.t('A custom policy named {0} already exists with a different document. Nothing was attached.', error.policyName));
    throw error;
  } finally {
    if (done.length > 0) {
      ctx.trees.roles.refresh();
      ctx.trees.keys.refresh();
    }
  }
  ctx.log.info(`Granted KMS access to ${roleName}: ${done.map((d) => `${d.step.kind} ${d.step.policyName} (${d.outcome})`).join(', ')}`);
  const attach = vscode.l10n.t('Attach to Instances');
  const next = await ctx.ui.showInformationMessage(
    vscode.l10n.t('{0} can now use KMS. Next step: attach it to your ECS instances.', roleName), {}, attach);
  if (next === attach) await vscode.commands.executeCommand(COMMAND.attachRole, { kind: 'role', roleName } satisfies NodeRef);
}
