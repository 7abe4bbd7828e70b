import * as vscode from 'vscode';
import { planAttach } from '../workflows/roleBatch/plan';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { pickRole } from './pickers';
import { requireServices } from './requireServices';
import { instancesOfRefs } from './nodeRefs';
import { pickInstances } from './wizard/pickInstances';
import { runRoleBatch } from './wizard/roleBatch';

/**
 * Replace Role: give instances that have a role another one (detach, then attach), confirmed in a
 * warning that lists each replacement. From instance nodes or the palette (instances with a role).
 */
export async function replaceRole(ctx: CommandContext, ref?: NodeRef, refs?: readonly NodeRef[]): Promise<void> {
  const services = await requireServices(ctx);
  const instances = await instancesOfRefs(services, ref, refs)
    ?? (await pickInstances(ctx.ui, services, { title: vscode.l10n.t('Replace the RAM role of instances'), only: (i) => Boolean(i.ramRoleName) }));
  const roleName = await pickRole(ctx.ui, services, vscode.l10n.t('Select the new RAM role'));
  await runRoleBatch(ctx, services, planAttach(instances, roleName, 'replace'), 'replace');
}
