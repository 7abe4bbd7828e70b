import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';
import { showReadOnlyDocument } from '../readOnlyDocument';
import { UserCancelledError } from '../runCommand';

/** The one localize (util/localize.ts), re-exported for the wizards that import it from here. */
export { localize } from '../../util/localize';

export interface ConfirmOptions {
  /** Extra lines under the question (what will change). */
  readonly detail?: string;
  /** A warning (costs money, replaces something) rather than an information dialog. */
  readonly warning?: boolean;
}

/**
 * The confirmation step of every mutating command: a modal question whose buttons are the action,
 * "Copy CLI Command" and "Show CLI Command" (the `aliyun` equivalent, to script it). Copy and Show
 * ask again; dismissing cancels. The CLI text never contains a secret (the builders see to that).
 */
export async function confirmWithCli(ctx: CommandContext, message: string, action: string, cli: readonly string[], options: ConfirmOptions = {}): Promise<void> {
  const copy = vscode.l10n.t('Copy CLI Command');
  const show = vscode.l10n.t('Show CLI Command');
  const script = cli.join('\n') + '\n';
  for (;;) {
    const dialog = { modal: true, detail: options.detail };
    const choice = options.warning
      ? await ctx.ui.showWarningMessage(message, dialog, action, copy, show)
      : await ctx.ui.showInformationMessage(message, dialog, action, copy, show);
    if (choice === action) return;
    if (choice === copy) {
      try {
        await vscode.env.clipboard.writeText(script);
        ctx.log.info(`Copied the aliyun CLI equivalent:\n${script}`);
      } catch (error) {
        // A browser host may refuse clipboard access: show the commands instead so they can be copied by hand.
        ctx.log.warn(`Could not write to the clipboard (${error instanceof Error ? error.message : String(error)}); showing the CLI equivalent instead`);
        await showCli(script);
      }
    } else if (choice === show) {
      await showCli(script);
    } else {
      throw new UserCancelledError();
    }
  }
}

function showCli(script: string): Thenable<unknown> {
  return showReadOnlyDocument('aliyun-cli.sh', `# ${vscode.l10n.t('The aliyun CLI commands equivalent to this step')}\n${script}`, 'shellscript');
}

/** Runs `task` under a cancellable notification progress; the AbortSignal stops cloud calls. */
export function withCancellableProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    return task(controller.signal).finally(() => subscription.dispose());
  });
}
