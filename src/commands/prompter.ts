import * as vscode from 'vscode';

/**
 * Every question a command asks goes through this interface, so a test can answer the prompt steps
 * of a wizard with a script (DESIGN.md convention 8) while the real UI is `vscodePrompter`.
 * The signatures are VS Code's own.
 */
export interface Prompter {
  showQuickPick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Thenable<readonly T[]>,
    options: vscode.QuickPickOptions & { canPickMany: true },
  ): Thenable<T[] | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options?: vscode.QuickPickOptions): Thenable<T | undefined>;
  showInputBox(options?: vscode.InputBoxOptions): Thenable<string | undefined>;
  /** A question with buttons (modal or not); returns the chosen button's title. */
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
}

export const vscodePrompter: Prompter = {
  showQuickPick: ((items: never, options: never) => vscode.window.showQuickPick(items, options)) as Prompter['showQuickPick'],
  showInputBox: (options) => vscode.window.showInputBox(options),
  showWarningMessage: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  showInformationMessage: (message, options, ...items) => vscode.window.showInformationMessage(message, options, ...items),
};

/** The prompter commands use; tests swap in a scripted one through the extension's test API. */
export class PrompterSlot implements Prompter {
  private current: Prompter = vscodePrompter;

  use(prompter: Prompter | undefined): void {
    this.current = prompter ?? vscodePrompter;
  }

  showQuickPick: Prompter['showQuickPick'] = ((items: never, options: never) => this.current.showQuickPick(items, options)) as Prompter['showQuickPick'];
  showInputBox: Prompter['showInputBox'] = (options) => this.current.showInputBox(options);
  showWarningMessage: Prompter['showWarningMessage'] = (message, options, ...items) => this.current.showWarningMessage(message, options, ...items);
  showInformationMessage: Prompter['showInformationMessage'] = (message, options, ...items) =>
    this.current.showInformationMessage(message, options, ...items);
}
