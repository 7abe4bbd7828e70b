import * as vscode from 'vscode';
import type { TreeNode } from '../common/treeNode';
import type { RoleNode } from './roleNode';

/** The setting that shows service-linked roles inline instead of under this node. */
export const SHOW_SERVICE_LINKED_SETTING = 'showServiceLinkedRoles';

/**
 * "Service-linked roles (N)": the AliyunServiceRoleFor… roles of the loaded pages, collapsed under one
 * node. A real account has hundreds of them; only their service can assume them (no instance can use
 * one), so they would bury the roles a user works with. Their trust policies are not read (no GetRole).
 */
export class ServiceLinkedRolesNode implements TreeNode {
  readonly id = 'alicloudKms.roles/serviceLinked';
  readonly parent = undefined;

  constructor(private readonly roles: readonly RoleNode[]) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Service-linked roles ({0})', this.roles.length), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('gear');
    item.tooltip = vscode.l10n.t('Roles that an Alibaba Cloud service created for itself (AliyunServiceRoleFor…): only that service can assume them, so no ECS instance can use one. Setting alicloudKms.showServiceLinkedRoles shows them inline.');
    item.contextValue = 'serviceLinkedRoles';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return [...this.roles];
  }
}
