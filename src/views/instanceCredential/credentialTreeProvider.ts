import * as vscode from 'vscode';
import type { TreeNode } from '../common/treeNode';
import { CheckingNode, FieldNode, FixNode, ProblemNode } from './credentialNodes';
import { credentialFields } from './credentialPresentation';
import type { InstanceCredentialModel } from './instanceCredentialModel';

/**
 * The Instance Credential view: one row per field (the Expiration row counts down while the view is
 * visible), or the problem in words with a row that runs its fix. A flat list: rows have no children.
 */
export class CredentialTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: InstanceCredentialModel) {
    this.subscription = model.onDidChange(() => this.changed.fire(undefined));
  }

  /** The countdown: repaint (cheap: a handful of rows). */
  tick(): void {
    if (this.model.current?.credential) this.changed.fire(undefined);
  }

  getChildren(element?: TreeNode): TreeNode[] {
    if (element) return [];
    const s = this.model.current;
    if (!s) return [new CheckingNode()];
    const rows: TreeNode[] = [];
    if (s.problem) rows.push(new ProblemNode(s.problem));
    if (s.problem?.action) rows.push(new FixNode(s.problem));
    if (s.onEcs) rows.push(...credentialFields(s, Date.now()).map((field) => new FieldNode(field)));
    return rows;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
