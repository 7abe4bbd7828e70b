import * as vscode from 'vscode';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { instancesOfRefs } from './nodeRefs';
import { requireServices } from './requireServices';
import { askSshLogin, rememberedLogin, remoteSshAuthority } from './sshLogin';

export const REMOTE_SSH_EXTENSION = 'ms-vscode-remote.remote-ssh';

/** globalState key of the login last used for an instance (user and address kind; nothing secret). */
export const sshLoginKey = (instanceId: string) => `alicloudKms.sshLogin.${instanceId}`;

/**
 * Connect with Remote-SSH: asks the address (public or private IP, when the instance has both) and the
 * login user (the last one for this instance first, root, ecs-user, another), remembers both for the
 * instance, and opens a remote window to `user@address`.
 */
export async function connectRemoteSsh(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  if (ref?.kind !== 'instance') return;
  // Before any question: nothing the user answers could be used without the extension.
  if (!vscode.extensions.getExtension(REMOTE_SSH_EXTENSION)) {
    throw new Error(vscode.l10n.t('Install the Remote - SSH extension to connect to instances from VS Code.'));
  }
  const instance = ref.instance ?? (await instancesOfRefs(await requireServices(ctx), ref))?.[0];
  if (!instance) return;
  const memory = ctx.extension.globalState;
  const login = await askSshLogin(ctx.ui, vscode.l10n, instance, rememberedLogin(memory.get(sshLoginKey(instance.instanceId))));
  await memory.update(sshLoginKey(instance.instanceId), { user: login.user, address: login.address });
  ctx.log.info(`Connect with Remote-SSH: ${login.user}@${login.host} (${instance.instanceId}, ${login.address} IP)`);
  await vscode.commands.executeCommand('vscode.newWindow', { remoteAuthority: remoteSshAuthority(login.user, login.host) });
}
