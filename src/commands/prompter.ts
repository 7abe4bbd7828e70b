import type * as vscode from 'vscode';

/** Asked by a wizard step after the first: show a Back button; pressing it rejects with GoBackError (./cancelled). */
export interface BackOption {
  readonly backButton?: boolean;
}

/**
 * Every question a command asks goes through this interface, so a test can answer the prompt steps
 * of a wizard with a script (DESIGN.md convention 8) while the real UI is `vscodePrompter`
 * (./vscodePrompter.ts). The signatures are VS Code's own, plus the wizard's Back button.
 * No vscode value import: wizard steps that only prompt stay testable without VS Code.
 */
export interface Prompter {
  showQuickPick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Thenable<readonly T[]>,
    options: vscode.QuickPickOptions & BackOption & { canPickMany: true },
  ): Thenable<T[] | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options?: vscode.QuickPickOptions & BackOption): Thenable<T | undefined>;
  showInputBox(options?: vscode.InputBoxOptions & BackOption): Thenable<string | undefined>;
  /** A question with buttons (modal or not); returns the chosen button's title. */
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
}

/**
 * vscode.QuickPickItemKind.Separator (-1) without a vscode value import, for wizard steps' item lists
 * (a type-only import cannot read the enum's value; the number is part of VS Code's stable API).
 */
export const SEPARATOR = -1 as vscode.QuickPickItemKind.Separator;
