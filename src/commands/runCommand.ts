import * as vscode from 'vscode';
import { isCloudError } from '../cloud/types';
import { hintAction, localizeHint } from '../session/localizeHint';
import type { CommandContext } from './commandContext';

import { UserCancelledError } from './cancelled';

export { UserCancelledError } from './cancelled';

/**
 * The one wrapper every command runs through (DESIGN.md convention 3): a user cancel is silent;
 * any other error becomes one line with "Show Log" (for a cloud error: code, hint and RequestId),
 * and the full detail goes to the log. Messages never contain secrets: errors carry none.
 */
export async function runCommand(id: string, ctx: CommandContext, body: () => Promise<unknown>): Promise<unknown> {
  try {
    return await body();
  } catch (error) {
    if (isCancellation(error)) return undefined;
    ctx.log.error(`${id} failed: ${describeForLog(error)}`);
    const showLog = vscode.l10n.t('Show Log');
    // A hint may name the command that fixes the failure (Grant KMS Access, Attach Role…): offer it.
    const action = isCloudError(error) ? hintAction(error.hintRef) : undefined;
    void vscode.window.showErrorMessage(describeForUser(error), ...(action ? [action.label] : []), showLog).then((choice) => {
      if (choice === showLog) ctx.log.show(true);
      else if (action && choice === action.label) void vscode.commands.executeCommand(action.command);
    });
    return undefined;
  }
}

export function isCancellation(error: unknown): boolean {
  return (
    error instanceof UserCancelledError ||
    error instanceof vscode.CancellationError ||
    (isCloudError(error) && error.code === 'Cancelled')
  );
}

/** One line for a notification: for a cloud error its code, what to do, and the RequestId. */
export function describeForUser(error: unknown): string {
  if (isCloudError(error)) {
    const request = error.requestId ? ` (RequestId ${error.requestId})` : '';
    return `${error.code}: ${localizeHint(error.hintRef) ?? error.message}${request}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function describeForLog(error: unknown): string {
  if (isCloudError(error)) return `${error.toLogLine()}${error.hint ? ` hint: ${error.hint}` : ''}`;
  // Unexpected errors keep their stack in the log (never in the notification) for the bug report.
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
