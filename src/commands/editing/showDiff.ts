import * as vscode from 'vscode';
import { readOnlyUri } from '../readOnlyDocument';

/** Opens a read-only diff of two texts (the preview of a document change before it is sent). */
export async function showDiff(title: string, leftName: string, left: string, rightName: string, right: string): Promise<void> {
  const stamp = Date.now();
  const leftUri = readOnlyUri(`${leftName}-${stamp}.json`, left);
  const rightUri = readOnlyUri(`${rightName}-${stamp}.json`, right);
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, title, { preview: true });
}
