import * as vscode from 'vscode';
import { COMMAND } from '../../commandIds';
import type { RamPolicyVersion } from '../../cloud/types';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';

/** One version of a custom policy: open it read-only, or make it the default. contextValue `ramPolicyVersion:<default|other>`. */
export class PolicyVersionNode implements TreeNode {
  readonly id: string;
  readonly ref: NodeRef;

  constructor(
    readonly parent: TreeNode,
    readonly policyName: string,
    readonly version: RamPolicyVersion,
  ) {
    this.id = `${parent.id}/${version.versionId}`;
    this.ref = { kind: 'policyVersion', policyName, policyType: 'Custom', versionId: version.versionId, isDefault: version.isDefaultVersion };
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.version;
    const item = new vscode.TreeItem(v.versionId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [v.isDefaultVersion ? vscode.l10n.t('default') : undefined, v.createDate].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(v.isDefaultVersion ? 'pass-filled' : 'versions');
    item.contextValue = `ramPolicyVersion:${v.isDefaultVersion ? 'default' : 'other'}`;
    item.command = { command: COMMAND.openPolicyVersion, title: vscode.l10n.t('Open Policy Version'), arguments: [this.ref] };
    return item;
  }
}
