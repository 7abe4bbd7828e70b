import * as vscode from 'vscode';
import type { KmsAlias, KmsKey } from '../../cloud/types';
import { mapLimit } from '../../util/mapLimit';
import { LoadMoreNode, MessageNode } from '../common/messageNodes';
import { PagedList } from '../common/pagedList';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import { KeyNode } from './keyNode';
import type { KeyTreeContext } from './keyTreeContext';
import { SecretsGroupNode } from './secretsNode';

export const KEYS_PAGE_SIZE = 50;

interface LoadedKey {
  readonly key: KmsKey;
  readonly aliases: KmsAlias[];
}

/** A region of the KMS view: its keys (a page at a time, described with their aliases) and a Secrets group. */
export class KmsRegionNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;
  readonly regionId: string;
  readonly ref: NodeRef;
  private readonly list: PagedList<LoadedKey>;

  constructor(readonly tree: KeyTreeContext) {
    this.regionId = tree.regionId;
    this.id = `kms/${tree.regionId}`;
    this.ref = { kind: 'region', regionId: tree.regionId, view: 'keys' };
    const kms = tree.kms;
    let aliases: Promise<Map<string, KmsAlias[]>> | undefined;
    // ListKeys returns ids only: describe each key of a page (bounded) and join the region's aliases.
    const describedKeys = async function* (): AsyncIterable<LoadedKey> {
      aliases ??= aliasesByKey(kms.listAliases());
      const byKey = await aliases;
      const page: string[] = [];
      const flush = () => mapLimit(page.splice(0), 8, async (keyId) => ({ key: await kms.describeKey(keyId), aliases: byKey.get(keyId) ?? [] }));
      for await (const ref of kms.listKeys({ pageSize: KEYS_PAGE_SIZE })) {
        page.push(ref.keyId);
        if (page.length === KEYS_PAGE_SIZE) yield* await flush();
      }
      yield* await flush();
    };
    this.list = new PagedList(describedKeys, KEYS_PAGE_SIZE);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.regionId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'kmsRegion';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    await this.list.ensure(this.list.pageSize);
    const nodes: TreeNode[] = this.list.loaded
      .filter(({ key, aliases }) => this.tree.matches(key.keyId, key.description, ...aliases.map((a) => a.aliasName)))
      .map(({ key, aliases }) => new KeyNode(this, this.tree, key, aliases));
    if (this.list.loaded.length === 0) nodes.push(new MessageNode(this, 'noKeys', vscode.l10n.t('No KMS keys in this region')));
    else if (nodes.length === 0) nodes.push(new MessageNode(this, 'noMatch', vscode.l10n.t('No key matches the filter')));
    if (this.list.hasMore) nodes.push(new LoadMoreNode(this, () => void this.list.loadNextPage().then(() => this.tree.refresh(this))));
    nodes.push(new SecretsGroupNode(this));
    return nodes;
  }
}

async function aliasesByKey(aliases: AsyncIterable<KmsAlias>): Promise<Map<string, KmsAlias[]>> {
  const byKey = new Map<string, KmsAlias[]>();
  for await (const alias of aliases) byKey.set(alias.keyId, [...(byKey.get(alias.keyId) ?? []), alias]);
  return byKey;
}
