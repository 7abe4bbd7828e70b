import * as vscode from 'vscode';
import { attachedInstanceNodes } from '../common/attachedInstanceNodes';
import { GroupNode } from '../common/groupNode';
import { MessageNode } from '../common/messageNodes';
import type { TreeNode } from '../common/treeNode';
import type { KeyNode } from './keyNode';
import type { KeyRolesNode } from './keyRolesNode';

/**
 * "Instances that can use this key", the security reviewer's question: every instance, in any region,
 * whose attached role can use the key. It waits for the scan of "Roles that can use this key" (the same
 * scan, not a second one), then finds the instances of all those roles at once: by role name for a few
 * roles, by one pass over each region's instances for many (session/instancesWithRoles.ts).
 */
export class KeyInstancesNode extends GroupNode {
  constructor(override readonly parent: KeyNode, private readonly roles: KeyRolesNode) {
    super(parent, 'instances', vscode.l10n.t('Instances that can use this key'), 'vm', 'kmsKeyInstances');
  }

  async getChildren(): Promise<TreeNode[]> {
    const scan = await this.roles.startScan();
    await scan.finished;
    if (scan.error !== undefined) return [this.parent.tree.errorNode(this, scan.error)];
    const roleNames = [...new Set(scan.found.map((u) => u.roleName))];
    if (roleNames.length === 0) return [new MessageNode(this, 'none', vscode.l10n.t('No role can use this key, so no instance can'))];
    return attachedInstanceNodes(this, this.parent.tree, roleNames, () => [
      new MessageNode(this, 'none', vscode.l10n.t('No instance has a role that can use this key ({0} roles can)', roleNames.length)),
    ], { showRole: true, key: { regionId: this.parent.regionId, keyId: this.parent.keyId } });
  }
}
