import * as vscode from 'vscode';
import { RolePolicyReader } from '../session/rolePolicies';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import { planRevokeKms } from '../workflows/repair/revokeKmsPlan';
import type { CommandContext } from './commandContext';
import { pickRole } from './pickers';
import { requireServices } from './requireServices';
import { confirmWithCli } from './wizard/confirmWithCli';

/**
 * Revoke KMS Access: detaches every policy that gives the role a KMS action, listing them first
 * (and warning when one grants much more than KMS, like AdministratorAccess). Policies whose
 * document could not be read are named and left alone. Each detach is reported; RAM is read back.
 */
export async function revokeKmsAccess(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const roleName = refOfKind(ref, 'role')?.roleName ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Select the role to revoke KMS access from')));
  const attached = await new RolePolicyReader(services).attachedPolicies(roleName);
  const plan = planRevokeKms(roleName, attached.map((a) => ({ policyName: a.policy.policyName, policyType: a.policy.policyType, document: a.document })));
  if (plan.detach.length === 0) {
    const unread = plan.unread.length ? ` ${vscode.l10n.t('Not read (check them yourself): {0}.', plan.unread.join(', '))}` : '';
    void vscode.window.showInformationMessage(vscode.l10n.t('No policy attached to role {0} grants a KMS action.', roleName) + unread);
    return;
  }
  const lines = plan.detach.map((d) => `• ${d.policyName} (${d.policyType}): ${d.kmsActions.join(', ')}${d.broad ? ` — ${vscode.l10n.t('also grants other products: detaching removes those permissions too')}` : ''}`);
  if (plan.unread.length) lines.push(vscode.l10n.t('Not read, left attached: {0}.', plan.unread.join(', ')));
  await confirmWithCli(ctx, vscode.l10n.t('Revoke KMS access from role {0} by detaching {1} policies?', roleName, plan.detach.length), vscode.l10n.t('Revoke'), plan.cli,
    { detail: lines.join('\n'), warning: true });
  const failed: string[] = [];
  for (const d of plan.detach) {
    try {
      await services.ram.detachPolicyFromRole({ roleName, policyName: d.policyName, policyType: d.policyType });
      ctx.log.info(`Revoke KMS access: detached ${d.policyType} policy ${d.policyName} from role ${roleName}`);
    } catch (error) {
      failed.push(d.policyName);
      ctx.log.error(`Revoke KMS access: detaching ${d.policyName} from ${roleName} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // What is true now, whatever the answers said: a lost answer may hide a detach that worked.
  const remaining = new Set((await services.ram.listPoliciesForRole(roleName)).map((p) => `${p.policyType}:${p.policyName}`));
  const stillThere = plan.detach.filter((d) => remaining.has(`${d.policyType}:${d.policyName}`)).map((d) => d.policyName);
  ctx.trees.roles.refresh();
  ctx.trees.keys.refresh();
  if (stillThere.length > 0) {
    throw new Error(vscode.l10n.t('Role {0} still has {1}: those could not be detached (see the log). The others were detached.', roleName, stillThere.join(', ')));
  }
  if (failed.length > 0) ctx.log.info(`Revoke KMS access: ${failed.join(', ')} reported a failure but RAM no longer lists them on ${roleName}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Revoked KMS access from role {0}: detached {1}.', roleName, plan.detach.map((d) => d.policyName).join(', ')));
}
