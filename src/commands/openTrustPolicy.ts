import * as vscode from 'vscode';
import { formatPolicy } from '../policy/trustPolicy';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { roleOf } from './nodeRefs';
import { requireServices } from './requireServices';
import { pickRole } from './pickers';
import { showReadOnlyDocument } from './readOnlyDocument';

/** Opens a role's trust policy as read-only formatted JSON. */
export async function openTrustPolicy(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const roleName = roleOf(ref) ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Select a RAM role')));
  const role = await services.ram.getRole(roleName);
  const text = role.assumeRolePolicyDocument ? formatPolicy(JSON.parse(role.assumeRolePolicyDocument)) : '{}';
  await showReadOnlyDocument(`${roleName}.trust-policy.json`, text + '\n', 'json');
}
