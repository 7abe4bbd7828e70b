import * as vscode from 'vscode';

/**
 * Stands in for a tree's real data provider from activation on, so the view exists at once (no
 * "There is no data provider registered" message) while the provider's code is not loaded yet.
 * The first call VS Code makes (getChildren of the visible view) loads the implementation through
 * `connect` and everything is delegated from then on, change events included.
 */
export class LazyTreeProvider implements vscode.TreeDataProvider<unknown>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<unknown>();
  readonly onDidChangeTreeData = this.changed.event;
  private real: vscode.TreeDataProvider<unknown> | undefined;
  private forwarding: vscode.Disposable | undefined;

  /** `load` must end up calling `connect` (it loads the implementation, which adopts this view). */
  constructor(private readonly load: () => void) {}

  connect(real: vscode.TreeDataProvider<unknown>): void {
    this.real = real;
    this.forwarding = real.onDidChangeTreeData?.((node) => this.changed.fire(node));
  }

  private target(): vscode.TreeDataProvider<unknown> {
    if (!this.real) this.load();
    if (!this.real) throw new Error('The tree provider was not connected after loading the extension.');
    return this.real;
  }

  getTreeItem(node: unknown): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.target().getTreeItem(node);
  }

  getChildren(node?: unknown): vscode.ProviderResult<unknown[]> {
    return this.target().getChildren(node);
  }

  getParent(node: unknown): vscode.ProviderResult<unknown> {
    return this.target().getParent?.(node);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
