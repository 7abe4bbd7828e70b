import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import { isCloudError } from '../../cloud/types';
import type { CloudSession } from '../../session/cloudSession';
import { localizeHint } from '../../session/localizeHint';
import { ErrorNode } from './messageNodes';
import type { TreeNode } from './treeNode';

/**
 * What every tree of the explorer shares: node delegation, the error node instead of a pop-up,
 * view progress while the first level loads, a text filter shown in the view's description,
 * and a refresh whenever the profile changes. Subclasses build the root nodes.
 */
export abstract class CloudTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText: string | undefined;
  private treeView: vscode.TreeView<TreeNode> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly viewId: string,
    protected readonly session: CloudSession,
    protected readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(this.changed, session.onDidChange(() => this.refresh()));
  }

  /**
   * Adopts the tree view showing this provider. The bootstrap (extension.ts) creates the views at
   * activation with a lazy proxy in front of this provider; the view's description shows the filter.
   */
  attachView(view: vscode.TreeView<unknown>): void {
    this.treeView = view as vscode.TreeView<TreeNode>;
  }

  get view(): vscode.TreeView<TreeNode> | undefined {
    return this.treeView;
  }

  /** The lower-cased filter text, or undefined when no filter is set. */
  get filter(): string | undefined {
    return this.filterText;
  }

  setFilter(text: string | undefined): void {
    this.filterText = text?.trim() ? text.trim().toLowerCase() : undefined;
    if (this.treeView) this.treeView.description = this.filterText ? vscode.l10n.t('Filter: {0}', this.filterText) : undefined;
    void vscode.commands.executeCommand('setContext', `${this.viewId}.filtered`, Boolean(this.filterText));
    this.refresh();
  }

  matches(...fields: (string | undefined)[]): boolean {
    if (!this.filterText) return true;
    return fields.some((field) => field?.toLowerCase().includes(this.filterText!));
  }

  /** Re-renders a node (or the whole tree). Node ids are cloud ids, so expansion and selection survive. */
  refresh(node?: TreeNode): void {
    this.changed.fire(node);
  }

  /** Re-renders these rows only (the rest of the tree, its expansion and any open menu stay as they are). */
  repaintRows(nodes: readonly TreeNode[]): void {
    if (nodes.length > 0) this.changed.fire([...nodes]);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const load = async (): Promise<TreeNode[]> => {
      if (node) return node.getChildren ? node.getChildren() : [];
      const services = await this.session.getServices();
      // No profile: an empty root lets the view's welcome content (Select Profile, Add AccessKey) show.
      return services ? this.getRoots(services) : [];
    };
    try {
      return node ? await load() : await vscode.window.withProgress({ location: { viewId: this.viewId } }, load);
    } catch (error) {
      return [this.errorNode(node, error)];
    }
  }

  /** An error node for a failed load; the full detail (code, RequestId, hint) goes to the log. */
  errorNode(parent: TreeNode | undefined, error: unknown, scope?: string): ErrorNode {
    const where = scope ? `${this.viewId} ${scope}` : this.viewId;
    if (isCloudError(error)) {
      this.log.error(`${where}: ${error.toLogLine()}${error.hint ? ` hint: ${error.hint}` : ''}`);
      return new ErrorNode(parent, error.code, localizeHint(error.hintRef) ?? error.message, scope);
    }
    const message = error instanceof Error ? error.message : String(error);
    this.log.error(`${where}: ${message}`);
    return new ErrorNode(parent, 'Error', message, scope);
  }

  protected abstract getRoots(services: CloudServices): Promise<TreeNode[]>;

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
