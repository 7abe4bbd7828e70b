import * as vscode from 'vscode';
import { KMS_ACTIONS } from '../policy/actions';
import { detachPolicyFromRoleCommand } from '../policy/cli';
import { grantedActions } from '../policy/evaluator';
import { RolePolicyReader } from '../session/rolePolicies';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { pickRole } from './pickers';
import { requireServices } from './requireServices';
import { UserCancelledError } from './runCommand';
import { confirmWithCli } from './wizard/confirmWithCli';

/**
 * Detach Policy: removes one policy from a role (DetachPolicyFromRole). The confirmation says what
 * the role loses (its KMS actions when it granted any); the result is read back from RAM.
 */
export async function detachPolicy(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const chosen = refOfKind(ref, 'policy');
  const roleName = chosen?.roleName ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Select the role to detach a policy from')));
  const attached = await new RolePolicyReader(services).attachedPolicies(roleName);
  const target = chosen ? attached.find((a) => a.policy.policyName === chosen.policyName && a.policy.policyType === chosen.policyType) : await pickAttached(ctx, attached);
  if (!target) throw new Error(vscode.l10n.t('Policy {0} is no longer attached to role {1}: refresh the view.', chosen?.policyName ?? '', roleName));
  const { policyName, policyType } = target.policy;
  const kms = target.document ? grantedActions([target.document], KMS_ACTIONS).map((g) => g.action) : [];
  const loses = kms.length > 0
    ? vscode.l10n.t('The role loses what this policy grants, including KMS: {0}. Instances using the role lose it within the hour (their credential is refreshed).', kms.join(', '))
    : vscode.l10n.t('The role loses what this policy grants. The policy itself is kept.');
  await confirmWithCli(ctx, vscode.l10n.t('Detach {0} policy {1} from role {2}?', policyType, policyName, roleName), vscode.l10n.t('Detach'),
    [detachPolicyFromRoleCommand({ policyType, policyName, roleName })], { detail: loses, warning: true });
  await services.ram.detachPolicyFromRole({ roleName, policyName, policyType });
  const still = (await services.ram.listPoliciesForRole(roleName)).some((p) => p.policyName === policyName && p.policyType === policyType);
  if (still) throw new Error(vscode.l10n.t('RAM accepted the detach, but policy {0} is still listed on role {1}.', policyName, roleName));
  ctx.log.info(`Detached ${policyType} policy ${policyName} from role ${roleName}`);
  ctx.trees.roles.refresh();
  ctx.trees.keys.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Detached {0} from role {1}.', policyName, roleName));
}

async function pickAttached<T extends { policy: { policyName: string; policyType: string } }>(ctx: CommandContext, attached: readonly T[]): Promise<T> {
  const picked = await ctx.ui.showQuickPick(attached.map((a) => ({ label: a.policy.policyName, description: a.policy.policyType, attached: a })),
    { title: vscode.l10n.t('Select the policy to detach') });
  if (!picked) throw new UserCancelledError();
  return picked.attached;
}
