import * as vscode from 'vscode';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { ramDocumentUri } from './editing/ramDocumentUri';
import { pickRole } from './pickers';
import { requireServices } from './requireServices';

/**
 * Edit Trust Policy: opens the role's live trust policy as an editable `alicloud-ram:` document,
 * checked as typed like any *.trust-policy.json; Save previews the change and calls UpdateRole.
 */
export async function editTrustPolicy(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const roleName = refOfKind(ref, 'role')?.roleName ?? (await pickRole(ctx.ui, await requireServices(ctx), vscode.l10n.t('Select a RAM role')));
  const document = await vscode.workspace.openTextDocument(ramDocumentUri({ kind: 'trust', roleName }));
  await vscode.window.showTextDocument(document, { preview: false });
}
