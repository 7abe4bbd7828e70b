import * as vscode from 'vscode';
import { instancesWithOtherRole, planAttach } from '../workflows/roleBatch/plan';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { pickRole } from './pickers';
import { requireServices } from './requireServices';
import { UserCancelledError } from './runCommand';
import { instancesOfRefs, roleOf } from './nodeRefs';
import { pickInstances } from './wizard/pickInstances';
import { runRoleBatch } from './wizard/roleBatch';

/**
 * Attach Role: from instance nodes (one or a multi-selection: pick the role), a role node (pick the
 * instances) or the palette (both). Classic instances are skipped with the reason; instances that
 * have another role are replaced (detach, then attach) or skipped, as the user chooses.
 */
export async function attachRole(ctx: CommandContext, ref?: NodeRef, refs?: readonly NodeRef[]): Promise<void> {
  const services = await requireServices(ctx);
  const fromTree = await instancesOfRefs(services, ref, refs);
  const roleName = roleOf(ref) ?? (await pickRole(ctx.ui, services, vscode.l10n.t('Select the RAM role to attach')));
  const instances = fromTree ?? (await pickInstances(ctx.ui, services, { title: vscode.l10n.t('Attach {0} to instances', roleName) }));
  const others = instancesWithOtherRole(instances, roleName);
  let otherRole: 'replace' | 'skip' = 'skip';
  if (others.length > 0) {
    const replace = vscode.l10n.t('Replace');
    const skip = vscode.l10n.t('Skip Them');
    const choice = await ctx.ui.showWarningMessage(
      vscode.l10n.t('{0} instance(s) already have another RAM role ({1}). An instance has at most one role: replace it (detach, then attach {2}) or skip these instances?',
        others.length, others.map((i) => `${i.instanceId}: ${i.ramRoleName}`).join(', '), roleName),
      { modal: true }, replace, skip);
    if (choice === undefined) throw new UserCancelledError();
    otherRole = choice === replace ? 'replace' : 'skip';
  }
  await runRoleBatch(ctx, services, planAttach(instances, roleName, otherRole), otherRole);
}
