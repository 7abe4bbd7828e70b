import * as vscode from 'vscode';
import type { KmsSecretSummary } from '../../cloud/types';
import { GroupNode } from '../common/groupNode';
import { LoadMoreNode, MessageNode } from '../common/messageNodes';
import { PagedList } from '../common/pagedList';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import type { KmsRegionNode } from './kmsRegionNode';
import { mdText } from '../common/markdown';

const SECRETS_PAGE_SIZE = 50;

/** "Secrets" of a region: names and types, never values. */
export class SecretsGroupNode extends GroupNode {
  private readonly list: PagedList<KmsSecretSummary>;

  constructor(override readonly parent: KmsRegionNode) {
    super(parent, 'secrets', vscode.l10n.t('Secrets'), 'lock', 'kmsSecrets');
    this.list = new PagedList(() => parent.tree.kms.listSecrets({ pageSize: SECRETS_PAGE_SIZE }), SECRETS_PAGE_SIZE);
  }

  async getChildren(): Promise<TreeNode[]> {
    await this.list.ensure(this.list.pageSize);
    const nodes: TreeNode[] = this.list.loaded
      .filter((s) => this.parent.tree.matches(s.secretName))
      .map((s) => new SecretNode(this, s));
    if (this.list.loaded.length === 0) nodes.push(new MessageNode(this, 'none', vscode.l10n.t('No secrets in this region')));
    if (this.list.hasMore) nodes.push(new LoadMoreNode(this, () => void this.list.loadNextPage().then(() => this.parent.tree.refresh(this))));
    return nodes;
  }
}

export class SecretNode implements TreeNode {
  readonly id: string;
  readonly ref: NodeRef;
  readonly secretName: string;
  readonly regionId: string;

  constructor(
    readonly parent: SecretsGroupNode,
    readonly secret: KmsSecretSummary,
  ) {
    this.id = `${parent.id}/${secret.secretName}`;
    this.secretName = secret.secretName;
    this.regionId = parent.parent.regionId;
    this.ref = { kind: 'secret', regionId: this.regionId, secretName: this.secretName };
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.secret;
    const item = new vscode.TreeItem(s.secretName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [s.secretType, s.updateTime ? vscode.l10n.t('updated {0}', s.updateTime) : undefined].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('lock-small');
    item.contextValue = 'kmsSecret';
    const rows: [string, string | undefined][] = [[vscode.l10n.t('Type'), s.secretType], [vscode.l10n.t('Created'), s.createTime], [vscode.l10n.t('Updated'), s.updateTime]];
    item.tooltip = new vscode.MarkdownString(`**${mdText(s.secretName)}**\n\n${rows.map(([label, value]) => `${mdText(label)}: ${mdText(value ?? '-')}`).join('  \n')}`);
    return item;
  }
}
