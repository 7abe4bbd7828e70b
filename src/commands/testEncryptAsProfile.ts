import { runEncryptTest, type EncryptTestOutcome } from '../instance/encryptTestFlow';
import type { CommandContext } from './commandContext';

/** The same round trip with the management profile, for users who are not on the instance. */
export function testEncryptAsProfile(ctx: CommandContext, node?: unknown): Promise<EncryptTestOutcome> {
  return runEncryptTest(ctx, node, 'profile');
}
