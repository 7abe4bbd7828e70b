import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';
import { instancesOfRefs, roleOf } from './nodeRefs';
import { runRoleBatch } from './wizard/roleBatch';

/** Detach Role: from instance nodes, a role node (its instances in a region) or the palette (instances with a role). */
export async function detachRole(ctx: CommandContext, ref?: NodeRef, refs?: readonly NodeRef[]): Promise<void> {
  const services = await requireServices(ctx);
  await runRoleBatch(ctx, { kind: 'detach', services, fromRole: roleOf(ref), instances: await instancesOfRefs(services, ref, refs) });
}
