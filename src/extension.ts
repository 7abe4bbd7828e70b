import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import type { CommandContext } from './commands/commandContext';

// Thin on purpose (DESIGN.md convention 1): build the context, register, return.
// Nothing here may load the @alicloud/* SDKs: they are required on the first cloud call.
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Alibaba Cloud KMS Access', { log: true });
  const ctx: CommandContext = { extension: context, log };
  context.subscriptions.push(log, ...registerCommands(ctx));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
