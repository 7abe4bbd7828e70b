import * as vscode from 'vscode';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { roleOf } from './nodeRefs';
import { requireServices } from './requireServices';
import { pickRole } from './pickers';
import { confirmWithCli } from './wizard/confirmWithCli';
import { deleteRoleCommand } from '../policy/cli';
import { roleExists } from './roleExists';
import { instancesWithRoles } from '../session/instancesWithRoles';

/**
 * Delete Role — only a role with nothing attached: no policies (RAM refuses otherwise) and no instance
 * using it (deleting would silently cut those applications off KMS). Confirmed with the CLI equivalent,
 * then read back (GetRole must answer EntityNotExist.Role).
 */
export async function deleteRole(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const roleName = roleOf(ref) ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Select a RAM role')));
  const role = await services.ram.getRole(roleName);
  const policies = await services.ram.listPoliciesForRole(roleName);
  if (policies.length > 0) {
    throw new Error(vscode.l10n.t('Role {0} still has {1} policies attached ({2}). Detach them first.', roleName, policies.length, policies.map((p) => p.policyName).join(', ')));
  }
  const users: string[] = [];
  for await (const outcome of instancesWithRoles(services, [roleName])) {
    if (!outcome.ok) throw outcome.error;
    users.push(...outcome.value.map((v) => v.instanceId));
  }
  if (users.length > 0) {
    throw new Error(vscode.l10n.t('Role {0} is attached to {1} instance(s) ({2}). Detach it from them first.', roleName, users.length, users.join(', ')));
  }
  await confirmWithCli(ctx, vscode.l10n.t('Delete the RAM role {0}? This cannot be undone.', roleName), vscode.l10n.t('Delete'), [deleteRoleCommand({ roleName })], {
    detail: vscode.l10n.t('Removes the role {0} ({1}) and its trust policy. It has no policies attached and no instance uses it.', role.roleName, role.arn),
    warning: true,
  });
  await services.ram.deleteRole(roleName);
  if (await roleExists(services, roleName)) throw new Error(vscode.l10n.t('RAM accepted DeleteRole, but the role {0} still reads back.', roleName));
  ctx.log.info(`Deleted RAM role ${roleName} (${role.arn}); read back: gone`);
  ctx.trees.roles.refresh();
  void ctx.ui.showInformationMessage(vscode.l10n.t('Deleted the RAM role {0}.', roleName), {});
}
