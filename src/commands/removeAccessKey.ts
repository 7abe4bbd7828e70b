import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { UserCancelledError } from './runCommand';

/** Remove AccessKey: deletes an AccessKey stored in VS Code SecretStorage (other sources are read-only). */
export async function removeAccessKey(ctx: CommandContext): Promise<void> {
  const { profiles } = await ctx.session.listProfiles();
  const stored = profiles.filter((p) => p.source === 'secretStorage');
  if (stored.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No AccessKey is stored in VS Code. Profiles from the aliyun CLI or environment are never changed by this extension.'));
    return;
  }
  const picked = await ctx.ui.showQuickPick(
    stored.map((p) => ({ label: p.name, description: p.accessKeyIdMasked, profile: p })),
    { title: vscode.l10n.t('Remove a stored AccessKey') },
  );
  if (!picked) throw new UserCancelledError();
  const remove = vscode.l10n.t('Remove');
  const confirm = await ctx.ui.showWarningMessage(
    vscode.l10n.t('Remove the AccessKey {0} from VS Code SecretStorage?', picked.description ?? picked.label),
    { modal: true },
    remove,
  );
  if (confirm !== remove) throw new UserCancelledError();
  await ctx.session.factory.removeAccessKey(picked.profile.id);
  ctx.log.info(`Removed stored AccessKey profile ${picked.profile.name}`);
  await ctx.session.reloadProfiles();
}
