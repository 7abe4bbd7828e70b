// The two mutations behind saving a RAM document, shared by Save and by the one-click repairs
// ("Add ECS as Trusted Service"): diff, CLI equivalent, confirmation, the call, the read-back.
import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import type { PolicyDocument } from '../../policy/policyDocument';
import { canServiceAssume, formatPolicy } from '../../policy/trustPolicy';
import { sameJson } from '../../util/sameJson';
import type { PolicyVersionSavePlan } from '../../workflows/repair/policyVersionPlan';
import { updateRoleTrustCommand } from '../../workflows/repair/repairCli';
import type { CommandContext } from '../commandContext';
import { confirmWithCli, localize } from '../wizard/confirmWithCli';
import { showDiff } from './showDiff';

/**
 * UpdateRole with a new trust policy, after the diff and confirmation; throws unless RAM reads back the
 * new policy. `send` is the document as the user wrote it (RAM stores it as sent); `proposed` its parse.
 */
export async function updateTrustPolicy(ctx: CommandContext, services: CloudServices, roleName: string, current: unknown, proposed: PolicyDocument, send: unknown = proposed): Promise<void> {
  await showDiff(vscode.l10n.t('Trust policy of {0}: RAM now ↔ after the update', roleName), `${roleName}.now`, formatPolicy(current), `${roleName}.new`, formatPolicy(send));
  const check = canServiceAssume(proposed);
  const ecsLine = check.canAssume
    ? (check.conditional ? vscode.l10n.t('ECS may assume the role only when a condition holds: {0}', localize(check.reason)) : vscode.l10n.t('After the update ECS can assume the role.'))
    : vscode.l10n.t('After the update ECS can NOT assume the role: {0}', localize(check.reason));
  const cli = [updateRoleTrustCommand({ roleName, trustPolicy: send })];
  await confirmWithCli(ctx, vscode.l10n.t('Update the trust policy of role {0}?', roleName), vscode.l10n.t('Update'), cli,
    { detail: `${vscode.l10n.t('The editor shows the change side by side.')}\n${ecsLine}`, warning: !check.canAssume });
  const text = JSON.stringify(send);
  await services.ram.updateRole({ roleName, newAssumeRolePolicyDocument: text });
  const readBack = await services.ram.getRole(roleName);
  if (!sameJson(readBack.assumeRolePolicyDocument, text)) {
    throw new Error(vscode.l10n.t('RAM accepted the update of role {0}, but reading the role back shows another trust policy. Open it again to see what RAM holds.', roleName));
  }
  ctx.log.info(`Updated the trust policy of role ${roleName}`);
  ctx.trees.roles.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Updated the trust policy of role {0}.', roleName));
}

/** CreatePolicyVersion (as default), deleting the oldest non-default version first at RAM's limit; confirmed; read back. */
export async function savePolicyVersion(ctx: CommandContext, services: CloudServices, plan: PolicyVersionSavePlan, currentText: string): Promise<void> {
  await showDiff(vscode.l10n.t('Policy {0}: default version now ↔ new version', plan.policyName), `${plan.policyName}.now`, currentText, `${plan.policyName}.new`, formatPolicy(plan.document));
  const lines = [vscode.l10n.t('A new version becomes the default: every role and user with this policy gets the new permissions.')];
  if (plan.deleteFirst) {
    lines.push(vscode.l10n.t('RAM keeps at most 5 versions: version {0} (created {1}, not the default) is deleted first.', plan.deleteFirst.versionId, plan.deleteFirst.createDate ?? '?'));
  }
  await confirmWithCli(ctx, vscode.l10n.t('Save the policy {0} as a new default version?', plan.policyName), vscode.l10n.t('Save'), plan.cli,
    { detail: lines.join('\n'), warning: plan.deleteFirst !== undefined });
  if (plan.deleteFirst) {
    await services.ram.deletePolicyVersion(plan.policyName, plan.deleteFirst.versionId);
    ctx.log.info(`Deleted version ${plan.deleteFirst.versionId} of policy ${plan.policyName} to stay within RAM's limit of 5`);
  }
  const created = await services.ram.createPolicyVersion({ policyName: plan.policyName, policyDocument: JSON.stringify(plan.document), setAsDefault: true });
  const readBack = await services.ram.getPolicy(plan.policyName, 'Custom');
  if (readBack.defaultVersion !== created.versionId || !sameJson(readBack.policyDocument, JSON.stringify(plan.document))) {
    throw new Error(vscode.l10n.t('RAM created version {0} of {1}, but reading the policy back shows another default version. Open it again to see what RAM holds.', created.versionId, plan.policyName));
  }
  ctx.log.info(`Saved policy ${plan.policyName} as version ${created.versionId} (default)`);
  ctx.trees.roles.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} as version {1}, now the default.', plan.policyName, created.versionId));
}
