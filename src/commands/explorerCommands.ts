import * as vscode from 'vscode';
import type { CloudTreeProvider } from '../views/common/cloudTreeProvider';
import { LoadMoreNode } from '../views/common/messageNodes';
import type { CommandContext, Trees } from './commandContext';
import { UserCancelledError } from './runCommand';

// Title actions shared by the three trees: Refresh, Filter, Clear Filter. One function each,
// bound per view in the command table (view/title menus pass no node, so each view has its own id).

export function refreshTree(view: keyof Trees) {
  return async (ctx: CommandContext): Promise<void> => {
    ctx.trees[view].refresh();
  };
}

export function filterTree(view: keyof Trees) {
  return async (ctx: CommandContext): Promise<void> => {
    const tree: CloudTreeProvider = ctx.trees[view];
    const text = await ctx.ui.showInputBox({
      title: vscode.l10n.t('Filter'),
      prompt: vscode.l10n.t('Show only items whose name, id, alias or tag contains this text (empty clears the filter).'),
      value: tree.filter ?? '',
    });
    if (text === undefined) throw new UserCancelledError();
    tree.setFilter(text);
  };
}

export function clearTreeFilter(view: keyof Trees) {
  return async (ctx: CommandContext): Promise<void> => {
    ctx.trees[view].setFilter(undefined);
  };
}

/** "Load more…" node: loads the next page into its parent (it acts on the node itself, not on a NodeRef). */
export async function loadMore(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof LoadMoreNode) node.loadMore();
}
