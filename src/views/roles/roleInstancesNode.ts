import * as vscode from 'vscode';
import { GroupNode } from '../common/groupNode';
import { MessageNode } from '../common/messageNodes';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import type { RoleNode } from './roleNode';
import { COMMAND } from '../../commandIds';

/** "Instances": every instance, in any region, that has this role attached (fan-out over regions). */
export class RoleInstancesNode extends GroupNode {
  constructor(override readonly parent: RoleNode) {
    super(parent, 'instances', vscode.l10n.t('Instances'), 'server', 'roleInstances');
  }

  async getChildren(): Promise<TreeNode[]> {
    const { services } = this.parent.tree;
    const regions = (await services.ecs.describeRegions()).map((r) => r.regionId);
    const children: TreeNode[] = [];
    const roleName = this.parent.roleName;
    for await (const outcome of services.fanOut(regions, (regionId, options) =>
      services.ecs.describeInstanceRamRoles(regionId, { ramRoleName: roleName }, options),
    )) {
      if (!outcome.ok) {
        children.push(this.parent.tree.errorNode(this, outcome.error, outcome.regionId));
        continue;
      }
      for (const attached of outcome.value) children.push(new RoleInstanceNode(this, outcome.regionId, attached.instanceId));
    }
    if (children.length === 0) {
      return [
        new MessageNode(this, 'none', vscode.l10n.t('Not attached to any instance: attach it'), {
          command: COMMAND.attachRole,
          title: vscode.l10n.t('Attach to Instances'),
          arguments: [this.parent.ref],
        }),
      ];
    }
    return children.sort((a, b) => a.id.localeCompare(b.id));
  }
}

export class RoleInstanceNode implements TreeNode {
  readonly id: string;
  /** Names the instance only: commands describe it (DescribeInstances) when they need more. */
  readonly ref: NodeRef;

  constructor(
    readonly parent: RoleInstancesNode,
    readonly regionId: string,
    readonly instanceId: string,
  ) {
    this.id = `${parent.id}/${instanceId}`;
    this.ref = { kind: 'instance', regionId, instanceId };
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.instanceId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.regionId;
    item.iconPath = new vscode.ThemeIcon('vm');
    item.contextValue = 'roleInstance';
    return item;
  }
}
