// Grant KMS Access as wizard steps: the role, what the role may do (a system policy or least privilege),
// for least privilege the region and the keys and secrets, then the plan (what is attached already:
// a role that has the access is left alone) and its review (the custom policy shown, the CLI equivalent
// confirmed); the one execute step creates and attaches. No vscode: unit-tested with scripted answers.
import type * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import type { KeyRef, SecretRef } from '../../policy/kmsPolicy';
import { formatPolicy } from '../../policy/trustPolicy';
import { callerIdentity } from '../../session/callerIdentity';
import { RolePolicyReader } from '../../session/rolePolicies';
import type { KeyRefData } from '../../views/common/nodeRef';
import {
  executeGrant, KMS_CRYPTO_USER_ACCESS, KMS_FULL_ACCESS, planGrant, type GrantChoice, type GrantPlan, type GrantStepResult,
} from '../../workflows/grantPlan';
import { UserCancelledError } from '../cancelled';
import { pickRegion } from '../pickers';
import { askInstanceRole } from './instanceRoleStep';
import { SEPARATOR } from '../prompter';
import { type ExecuteStep, type PromptStep, type WizardContext } from './wizard';

export type AccessKind = 'full' | 'cryptoUser' | 'custom';

export interface GrantContext extends WizardContext {
  readonly services: CloudServices;
  roleName?: string;
  access?: AccessKind;
  /** Preselected by the key or secret node the command ran on (least privilege is then offered first). */
  readonly preKey?: KeyRefData;
  readonly preSecret?: { readonly regionId: string; readonly secretName: string };
  /** The region of the keys and secrets (least privilege only); preset from a region, instance, key or secret node. */
  regionId?: string;
  keyIds?: string[];
  secretNames?: string[];
  /** Set by the plan step: what will change (or that nothing needs to). */
  plan?: GrantPlan;
  /** The names of the policies attached before the grant (for the "nothing changed" message and the log). */
  attachedNames?: string;
  /** Filled by the execute step, also when it fails half-way (the command logs what was done). */
  readonly done: GrantStepResult[];
}

type AccessItem = vscode.QuickPickItem & { access: AccessKind };
type ResourceItem = vscode.QuickPickItem & { keyId?: string; secretName?: string };

/** The role of the node the command ran on, else a pick. */
export const grantRoleStep: PromptStep<GrantContext> = {
  shouldPrompt: (c) => c.roleName === undefined,
  async prompt(c) {
    c.roleName = await askInstanceRole(c, c.l10n.t('Grant KMS access to which RAM role?'), 'grant');
  },
};

/** A system policy or least privilege (offered first when the command ran on a key or secret). */
export const accessStep: PromptStep<GrantContext> = {
  shouldPrompt: (c) => c.access === undefined,
  async prompt(c) {
    const custom: AccessItem = {
      label: c.l10n.t('Least privilege: only the keys and secrets I choose'), access: 'custom',
      detail: c.l10n.t('A custom policy with kms:Encrypt, kms:Decrypt and kms:GenerateDataKey on the chosen keys and kms:GetSecretValue on the chosen secrets (recommended).'),
    };
    const system: AccessItem[] = [
      { label: KMS_FULL_ACCESS, description: c.l10n.t('system policy'), access: 'full', detail: c.l10n.t('Every KMS action on every key and secret, as in the Alibaba Cloud guide. Broad: prefer least privilege in production.') },
      { label: KMS_CRYPTO_USER_ACCESS, description: c.l10n.t('system policy'), access: 'cryptoUser', detail: c.l10n.t('Cryptographic operations with every key; no key management and no secret values.') },
    ];
    const preselected = Boolean(c.preKey || c.preSecret);
    const picked = await c.ui.showQuickPick(preselected ? [custom, ...system] : [...system, custom], {
      title: c.l10n.t('Grant KMS Access to {0}', c.roleName!), placeHolder: c.l10n.t('What may the role do in KMS?'),
    });
    if (!picked) throw new UserCancelledError();
    c.access = picked.access;
  },
};

/** Least privilege only, when the node the command ran on named no region (the palette, a role node). */
export const keyRegionStep: PromptStep<GrantContext> = {
  shouldPrompt: (c) => c.access === 'custom' && c.regionId === undefined,
  async prompt(c) {
    c.regionId = await pickRegion(c.ui, c.services, c.l10n.t('Region of the keys and secrets'));
  },
};

/** The keys (named by their first alias) and secrets of the region, the node's one picked. One list call each. */
export const resourcesStep: PromptStep<GrantContext> = {
  shouldPrompt: (c) => c.access === 'custom' && c.keyIds === undefined,
  async prompt(c) {
    const regionId = c.regionId!;
    const kms = c.services.kms(regionId);
    const items = (async () => {
      const aliases = new Map<string, string[]>();
      for await (const a of kms.listAliases()) aliases.set(a.keyId, [...(aliases.get(a.keyId) ?? []), a.aliasName]);
      const out: ResourceItem[] = [{ label: c.l10n.t('Keys'), kind: SEPARATOR }];
      for await (const k of kms.listKeys()) {
        const names = aliases.get(k.keyId) ?? [];
        out.push({ label: names[0] ?? k.keyId, description: names.length ? k.keyId : undefined, iconPath: c.host.themeIcon?.('key'), keyId: k.keyId, picked: k.keyId === c.preKey?.keyId });
      }
      out.push({ label: c.l10n.t('Secrets'), kind: SEPARATOR });
      for await (const s of kms.listSecrets()) {
        out.push({ label: s.secretName, description: s.secretType, iconPath: c.host.themeIcon?.('lock-small'), secretName: s.secretName, picked: s.secretName === c.preSecret?.secretName });
      }
      return out;
    })();
    const picked = await c.ui.showQuickPick(items, {
      title: c.l10n.t('Keys and secrets in {0} the role may use', regionId), canPickMany: true, matchOnDescription: true,
    });
    const chosen = (picked ?? []).filter((p) => p.keyId || p.secretName);
    if (chosen.length === 0) throw new UserCancelledError();
    c.keyIds = chosen.flatMap((p) => p.keyId ?? []);
    c.secretNames = chosen.flatMap((p) => p.secretName ?? []);
  },
};

/** The least-privilege access: ARNs need the account id; reading a secret encrypted with a customer key also needs kms:Decrypt on that key. */
async function customChoice(c: GrantContext): Promise<GrantChoice> {
  const region = c.regionId!;
  const account = (await callerIdentity(c.services)).accountId;
  const keys: KeyRef[] = c.keyIds!.map((keyId) => ({ region, account, keyId }));
  const secrets: SecretRef[] = c.secretNames!.map((name) => ({ region, account, name }));
  const secretEncryptionKeys: KeyRef[] = [];
  for (const s of secrets) {
    const keyId = (await c.services.kms(region).describeSecret(s.name)).encryptionKeyId;
    if (keyId) secretEncryptionKeys.push({ region, account, keyId });
  }
  return { kind: 'custom', access: { keys, secrets, secretEncryptionKeys } };
}

/** Reads what is attached to the role (ListPoliciesForRole + the documents) and plans; asks nothing. */
export const planGrantStep: PromptStep<GrantContext> = {
  shouldPrompt: () => true,
  async prompt(c) {
    const choice: GrantChoice = c.access === 'custom' ? await customChoice(c)
      : { kind: 'system', policyName: c.access === 'full' ? KMS_FULL_ACCESS : KMS_CRYPTO_USER_ACCESS };
    const attached = await new RolePolicyReader(c.services).attachedPolicies(c.roleName!);
    c.attachedNames = attached.map((a) => a.policy.policyName).join(', ');
    c.plan = planGrant(c.roleName!, choice, attached.map((a) => ({ policyName: a.policy.policyName, policyType: a.policy.policyType, document: a.document })));
  },
};

/** The review: a custom policy is opened in an editor, then the confirmation with the CLI equivalent. Skipped when nothing changes. */
export const confirmGrantStep: PromptStep<GrantContext> = {
  shouldPrompt: (c) => c.plan?.already === false,
  async prompt(c) {
    const plan = c.plan as Extract<GrantPlan, { already: false }>;
    const create = plan.steps.find((s) => s.kind === 'createPolicy');
    if (create?.kind === 'createPolicy') await c.host.showDocument(`${create.policyName}.ram-policy.json`, formatPolicy(create.document) + '\n', 'json');
    await c.host.confirm(
      create ? c.l10n.t('Create the policy {0} shown in the editor and attach it to {1}?', create.policyName, c.roleName!)
        : c.l10n.t('Attach the system policy {0} to {1}?', plan.steps[0].policyName, c.roleName!),
      c.l10n.t('Grant'), plan.steps.map((s) => s.cli));
  },
};

export const grantExecuteStep: ExecuteStep<GrantContext> = {
  priority: 100,
  shouldExecute: (c) => c.plan?.already === false,
  async execute(c) {
    const plan = c.plan as Extract<GrantPlan, { already: false }>;
    await executeGrant(c.services.ram, c.roleName!, plan.steps, c.done);
  },
};

export const GRANT_PROMPTS = [grantRoleStep, accessStep, keyRegionStep, resourcesStep, planGrantStep, confirmGrantStep];
