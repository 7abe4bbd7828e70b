import * as vscode from 'vscode';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import { deletePolicyCommand, deletePolicyVersionCommand } from '../workflows/repair/repairCli';
import type { CommandContext } from './commandContext';
import { pickCustomPolicy } from './policyPickers';
import { requireServices } from './requireServices';
import { confirmWithCli } from './wizard/confirmWithCli';

/**
 * Delete Policy: a custom policy that nothing uses. RAM refuses while it is attached, and while it
 * has versions besides the default: those versions are deleted first, each one named beforehand.
 */
export async function deletePolicy(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const chosen = refOfKind(ref, 'policy');
  if (chosen?.policyType === 'System') throw new Error(vscode.l10n.t('{0} is a system policy: it cannot be deleted.', chosen.policyName));
  const policyName = chosen?.policyName
    ?? (await pickCustomPolicy(ctx, services, vscode.l10n.t('Select the unattached custom policy to delete'), (p) => !p.attachmentCount));
  const entities = await services.ram.listEntitiesForPolicy(policyName, 'Custom');
  const users = [...entities.roles.map((r) => vscode.l10n.t('role {0}', r)), ...entities.users.map((u) => vscode.l10n.t('user {0}', u)), ...entities.groups.map((g) => vscode.l10n.t('group {0}', g))];
  if (users.length > 0) {
    throw new Error(vscode.l10n.t('Policy {0} is still attached to {1}. Detach it first (Detach Policy on each).', policyName, users.join(', ')));
  }
  const others = (await services.ram.listPolicyVersions(policyName, 'Custom')).filter((v) => !v.isDefaultVersion);
  const cli = [...others.map((v) => deletePolicyVersionCommand({ policyName, versionId: v.versionId })), deletePolicyCommand({ policyName })];
  const detail = others.length
    ? vscode.l10n.t('First its {0} non-default versions are deleted ({1}), then the policy. This cannot be undone.', others.length, others.map((v) => v.versionId).join(', '))
    : vscode.l10n.t('The policy and its only version are deleted. This cannot be undone.');
  await confirmWithCli(ctx, vscode.l10n.t('Delete the custom policy {0}?', policyName), vscode.l10n.t('Delete'), cli, { detail, warning: true });
  for (const v of others) {
    await services.ram.deletePolicyVersion(policyName, v.versionId);
    ctx.log.info(`Deleted version ${v.versionId} of policy ${policyName}`);
  }
  await services.ram.deletePolicy(policyName);
  const stillThere = await services.ram.getPolicy(policyName, 'Custom').then(() => true, () => false);
  if (stillThere) throw new Error(vscode.l10n.t('RAM accepted the deletion, but policy {0} can still be read.', policyName));
  ctx.log.info(`Deleted custom policy ${policyName}`);
  ctx.trees.roles.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Deleted the custom policy {0}.', policyName));
}
