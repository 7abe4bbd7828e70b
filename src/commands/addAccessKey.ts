import * as vscode from 'vscode';
import { validateRegionId } from '../policy/validation';
import type { CommandContext } from './commandContext';
import { UserCancelledError } from './runCommand';

const ACCESS_KEY_ID = /^[A-Za-z0-9]{16,64}$/;

/**
 * Add AccessKey: stored only in VS Code's SecretStorage (never settings, files or logs), then made
 * the active profile. The secret is typed in a password box.
 */
export async function addAccessKey(ctx: CommandContext): Promise<void> {
  const title = vscode.l10n.t('Add AccessKey');
  const accessKeyId = await ctx.ui.showInputBox({
    title,
    prompt: vscode.l10n.t('AccessKey ID (prefer a RAM user with only the permissions this extension needs)'),
    ignoreFocusOut: true,
    validateInput: (v) => (ACCESS_KEY_ID.test(v.trim()) ? undefined : vscode.l10n.t('An AccessKey ID is 16 to 64 letters and digits, e.g. LTAI…')),
  });
  if (accessKeyId === undefined) throw new UserCancelledError();
  const accessKeySecret = await ctx.ui.showInputBox({
    title,
    prompt: vscode.l10n.t('AccessKey secret (kept in VS Code SecretStorage only)'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim().length >= 16 ? undefined : vscode.l10n.t('The AccessKey secret is at least 16 characters.')),
  });
  if (accessKeySecret === undefined) throw new UserCancelledError();
  const region = await ctx.ui.showInputBox({
    title,
    prompt: vscode.l10n.t('Default region'),
    value: 'cn-hangzhou',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const problem = validateRegionId(v.trim());
      return problem ? vscode.l10n.t(problem.template, ...problem.args) : undefined;
    },
  });
  if (region === undefined) throw new UserCancelledError();
  const profile = await ctx.session.factory.addAccessKey({ accessKeyId: accessKeyId.trim(), accessKeySecret: accessKeySecret.trim(), region: region.trim() });
  await ctx.session.reloadProfiles();
  await ctx.session.selectProfile(profile);
  ctx.log.info(`AccessKey ${profile.accessKeyIdMasked ?? ''} stored in SecretStorage as profile ${profile.name}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('AccessKey {0} saved in VS Code SecretStorage and selected.', profile.accessKeyIdMasked ?? profile.name));
}
