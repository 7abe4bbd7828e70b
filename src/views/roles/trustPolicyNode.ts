import * as vscode from 'vscode';
import { GroupNode } from '../common/groupNode';
import type { RoleNode } from './roleNode';
import { COMMAND } from '../../commandIds';

/** "Trust policy": opens the role's AssumeRolePolicyDocument as read-only formatted JSON. */
export class TrustPolicyNode extends GroupNode {
  constructor(override readonly parent: RoleNode) {
    super(parent, 'trustPolicy', vscode.l10n.t('Trust policy'), 'shield', 'trustPolicy', false);
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    item.command = { command: COMMAND.openTrustPolicy, title: vscode.l10n.t('Open Trust Policy'), arguments: [this.parent.ref] };
    return item;
  }
}
