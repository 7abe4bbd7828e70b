import * as vscode from 'vscode';
import type { TreeNode } from '../common/treeNode';
import type { RoleNode } from './roleNode';

/** "Trust policy": opens the role's AssumeRolePolicyDocument as read-only formatted JSON. */
export class TrustPolicyNode implements TreeNode {
  readonly id: string;

  constructor(readonly parent: RoleNode) {
    this.id = `${parent.id}/trustPolicy`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Trust policy'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('shield');
    item.contextValue = 'trustPolicy';
    item.command = { command: 'alicloudKms.openTrustPolicy', title: vscode.l10n.t('Open Trust Policy'), arguments: [this.parent] };
    return item;
  }
}
