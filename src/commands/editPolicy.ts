import * as vscode from 'vscode';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { ramDocumentUri } from './editing/ramDocumentUri';
import { pickCustomPolicy } from './policyPickers';
import { requireServices } from './requireServices';

/**
 * Edit Policy: opens a custom policy's default version as an editable `alicloud-ram:` document; Save
 * creates a new version and makes it the default (CreatePolicyVersion with SetAsDefault).
 * System policies belong to Alibaba Cloud and cannot be edited.
 */
export async function editPolicy(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const policy = refOfKind(ref, 'policy');
  if (policy?.policyType === 'System') {
    throw new Error(vscode.l10n.t('{0} is a system policy: Alibaba Cloud maintains it and it cannot be edited. Grant KMS Access can create a custom policy instead.', policy.policyName));
  }
  const policyName = policy?.policyName ?? (await pickCustomPolicy(ctx, await requireServices(ctx), vscode.l10n.t('Select the custom policy to edit')));
  const document = await vscode.workspace.openTextDocument(ramDocumentUri({ kind: 'policy', policyName }));
  await vscode.window.showTextDocument(document, { preview: false });
}
