import { runSecretReadTest, type SecretReadOutcome } from '../instance/secretReadFlow';
import type { CommandContext } from './commandContext';

/** GetSecretValue with this instance's credential: version and stages, the value masked unless revealed. */
export function testSecretRead(ctx: CommandContext, node?: unknown): Promise<SecretReadOutcome> {
  return runSecretReadTest(ctx, node);
}
