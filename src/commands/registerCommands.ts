import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { runCommand } from './runCommand';
import { generateTrustPolicy } from './generateTrustPolicy';
import { insertSnippet } from './insertSnippet';
import { showLog } from './showLog';

type CommandHandler = (ctx: CommandContext, ...args: unknown[]) => Promise<unknown>;

/** The command table: every command declared in package.json and nothing else (a test checks both ways). */
export const COMMANDS: Record<string, CommandHandler> = {
  'alicloudKms.generateTrustPolicy': generateTrustPolicy,
  'alicloudKms.insertSnippet': insertSnippet,
  'alicloudKms.showLog': showLog,
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(id, ctx, () => handler(ctx, ...args))),
  );
}
