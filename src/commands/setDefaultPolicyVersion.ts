import * as vscode from 'vscode';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import { setDefaultPolicyVersionCommand } from '../workflows/repair/repairCli';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';
import { confirmWithCli } from './wizard/confirmWithCli';

/** Set as Default Version: every role and user with the policy gets that version's permissions; read back. */
export async function setDefaultPolicyVersion(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const version = refOfKind(ref, 'policyVersion');
  if (!version) throw new Error(vscode.l10n.t('Set as Default Version works on a version listed under a custom policy in the RAM Roles view.'));
  if (version.isDefault) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Version {0} is already the default of {1}.', version.versionId, version.policyName));
    return;
  }
  const services = await requireServices(ctx);
  await confirmWithCli(ctx, vscode.l10n.t('Make version {0} the default of policy {1}?', version.versionId, version.policyName), vscode.l10n.t('Set as Default'),
    [setDefaultPolicyVersionCommand(version)], { detail: vscode.l10n.t('Every role and user with this policy gets the permissions of version {0} at once.', version.versionId), warning: true });
  await services.ram.setDefaultPolicyVersion(version.policyName, version.versionId);
  const readBack = await services.ram.getPolicy(version.policyName, 'Custom');
  if (readBack.defaultVersion !== version.versionId) {
    throw new Error(vscode.l10n.t('RAM accepted the change, but the default version of {0} reads back as {1}.', version.policyName, readBack.defaultVersion ?? '?'));
  }
  ctx.log.info(`Set version ${version.versionId} as the default of policy ${version.policyName}`);
  ctx.trees.roles.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Version {0} is now the default of {1}.', version.versionId, version.policyName));
}
