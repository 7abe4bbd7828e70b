import * as vscode from 'vscode';
import type { KmsAlias, KmsKey } from '../../cloud/types';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import { KeyInstancesNode } from './keyInstancesNode';
import { KeyRolesNode } from './keyRolesNode';
import type { KeyTreeContext } from './keyTreeContext';
import { mdCode, mdText } from '../common/markdown';

/** One KMS key: alias (or id), state, spec, usage, protection level, rotation. */
export class KeyNode implements TreeNode {
  readonly id: string;
  readonly ref: NodeRef;
  readonly keyId: string;
  readonly regionId: string;

  constructor(
    readonly parent: TreeNode,
    readonly tree: KeyTreeContext,
    readonly key: KmsKey,
    readonly aliases: readonly KmsAlias[],
  ) {
    this.id = key.arn ?? `${parent.id}/${key.keyId}`;
    this.keyId = key.keyId;
    this.regionId = tree.regionId;
    this.ref = { kind: 'key', regionId: this.regionId, keyId: this.keyId };
  }

  /** What snippets and prompts should call the key: its first alias, else its id. */
  get displayName(): string {
    return this.aliases[0]?.aliasName ?? this.key.keyId;
  }

  getTreeItem(): vscode.TreeItem {
    const k = this.key;
    const item = new vscode.TreeItem(this.displayName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [this.aliases.length > 0 ? k.keyId : undefined, k.keyState, k.keySpec, k.protectionLevel].filter(Boolean).join(' · ');
    const enabled = k.keyState === 'Enabled';
    item.iconPath = new vscode.ThemeIcon('key', enabled ? new vscode.ThemeColor('charts.yellow') : new vscode.ThemeColor('disabledForeground'));
    item.contextValue = `kmsKey:${k.keyState.toLowerCase()}`;
    const tooltip = new vscode.MarkdownString(`**${mdText(this.displayName)}**\n\n`);
    const rows: [string, string | undefined][] = [
      [vscode.l10n.t('Key ID'), k.keyId],
      ['ARN', k.arn],
      [vscode.l10n.t('State'), k.keyState],
      [vscode.l10n.t('Spec'), k.keySpec],
      [vscode.l10n.t('Usage'), k.keyUsage],
      [vscode.l10n.t('Protection level'), k.protectionLevel],
      [vscode.l10n.t('Automatic rotation'), k.automaticRotation],
      [vscode.l10n.t('Last rotation'), k.lastRotationDate],
      [vscode.l10n.t('Created'), k.creationDate],
      [vscode.l10n.t('Deletion date'), k.deleteDate],
    ];
    for (const [label, value] of rows) if (value) tooltip.appendMarkdown(`${mdText(label)}: ${mdCode(value)}  \n`);
    if (k.description) tooltip.appendText(`\n${k.description}`);
    item.tooltip = tooltip;
    return item;
  }

  /** Kept across expands: "Roles that can use this key" holds its scan, which the instances node waits for. */
  private children: TreeNode[] | undefined;

  async getChildren(): Promise<TreeNode[]> {
    if (!this.children) {
      const roles = new KeyRolesNode(this);
      this.children = [...this.aliases.map((alias) => new AliasNode(this, alias)), roles, new KeyInstancesNode(this, roles)];
    }
    return this.children;
  }
}

export class AliasNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: KeyNode,
    readonly alias: KmsAlias,
  ) {
    this.id = `${parent.id}/alias/${alias.aliasName}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.alias.aliasName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = vscode.l10n.t('alias');
    item.iconPath = new vscode.ThemeIcon('tag');
    item.contextValue = 'kmsAlias';
    return item;
  }
}
