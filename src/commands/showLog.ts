import type { CommandContext } from './commandContext';

/** Reveals the extension's log (where every error's code, RequestId and hint are written). */
export async function showLog(ctx: CommandContext): Promise<void> {
  ctx.log.show(true);
}
