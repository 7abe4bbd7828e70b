import * as vscode from 'vscode';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { instancesOfRefs } from './nodeRefs';
import { requireServices } from './requireServices';

export const REMOTE_SSH_EXTENSION = 'ms-vscode-remote.remote-ssh';

/** Connect with Remote-SSH: opens a remote window to the instance's address (public IP, else private). */
export async function connectRemoteSsh(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  if (ref?.kind !== 'instance') return;
  const instance = ref.instance ?? (await instancesOfRefs(await requireServices(ctx), ref))?.[0];
  if (!instance) return;
  const host = instance.publicIpAddress || instance.privateIpAddress;
  if (!host) throw new Error(vscode.l10n.t('Instance {0} has no IP address to connect to.', instance.instanceId));
  if (!vscode.extensions.getExtension(REMOTE_SSH_EXTENSION)) {
    throw new Error(vscode.l10n.t('Install the Remote - SSH extension to connect to instances from VS Code.'));
  }
  await vscode.commands.executeCommand('vscode.newWindow', { remoteAuthority: `ssh-remote+${host}` });
}
