import * as vscode from 'vscode';
import { planDetach } from '../workflows/roleBatch/plan';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';
import { instancesOfRefs, roleOf } from './nodeRefs';
import { pickInstances } from './wizard/pickInstances';
import { runRoleBatch } from './wizard/roleBatch';

/** Detach Role: from instance nodes, a role node (its instances in a region) or the palette (instances with a role). */
export async function detachRole(ctx: CommandContext, ref?: NodeRef, refs?: readonly NodeRef[]): Promise<void> {
  const services = await requireServices(ctx);
  const roleName = roleOf(ref);
  const instances = await instancesOfRefs(services, ref, refs)
    ?? (await pickInstances(ctx.ui, services, {
      title: roleName ? vscode.l10n.t('Detach {0} from instances', roleName) : vscode.l10n.t('Detach the RAM role from instances'),
      only: (i) => Boolean(i.ramRoleName) && (!roleName || i.ramRoleName!.toLowerCase() === roleName.toLowerCase()),
    }));
  await runRoleBatch(ctx, services, planDetach(instances), 'skip');
}
