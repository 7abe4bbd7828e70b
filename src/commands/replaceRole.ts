import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';
import { instancesOfRefs } from './nodeRefs';
import { runRoleBatch } from './wizard/roleBatch';

/**
 * Replace Role: give instances that have a role another one (detach, then attach), confirmed in a
 * warning that lists each replacement. From instance nodes or the palette (instances with a role).
 */
export async function replaceRole(ctx: CommandContext, ref?: NodeRef, refs?: readonly NodeRef[]): Promise<void> {
  const services = await requireServices(ctx);
  await runRoleBatch(ctx, { kind: 'replace', services, instances: await instancesOfRefs(services, ref, refs) });
}
