import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';
import { instancesOfRefs, roleOf } from './nodeRefs';
import { runRoleBatch } from './wizard/roleBatch';

/**
 * Attach Role: from instance nodes (one or a multi-selection: pick the role), a role node (pick the
 * instances) or the palette (both). Classic instances are skipped with the reason; instances that
 * have another role are replaced (detach, then attach) or skipped, as the user chooses.
 */
export async function attachRole(ctx: CommandContext, ref?: NodeRef, refs?: readonly NodeRef[]): Promise<void> {
  const services = await requireServices(ctx);
  await runRoleBatch(ctx, { kind: 'attach', services, roleName: roleOf(ref), instances: await instancesOfRefs(services, ref, refs) });
}
