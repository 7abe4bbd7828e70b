import * as vscode from 'vscode';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { roleOf } from './nodeRefs';
import { requireServices } from './requireServices';
import { pickRole } from './pickers';
import { UserCancelledError } from './runCommand';

/**
 * Delete Role — only a role with nothing attached: no policies (RAM refuses otherwise) and no instance
 * using it (deleting would silently cut those applications off KMS). Confirmed in a modal dialog.
 */
export async function deleteRole(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const roleName = roleOf(ref) ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Select a RAM role')));
  const policies = await services.ram.listPoliciesForRole(roleName);
  if (policies.length > 0) {
    throw new Error(vscode.l10n.t('Role {0} still has {1} policies attached ({2}). Detach them first.', roleName, policies.length, policies.map((p) => p.policyName).join(', ')));
  }
  const regions = (await services.ecs.describeRegions()).map((r) => r.regionId);
  const users: string[] = [];
  for await (const outcome of services.fanOut(regions, (regionId, o) => services.ecs.describeInstanceRamRoles(regionId, { ramRoleName: roleName }, o))) {
    if (!outcome.ok) throw outcome.error;
    users.push(...outcome.value.map((v) => v.instanceId));
  }
  if (users.length > 0) {
    throw new Error(vscode.l10n.t('Role {0} is attached to {1} instance(s) ({2}). Detach it from them first.', roleName, users.length, users.join(', ')));
  }
  const remove = vscode.l10n.t('Delete');
  const answer = await ctx.ui.showWarningMessage(vscode.l10n.t('Delete the RAM role {0}? This cannot be undone.', roleName), { modal: true }, remove);
  if (answer !== remove) throw new UserCancelledError();
  await services.ram.deleteRole(roleName);
  ctx.log.info(`Deleted RAM role ${roleName}`);
  ctx.trees.roles.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Deleted the RAM role {0}.', roleName));
}
