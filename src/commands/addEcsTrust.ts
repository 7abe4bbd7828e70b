import * as vscode from 'vscode';
import { parsePolicyDocument } from '../policy/policyDocument';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import { addEcsTrust as planEcsTrust } from '../workflows/repair/ecsTrustFix';
import type { CommandContext } from './commandContext';
import { updateTrustPolicy } from './editing/ramDocumentUpdates';
import { pickRole } from './pickers';
import { requireServices } from './requireServices';

/**
 * Add ECS as Trusted Service: the one-click repair for a role ECS cannot assume. Shows the smallest
 * change to the trust policy (workflows/repair/ecsTrustFix) as a diff with its UpdateRole line.
 */
export async function addEcsTrust(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const roleName = refOfKind(ref, 'role')?.roleName ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Select the role ECS should be able to assume'), { instanceRoles: true }));
  const role = await services.ram.getRole(roleName);
  const current = parsePolicyDocument(JSON.parse(role.assumeRolePolicyDocument ?? '{}'));
  const fix = planEcsTrust(current);
  if (!fix) {
    void vscode.window.showInformationMessage(vscode.l10n.t('ECS can already assume role {0}: nothing to change.', roleName));
    return;
  }
  await updateTrustPolicy(ctx, services, roleName, current, fix.document);
}
