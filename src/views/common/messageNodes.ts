import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';
import { COMMAND } from '../../commandIds';
import { mdText } from './markdown';

/** A failed load shown as a node (convention 5), never as a pop-up from getChildren. Click: open the log. */
export class ErrorNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode | undefined,
    private readonly code: string,
    private readonly detail: string,
    /** What failed when a parent has several parts (a region of a fan-out). */
    private readonly scope?: string,
  ) {
    this.id = `${parent?.id ?? 'root'}/error${scope ? `/${scope}` : ''}`;
  }

  getTreeItem(): vscode.TreeItem {
    const label = this.scope
      ? vscode.l10n.t('{0}: failed to load: {1}', this.scope, this.code)
      : vscode.l10n.t('Failed to load: {0}', this.code);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.detail;
    item.tooltip = new vscode.MarkdownString(`**${mdText(this.code)}**\n\n${mdText(this.detail)}\n\n${mdText(vscode.l10n.t('Click to show the log.'))}`);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'error';
    item.command = { command: COMMAND.showLog, title: vscode.l10n.t('Show Log') };
    return item;
  }
}

/** An empty list says so and offers the next step (a command), never a blank tree. */
export class MessageNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode | undefined,
    private readonly key: string,
    private readonly label: string,
    private readonly command?: vscode.Command,
    private readonly icon = 'info',
  ) {
    this.id = `${parent?.id ?? 'root'}/message/${key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'message';
    if (this.command) item.command = this.command;
    return item;
  }
}

/** The last node of a long list: clicking it loads the next page into the same parent. */
export class LoadMoreNode implements TreeNode {
  readonly id: string;
  constructor(
    readonly parent: TreeNode | undefined,
    readonly loadMore: () => void,
  ) {
    this.id = `${parent?.id ?? 'root'}/loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { command: COMMAND.loadMore, title: vscode.l10n.t('Load more…'), arguments: [this] };
    return item;
  }
}
