import * as vscode from 'vscode';
import { KMS_ACTIONS } from '../../policy/actions';
import { grantedActions } from '../../policy/evaluator';
import type { AttachedPolicy } from '../../session/rolePolicies';
import { GroupNode } from '../common/groupNode';
import { MessageNode } from '../common/messageNodes';
import { PolicyVersionNode } from './policyVersionNode';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import type { RoleNode } from './roleNode';
import { COMMAND } from '../../commandIds';
import { mdCode, mdText } from '../common/markdown';

/** "Permissions": the policies attached to the role; those granting KMS actions say which. */
export class PermissionsNode extends GroupNode {
  constructor(override readonly parent: RoleNode) {
    super(parent, 'permissions', vscode.l10n.t('Permissions'), 'law', 'rolePermissions');
  }

  async getChildren(): Promise<TreeNode[]> {
    const attached = await this.parent.tree.policies.attachedPolicies(this.parent.roleName);
    if (attached.length === 0) {
      return [
        new MessageNode(this, 'none', vscode.l10n.t('No policies attached: grant KMS access'), {
          command: COMMAND.grantKmsAccess,
          title: vscode.l10n.t('Grant KMS Access'),
          arguments: [this.parent.ref],
        }),
      ];
    }
    return attached.map((a) => new PolicyNode(this, a));
  }
}

export class PolicyNode implements TreeNode {
  readonly id: string;
  readonly ref: NodeRef;
  readonly kmsActions: string[];

  constructor(
    readonly parent: PermissionsNode,
    readonly attached: AttachedPolicy,
  ) {
    this.id = `${parent.id}/${attached.policy.policyType}/${attached.policy.policyName}`;
    this.ref = { kind: 'policy', policyName: attached.policy.policyName, policyType: attached.policy.policyType, roleName: parent.parent.roleName };
    // Actions granted on any resource (a key-scoped Allow counts), not only on `*`.
    this.kmsActions = attached.document ? grantedActions([attached.document], KMS_ACTIONS).map((g) => g.action) : [];
  }

  getTreeItem(): vscode.TreeItem {
    const { policy } = this.attached;
    // A custom policy lists its versions (open one, make one the default); a system policy has nothing to edit.
    const item = new vscode.TreeItem(policy.policyName, policy.policyType === 'Custom' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const type = policy.policyType === 'System' ? vscode.l10n.t('System') : vscode.l10n.t('Custom');
    item.description = this.kmsActions.length > 0 ? `${type} · ${vscode.l10n.t('KMS: {0}', summarize(this.kmsActions))}` : type;
    item.iconPath = new vscode.ThemeIcon(this.kmsActions.length > 0 ? 'key' : 'symbol-property');
    item.contextValue = `ramPolicy:${policy.policyType.toLowerCase()}${this.kmsActions.length > 0 ? ':kms' : ''}`;
    const tooltip = new vscode.MarkdownString(`**${mdText(policy.policyName)}** ${mdText(`(${type})`)}\n\n`);
    if (policy.description) tooltip.appendText(`${policy.description}\n\n`);
    if (this.kmsActions.length > 0) tooltip.appendMarkdown(`${mdText(vscode.l10n.t('Grants KMS actions:'))} ${this.kmsActions.map(mdCode).join(', ')}`);
    if (this.attached.problem) tooltip.appendText(`\n\n${this.attached.problem}`);
    item.tooltip = tooltip;
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const { policy } = this.attached;
    const versions = await this.parent.parent.tree.services.ram.listPolicyVersions(policy.policyName, policy.policyType);
    return versions.map((v) => new PolicyVersionNode(this, policy.policyName, v));
  }
}

function summarize(actions: string[]): string {
  return actions.length > 3 ? `${actions.slice(0, 3).join(', ')} +${actions.length - 3}` : actions.join(', ');
}
