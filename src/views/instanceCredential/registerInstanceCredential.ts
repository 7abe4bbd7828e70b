import * as vscode from 'vscode';
import { CredentialStatusBar } from './credentialStatusBar';
import { CredentialTreeProvider } from './credentialTreeProvider';
import type { InstanceCredentialModel } from './instanceCredentialModel';

/**
 * The Instance Credential view and status bar item, their one-second countdown, and the background
 * probe. Returns at once: the probe runs after activation, so it never delays it.
 */
export function registerInstanceCredential(model: InstanceCredentialModel): vscode.Disposable & { readonly tree: CredentialTreeProvider } {
  const tree = new CredentialTreeProvider(model);
  const view = vscode.window.createTreeView('alicloudKms.instanceCredential', { treeDataProvider: tree });
  const statusBar = new CredentialStatusBar(model);
  const timer = setInterval(() => {
    if (!model.current?.credential) return;
    statusBar.update();
    if (view.visible) tree.tick();
  }, 1000);
  setTimeout(() => void model.refresh(), 0);
  const disposable = vscode.Disposable.from(model, tree, view, statusBar, { dispose: () => clearInterval(timer) });
  return Object.assign(disposable, { tree });
}
