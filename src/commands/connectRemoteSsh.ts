import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

export const REMOTE_SSH_EXTENSION = 'ms-vscode-remote.remote-ssh';

/** Connect with Remote-SSH: opens a remote window to the instance's address (public IP, else private). */
export async function connectRemoteSsh(_ctx: CommandContext, node?: unknown): Promise<void> {
  const instance = (node as { instance?: { publicIpAddress?: string; privateIpAddress?: string; instanceId: string } } | undefined)?.instance;
  if (!instance) return;
  const host = instance.publicIpAddress || instance.privateIpAddress;
  if (!host) throw new Error(vscode.l10n.t('Instance {0} has no IP address to connect to.', instance.instanceId));
  if (!vscode.extensions.getExtension(REMOTE_SSH_EXTENSION)) {
    throw new Error(vscode.l10n.t('Install the Remote - SSH extension to connect to instances from VS Code.'));
  }
  await vscode.commands.executeCommand('vscode.newWindow', { remoteAuthority: `ssh-remote+${host}` });
}
