import type * as vscode from 'vscode';

/** What every command receives: the extension context and the log. Services join as they are built. */
export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
}
