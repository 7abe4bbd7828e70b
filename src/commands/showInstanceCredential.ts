import type { InstanceSnapshot } from '../instance/instanceSnapshot';
import { renderCredentialDocument } from '../instance/credentialDocument';
import type { CommandContext } from './commandContext';
import { showReadOnlyDocument } from './readOnlyDocument';

/** The instance credential's fields in a read-only document (masked AccessKeyId; no secret, no token). */
export async function showInstanceCredential(ctx: CommandContext): Promise<InstanceSnapshot> {
  const snapshot = await ctx.instance.ready();
  await showReadOnlyDocument('instance-credential.md', renderCredentialDocument(snapshot, Date.now()), 'markdown');
  return snapshot;
}
