import * as vscode from 'vscode';
import type { CloudServices } from '../cloud/types';
import type { CommandContext } from './commandContext';
import { UserCancelledError } from './runCommand';
import { COMMAND } from '../commandIds';

/**
 * The active profile's services, or — when there is none — an actionable message offering to
 * select a profile or add an AccessKey, then a silent cancel.
 */
export async function requireServices(ctx: CommandContext): Promise<CloudServices> {
  const services = await ctx.session.getServices();
  if (services) return services;
  const select = vscode.l10n.t('Select Profile');
  const add = vscode.l10n.t('Add AccessKey');
  const choice = await ctx.ui.showWarningMessage(
    vscode.l10n.t('No Alibaba Cloud profile is available. Select an aliyun CLI profile or add an AccessKey first.'),
    {},
    select,
    add,
  );
  if (choice === select) await vscode.commands.executeCommand(COMMAND.selectProfile);
  if (choice === add) await vscode.commands.executeCommand(COMMAND.addAccessKey);
  throw new UserCancelledError();
}
