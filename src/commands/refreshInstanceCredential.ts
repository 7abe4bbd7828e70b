import type { InstanceSnapshot } from '../diagnosis/instanceSnapshot';
import type { CommandContext } from './commandContext';

/** Probes the metadata service again and re-reads the credential, bypassing the cache. */
export async function refreshInstanceCredential(ctx: CommandContext): Promise<InstanceSnapshot> {
  return ctx.instance.refresh({ force: true });
}
