import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/**
 * A fixed, collapsible child of a cloud node ("Permissions", "Instances", "Secrets"…): a label, an
 * icon and a context value; subclasses say what it holds. Its id extends the parent's, so it is stable.
 */
export abstract class GroupNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    key: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly contextValue: string,
    private readonly collapsible = true,
  ) {
    this.id = `${parent.id}/${key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.label,
      this.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = this.contextValue;
    return item;
  }
}
