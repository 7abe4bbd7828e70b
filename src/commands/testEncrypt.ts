import { runEncryptTest, type EncryptTestOutcome } from '../instance/encryptTestFlow';
import type { CommandContext } from './commandContext';

/** Encrypt → Decrypt → compare with ONLY this instance's credential (the role the application will use). */
export function testEncrypt(ctx: CommandContext, node?: unknown): Promise<EncryptTestOutcome> {
  return runEncryptTest(ctx, node, 'instance');
}
