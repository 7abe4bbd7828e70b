import * as vscode from 'vscode';
import { formatPolicy, serviceTrustPolicy } from '../policy/trustPolicy';
import type { CommandContext } from './commandContext';

/** Opens an untitled JSON document with the ECS trust policy, ready to save or use with CreateRole. */
export async function generateTrustPolicy(_ctx: CommandContext): Promise<void> {
  const document = await vscode.workspace.openTextDocument({
    language: 'json',
    content: formatPolicy(serviceTrustPolicy()) + '\n',
  });
  await vscode.window.showTextDocument(document);
}
