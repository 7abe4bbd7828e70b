import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/** Thrown (or rejected) when the user dismissed a prompt: the wrapper stays silent. */
export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user');
    this.name = 'UserCancelledError';
  }
}

/**
 * The one wrapper every command runs through (DESIGN.md convention 3): a user cancel is silent;
 * any other error becomes one line with "Show Log", and the full detail goes to the log.
 */
export async function runCommand(id: string, ctx: CommandContext, body: () => Promise<unknown>): Promise<unknown> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UserCancelledError || error instanceof vscode.CancellationError) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.error(`${id} failed: ${describeForLog(error)}`);
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showErrorMessage(message, showLog).then((choice) => {
      if (choice === showLog) ctx.log.show(true);
    });
    return undefined;
  }
}

function describeForLog(error: unknown): string {
  if (error instanceof Error) {
    const extra = Object.entries(error as unknown as Record<string, unknown>)
      .filter(([key]) => key !== 'stack' && key !== 'message')
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    return [error.message, extra].filter(Boolean).join(' ');
  }
  return String(error);
}
