import * as vscode from 'vscode';
import { attachedInstanceNodes, notAttachedNode } from '../common/attachedInstanceNodes';
import { GroupNode } from '../common/groupNode';
import type { TreeNode } from '../common/treeNode';
import type { RoleNode } from './roleNode';

/** "Instances": every instance, in any region, that has this role attached (one DescribeInstanceRamRole a region). */
export class RoleInstancesNode extends GroupNode {
  constructor(override readonly parent: RoleNode) {
    super(parent, 'instances', vscode.l10n.t('Instances'), 'server', 'roleInstances');
  }

  getChildren(): Promise<TreeNode[]> {
    return attachedInstanceNodes(this, this.parent.tree, [this.parent.roleName], () => [notAttachedNode(this, this.parent.ref)]);
  }
}
