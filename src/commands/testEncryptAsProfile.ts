import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { runEncryptTest, type EncryptTestOutcome } from './testEncrypt';

/** The same round trip with the management profile, for users who are not on the instance. */
export function testEncryptAsProfile(ctx: CommandContext, ref?: NodeRef): Promise<EncryptTestOutcome> {
  return runEncryptTest(ctx, ref, 'profile');
}
