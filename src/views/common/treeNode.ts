import type * as vscode from 'vscode';
import type { NodeRef } from './nodeRef';

/**
 * One node of any tree (DESIGN.md convention 4): a small class per kind. `id` is a cloud id
 * (role ARN, instance id, key id, or a path built from them) so selection and expansion survive a refresh.
 */
export interface TreeNode {
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
  readonly parent?: TreeNode;
  /** What commands invoked on this node receive (nodes no command acts on have none). */
  readonly ref?: NodeRef;
}
