import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import { instancesWithRoles, type AttachedInstance } from '../../session/instancesWithRoles';
import { COMMAND } from '../../commandIds';
import { MessageNode } from './messageNodes';
import type { KeyRefData, NodeRef } from './nodeRef';
import type { TreeNode } from './treeNode';

/** What the instance rows need from their tree. */
export interface AttachedInstancesTree {
  readonly services: CloudServices;
  errorNode(parent: TreeNode, error: unknown, scope?: string): TreeNode;
}

/**
 * The rows of "Instances" under a role (Roles view), under a role that can use a key, and of "Instances
 * that can use this key" (Keys view): every instance in any region that has one of `roleNames`, a failed
 * region as an error row among them, sorted by region and id. `empty` when no instance has the roles.
 */
export async function attachedInstanceNodes(
  parent: TreeNode, tree: AttachedInstancesTree, roleNames: readonly string[], empty: () => TreeNode[], options: { showRole?: boolean; key?: KeyRefData } = {},
): Promise<TreeNode[]> {
  const rows: AttachedInstanceNode[] = [];
  const errors: TreeNode[] = [];
  for await (const outcome of instancesWithRoles(tree.services, roleNames)) {
    if (!outcome.ok) errors.push(tree.errorNode(parent, outcome.error, outcome.regionId));
    else rows.push(...outcome.value.map((attached) => new AttachedInstanceNode(parent, attached, options.showRole === true, options.key)));
  }
  if (rows.length === 0 && errors.length === 0) return empty();
  return [...errors, ...rows.sort((a, b) => a.id.localeCompare(b.id))];
}

/** The row of a role no instance has, with the fix: Attach to Instances. */
export function notAttachedNode(parent: TreeNode, role: NodeRef): TreeNode {
  return new MessageNode(parent, 'none', vscode.l10n.t('Not attached to any instance: attach it'), {
    command: COMMAND.attachRole,
    title: vscode.l10n.t('Attach to Instances'),
    arguments: [role],
  });
}

/** An instance that has a role: Detach Role and the instance's commands act on it through its ref. */
export class AttachedInstanceNode implements TreeNode {
  readonly id: string;
  /** Names the instance only: commands describe it (DescribeInstances) when they need more. */
  readonly ref: NodeRef;
  readonly regionId: string;
  readonly instanceId: string;

  constructor(
    readonly parent: TreeNode,
    readonly attached: AttachedInstance,
    private readonly showRole: boolean,
    /** The key the row is listed under: Explain Access then explains this instance and that key. */
    key?: KeyRefData,
  ) {
    this.regionId = attached.regionId;
    this.instanceId = attached.instanceId;
    this.id = `${parent.id}/${attached.regionId}/${attached.instanceId}`;
    this.ref = { kind: 'instance', regionId: attached.regionId, instanceId: attached.instanceId, ...(key ? { key } : {}) };
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.attached;
    const item = new vscode.TreeItem(a.instanceName ? `${a.instanceName} (${a.instanceId})` : a.instanceId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.showRole ? `${a.regionId} · ${a.ramRoleName}` : a.regionId;
    item.iconPath = new vscode.ThemeIcon('vm');
    item.contextValue = 'roleInstance';
    return item;
  }
}
