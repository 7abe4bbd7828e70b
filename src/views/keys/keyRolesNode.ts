import * as vscode from 'vscode';
import { keyArn } from '../../policy/arn';
import { rolesThatCanUseKey, type KeyUser } from '../../policy/keyAccess';
import { callerIdentity } from '../../session/callerIdentity';
import { mapLimit } from '../../util/mapLimit';
import { GroupNode } from '../common/groupNode';
import { MessageNode } from '../common/messageNodes';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import type { KeyNode } from './keyNode';
import { COMMAND } from '../../commandIds';

/**
 * "Roles that can use this key": every role whose attached policies allow kms:Encrypt, kms:Decrypt
 * or kms:GenerateDataKey on the key's ARN, evaluated from the policy documents (the reverse view).
 */
export class KeyRolesNode extends GroupNode {
  constructor(override readonly parent: KeyNode) {
    super(parent, 'roles', vscode.l10n.t('Roles that can use this key'), 'organization', 'kmsKeyRoles');
  }

  async getChildren(): Promise<TreeNode[]> {
    const { services, policies } = this.parent.tree;
    const account = (await callerIdentity(services)).accountId;
    const resource = this.parent.key.arn ?? keyArn(this.parent.regionId, account, this.parent.keyId);
    const roleNames: string[] = [];
    for await (const role of services.ram.listRoles()) roleNames.push(role.roleName);
    const roles = await mapLimit(roleNames, 8, async (roleName) => ({ roleName, documents: await policies.documentsOf(roleName) }));
    const users = rolesThatCanUseKey(roles, resource);
    if (users.length === 0) {
      return [
        new MessageNode(this, 'none', vscode.l10n.t('No role can use this key: grant a role access'), {
          command: COMMAND.grantKmsAccess,
          title: vscode.l10n.t('Grant KMS Access'),
          arguments: [this.parent.ref],
        }),
      ];
    }
    return users.map((user) => new KeyRoleNode(this, user));
  }
}

export class KeyRoleNode implements TreeNode {
  readonly id: string;
  readonly ref: NodeRef;
  readonly roleName: string;

  constructor(
    readonly parent: KeyRolesNode,
    readonly user: KeyUser,
  ) {
    this.roleName = user.roleName;
    this.id = `${parent.id}/${user.roleName}`;
    this.ref = { kind: 'role', roleName: user.roleName, key: { regionId: parent.parent.regionId, keyId: parent.parent.keyId } };
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.roleName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const maybe = this.user.conditionalActions.map((a) => vscode.l10n.t('{0} (under a condition)', a));
    item.description = [...this.user.actions, ...maybe].join(', ');
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = 'kmsKeyRole';
    return item;
  }
}
