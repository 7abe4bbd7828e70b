import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { UserCancelledError } from './runCommand';

type Field = 'accessKeyId' | 'accessKeySecret' | 'securityToken' | 'environment';

/**
 * Copies the instance credential (or one part) to the clipboard: only on explicit request, after a
 * modal warning. The value is never shown or logged; the log says only what was copied.
 */
export async function copyInstanceCredential(ctx: CommandContext): Promise<Field> {
  const snapshot = await ctx.instance.ready();
  if (!snapshot.credential) {
    void ctx.ui.showWarningMessage(vscode.l10n.t('There is no instance credential to copy.'), {});
    throw new UserCancelledError();
  }
  const role = snapshot.credential.roleName;
  const items: (vscode.QuickPickItem & { field: Field })[] = [
    { label: 'AccessKeyId', field: 'accessKeyId' },
    { label: 'AccessKeySecret', description: vscode.l10n.t('secret'), field: 'accessKeySecret' },
    { label: 'SecurityToken', description: vscode.l10n.t('secret'), field: 'securityToken' },
    { label: vscode.l10n.t('All three as environment variables'), description: 'ALIBABA_CLOUD_ACCESS_KEY_ID, _SECRET, ALIBABA_CLOUD_SECURITY_TOKEN', field: 'environment' },
  ];
  const picked = await ctx.ui.showQuickPick(items, { title: vscode.l10n.t('Copy part of the instance credential of role {0}', role) });
  if (!picked) throw new UserCancelledError();
  if (picked.field !== 'accessKeyId') {
    const copy = vscode.l10n.t('Copy');
    const sure = await ctx.ui.showWarningMessage(
      vscode.l10n.t('Anyone who gets this value can act as role {0} until {1}. It will be on the clipboard, where other programs can read it. Copy it anyway?', role, snapshot.credential.expiration),
      { modal: true },
      copy,
    );
    if (sure !== copy) throw new UserCancelledError();
  }
  const c = await ctx.session.factory.metadata.getCredential();
  const value = {
    accessKeyId: c.accessKeyId,
    accessKeySecret: c.accessKeySecret,
    securityToken: c.securityToken,
    environment: `ALIBABA_CLOUD_ACCESS_KEY_ID=${c.accessKeyId}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${c.accessKeySecret}\nALIBABA_CLOUD_SECURITY_TOKEN=${c.securityToken}\n`,
  }[picked.field];
  await vscode.env.clipboard.writeText(value);
  ctx.log.info(`Copied ${picked.field} of the instance credential (role ${c.roleName}) to the clipboard after confirmation; the value is not logged.`);
  return picked.field;
}
