import * as vscode from 'vscode';
import { planDetach } from '../workflows/instanceRoleBatch';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';
import { instancesOfNodes, roleNodeName } from './wizard/nodeArgs';
import { pickInstances } from './wizard/pickInstances';
import { runRoleBatch } from './wizard/roleBatch';

/** Detach Role: from instance nodes, a role node (its instances in a region) or the palette (instances with a role). */
export async function detachRole(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<void> {
  const services = await requireServices(ctx);
  const roleName = roleNodeName(node);
  const instances = await instancesOfNodes(services, node, nodes)
    ?? (await pickInstances(ctx.ui, services, {
      title: roleName ? vscode.l10n.t('Detach {0} from instances', roleName) : vscode.l10n.t('Detach the RAM role from instances'),
      only: (i) => Boolean(i.ramRoleName) && (!roleName || i.ramRoleName!.toLowerCase() === roleName.toLowerCase()),
    }));
  await runRoleBatch(ctx, services, planDetach(instances), 'skip');
}
