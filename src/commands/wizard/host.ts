import * as vscode from 'vscode';
import { addEcsTrust } from '../addEcsTrust';
import type { CommandContext } from '../commandContext';
import { explorerKnowledge } from '../explorerKnowledge';
import { showReadOnlyDocument } from '../readOnlyDocument';
import { confirmWithCli, withCancellableProgress } from './confirmWithCli';
import type { Wizard, WizardContext } from './wizard';

/** The VS Code side of every wizard: the command's prompter, vscode.l10n, confirmations and documents. */
export function wizardContext(ctx: CommandContext): WizardContext {
  return {
    ui: ctx.ui,
    l10n: vscode.l10n,
    host: {
      confirm: (message, action, cli, options) => confirmWithCli(ctx, message, action, cli, options),
      showDocument: (name, text, language) => showReadOnlyDocument(name, text, language),
      log: ctx.log,
      busy: (title, task) => Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task)),
      themeIcon: (id) => new vscode.ThemeIcon(id),
      explorer: explorerKnowledge(ctx),
      addEcsTrust: (roleName) => addEcsTrust(ctx, { kind: 'role', roleName }),
    },
  };
}

/** Runs a wizard's execute steps under a notification progress titled `title` (not cancellable: see runCancellable). */
export function executeWithProgress<C extends WizardContext>(wizard: Wizard<C>, title: string): Thenable<void> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) => wizard.execute(progress));
}

export { withCancellableProgress };
