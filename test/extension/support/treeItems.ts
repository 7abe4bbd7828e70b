// Reads a tree of the real extension the way the workbench does: getChildren, then getTreeItem.
import type * as vscode from 'vscode';
import type { TreeNode } from '../../../src/views/common/treeNode';

export interface Row {
  readonly node: TreeNode;
  readonly label: string;
  readonly description: string;
  readonly contextValue: string;
  /** The tooltip as the user reads it: Markdown backslash escapes removed (cloud data is escaped, src/views/common/markdown.ts). */
  readonly tooltip: string;
  readonly item: vscode.TreeItem;
}

export function row(node: TreeNode): Row {
  const item = node.getTreeItem();
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return { node, label, description: String(item.description ?? ''), contextValue: item.contextValue ?? '', tooltip, item };
}

export async function children(provider: vscode.TreeDataProvider<TreeNode>, node?: TreeNode): Promise<Row[]> {
  return ((await provider.getChildren(node)) ?? []).map(row);
}

export function find(rows: readonly Row[], label: string): Row {
  const found = rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row "${label}" among: ${rows.map((r) => r.label).join(', ')}`);
  return found;
}
