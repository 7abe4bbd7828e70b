import * as vscode from 'vscode';
import { parsePolicyDocument } from '../policy/policyDocument';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import { addEcsTrust as planEcsTrust } from '../workflows/repair/ecsTrustFix';
import type { CommandContext } from './commandContext';
import { updateTrustPolicy } from './editing/ramDocumentUpdates';
import { pickInstanceRole } from './instanceRolePicker';
import { explorerKnowledge } from './explorerKnowledge';
import { requireServices } from './requireServices';

/**
 * Add ECS as Trusted Service: the one-click repair for a role ECS cannot assume. Shows the smallest
 * change to the trust policy (workflows/repair/ecsTrustFix) as a diff with its UpdateRole line.
 */
export async function addEcsTrust(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  // Roles ECS cannot assume first, marked with the reason (the ones this command fixes).
  const picker = { ui: ctx.ui, l10n: vscode.l10n, host: { explorer: explorerKnowledge(ctx), themeIcon: (id: string) => new vscode.ThemeIcon(id) } };
  const roleName = refOfKind(ref, 'role')?.roleName ?? (await pickInstanceRole(picker, services, vscode.l10n.t('Select the role ECS should be able to assume'), 'toFix')).role.roleName;
  const role = await services.ram.getRole(roleName);
  const current = parsePolicyDocument(JSON.parse(role.assumeRolePolicyDocument ?? '{}'));
  const fix = planEcsTrust(current);
  if (!fix) {
    void vscode.window.showInformationMessage(vscode.l10n.t('ECS can already assume role {0}: nothing to change.', roleName));
    return;
  }
  await updateTrustPolicy(ctx, services, roleName, current, fix.document);
}
