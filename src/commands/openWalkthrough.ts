import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/** The walkthrough "Access KMS from ECS without an AccessKey" (contributes.walkthroughs). */
export const WALKTHROUGH_ID = 'alicloud-kms-access.alicloud-kms-access#alicloudKms.kmsWithoutAccessKey';

/** Opens the four-step walkthrough (from the welcome content and the palette). */
export async function openWalkthrough(_ctx: CommandContext): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
}
