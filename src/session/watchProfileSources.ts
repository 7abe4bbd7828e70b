import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloudServicesFactory } from '../cloud/types';
import type { CloudSession } from './cloudSession';

/**
 * Reloads the profiles (and so every view) when the aliyun CLI config or the credentials file
 * changes, without a window reload. The files are only read, never written.
 */
export function watchProfileSources(factory: CloudServicesFactory, session: CloudSession): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void session.reloadProfiles(), 300);
  };
  const watchers = factory.watchedFiles().map((file) => {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
    watcher.onDidCreate(reload);
    watcher.onDidChange(reload);
    watcher.onDidDelete(reload);
    return watcher;
  });
  return vscode.Disposable.from(...watchers, { dispose: () => clearTimeout(timer) });
}
