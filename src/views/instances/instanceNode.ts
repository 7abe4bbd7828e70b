import * as vscode from 'vscode';
import type { EcsInstance } from '../../cloud/types';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import { mdCode, mdText } from '../common/markdown';

/** One ECS instance. contextValue `ecsInstance:<status>:<withRole|noRole>:<vpc|classic>` for the menus. */
export class InstanceNode implements TreeNode {
  readonly id: string;
  readonly ref: NodeRef;
  readonly instanceId: string;
  readonly regionId: string;
  readonly roleName: string | undefined;

  constructor(
    readonly parent: TreeNode | undefined,
    readonly instance: EcsInstance,
  ) {
    this.id = instance.instanceId;
    this.instanceId = instance.instanceId;
    this.regionId = instance.regionId;
    this.roleName = instance.ramRoleName;
    this.ref = { kind: 'instance', regionId: instance.regionId, instanceId: instance.instanceId, instance };
  }

  get isClassic(): boolean {
    return this.instance.networkType.toLowerCase() === 'classic';
  }

  getTreeItem(): vscode.TreeItem {
    const i = this.instance;
    const item = new vscode.TreeItem(i.instanceName ? `${i.instanceName}` : i.instanceId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const parts = [i.instanceName ? i.instanceId : undefined, i.status, i.privateIpAddress, i.ramRoleName ? vscode.l10n.t('role {0}', i.ramRoleName) : undefined];
    if (this.isClassic) parts.push(vscode.l10n.t('classic network'));
    item.description = parts.filter(Boolean).join(' · ');
    const running = i.status.toLowerCase() === 'running';
    item.iconPath = this.isClassic
      ? new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(running ? 'vm-running' : 'vm', running ? new vscode.ThemeColor('charts.green') : undefined);
    item.contextValue = `ecsInstance:${i.status.toLowerCase()}:${i.ramRoleName ? 'withRole' : 'noRole'}:${this.isClassic ? 'classic' : 'vpc'}`;
    // Theme icons on from the start, so appendText escapes `$(` in cloud text too.
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${mdText(i.instanceName ?? i.instanceId)}** ${mdCode(i.instanceId)}\n\n`);
    const rows: [string, string | undefined][] = [
      [vscode.l10n.t('Status'), i.status],
      [vscode.l10n.t('Region / zone'), [i.regionId, i.zoneId].filter(Boolean).join(' / ')],
      [vscode.l10n.t('Network'), this.isClassic ? vscode.l10n.t('classic') : `VPC ${i.vpcId ?? ''}`],
      [vscode.l10n.t('Private IP'), i.privateIpAddress],
      [vscode.l10n.t('Public IP'), i.publicIpAddress],
      [vscode.l10n.t('Instance type'), i.instanceType],
      [vscode.l10n.t('RAM role'), i.ramRoleName ?? vscode.l10n.t('none')],
    ];
    for (const [label, value] of rows) if (value) tooltip.appendMarkdown(`${mdText(label)}: ${mdText(value)}  \n`);
    if (this.isClassic) tooltip.appendMarkdown(`\n$(warning) ${vscode.l10n.t('Instance RAM roles work only in a VPC: this classic-network instance cannot have one.')}`);
    item.tooltip = tooltip;
    return item;
  }
}
