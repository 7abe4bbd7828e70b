import * as vscode from 'vscode';
import type { CloudServices, RamRole } from '../../cloud/types';
import type { AssumeCheck } from '../../policy/trustPolicy';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import type { RolePolicyReader } from '../../session/rolePolicies';
import { PermissionsNode } from './permissionsNode';
import { RoleInstancesNode } from './roleInstancesNode';
import { TrustPolicyNode } from './trustPolicyNode';
import { mdCode, mdText } from '../common/markdown';

/** What a role node and its children need from their tree. */
export interface RoleTreeContext {
  readonly services: CloudServices;
  readonly policies: RolePolicyReader;
  errorNode(parent: TreeNode, error: unknown, scope?: string): TreeNode;
}

/** One RAM role. Its id is the role ARN, so selection survives a refresh. */
export class RoleNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;
  readonly ref: NodeRef;
  readonly roleName: string;

  constructor(
    readonly tree: RoleTreeContext,
    public role: RamRole,
    /** Undefined while the trust policy could not be read. */
    public trust: AssumeCheck | undefined,
    /** True while the trust policy is still being read (rows below the first screen). */
    public checking = false,
  ) {
    this.id = role.arn;
    this.roleName = role.roleName;
    this.ref = { kind: 'role', roleName: role.roleName };
  }

  /**
   * The verdict arrived: the same node shows it when its row is repainted (VS Code asks the node it holds
   * for its item again, so the row is updated in place and a menu open on it keeps its node).
   */
  settle(role: RamRole, trust: AssumeCheck | undefined, checking: boolean): void {
    this.role = role;
    this.trust = trust;
    this.checking = checking;
  }

  get ecsCanAssume(): boolean {
    return this.trust?.canAssume === true;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.role.roleName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.role.description;
    item.contextValue = `ramRole:${this.checking ? 'checking' : this.ecsCanAssume ? 'ecsTrusted' : 'notEcsTrusted'}`;
    // Theme icons on from the start, so appendText escapes `$(` in cloud text too.
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${mdText(this.role.roleName)}**\n\n`);
    if (this.role.description) tooltip.appendText(`${this.role.description}\n\n`);
    tooltip.appendMarkdown(`ARN: ${mdCode(this.role.arn)}\n\n`);
    if (this.role.createDate) tooltip.appendMarkdown(`${vscode.l10n.t('Created: {0}', mdText(this.role.createDate))}\n\n`);
    if (this.role.maxSessionDuration) tooltip.appendMarkdown(`${vscode.l10n.t('Max session duration: {0} s', this.role.maxSessionDuration)}\n\n`);
    if (!this.trust) {
      item.iconPath = new vscode.ThemeIcon(this.checking ? 'loading~spin' : 'person');
      if (this.checking) tooltip.appendMarkdown(vscode.l10n.t('Checking whether ECS can assume this role…'));
    } else if (!this.trust.canAssume) {
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.description = vscode.l10n.t('ECS cannot assume');
      tooltip.appendMarkdown(`$(warning) ${vscode.l10n.t(this.trust.reason.template, ...this.trust.reason.args.map(mdText))}`);
    } else {
      item.iconPath = new vscode.ThemeIcon('verified', new vscode.ThemeColor('charts.green'));
      if (this.trust.conditional) tooltip.appendMarkdown(`$(info) ${vscode.l10n.t(this.trust.reason.template, ...this.trust.reason.args.map(mdText))}`);
      else tooltip.appendMarkdown(vscode.l10n.t('ECS instances can assume this role.'));
    }
    item.tooltip = tooltip;
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return [new TrustPolicyNode(this), new PermissionsNode(this), new RoleInstancesNode(this)];
  }
}
