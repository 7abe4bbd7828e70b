import * as vscode from 'vscode';
import type { CloudServices, EcsInstance } from '../../cloud/types';
import { LoadMoreNode, MessageNode } from '../common/messageNodes';
import { PagedList } from '../common/pagedList';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import { InstanceNode } from './instanceNode';
import { COMMAND } from '../../commandIds';

export const INSTANCES_PAGE_SIZE = 100;

export interface InstanceTreeContext {
  readonly services: CloudServices;
  matches(...fields: (string | undefined)[]): boolean;
  refresh(node?: TreeNode): void;
}

/** A region of the ECS Instances view; its instances load a page at a time. */
export class InstanceRegionNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;
  readonly ref: NodeRef;
  private readonly list: PagedList<EcsInstance>;

  constructor(
    private readonly tree: InstanceTreeContext,
    readonly regionId: string,
  ) {
    this.id = `instances/${regionId}`;
    this.ref = { kind: 'region', regionId, view: 'instances' };
    this.list = new PagedList(() => tree.services.ecs.listInstances(regionId, { pageSize: INSTANCES_PAGE_SIZE }), INSTANCES_PAGE_SIZE);
  }

  /** What the view has listed of this region: undefined before it was expanded. */
  get listed(): { count: number; more: boolean } | undefined {
    return this.list.loaded.length > 0 || !this.list.hasMore ? { count: this.list.loaded.length, more: this.list.hasMore } : undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.regionId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'ecsRegion';
    if (this.list.loaded.length > 0) item.description = this.list.hasMore ? `${this.list.loaded.length}+` : String(this.list.loaded.length);
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    await this.list.ensure(this.list.pageSize);
    const nodes: TreeNode[] = this.list.loaded
      .filter((i) => this.tree.matches(i.instanceName, i.instanceId, i.privateIpAddress, i.ramRoleName, ...Object.values(i.tags)))
      .map((i) => new InstanceNode(this, i));
    if (this.list.loaded.length === 0) {
      nodes.push(
        new MessageNode(this, 'none', vscode.l10n.t('No instances in this region: create one with a role'), {
          command: COMMAND.createInstanceWithRole,
          title: vscode.l10n.t('Create Instance with Role'),
          arguments: [this.ref],
        }),
      );
    } else if (nodes.length === 0) {
      nodes.push(new MessageNode(this, 'noMatch', vscode.l10n.t('No instance matches the filter')));
    }
    if (this.list.hasMore) nodes.push(new LoadMoreNode(this, () => void this.list.loadNextPage().then(() => this.tree.refresh(this))));
    return nodes;
  }
}
