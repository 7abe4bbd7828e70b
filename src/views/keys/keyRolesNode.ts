import * as vscode from 'vscode';
import { keyArn } from '../../policy/arn';
import type { KeyUser } from '../../policy/keyAccess';
import { callerIdentity } from '../../session/callerIdentity';
import { KeyRoleScan } from '../../session/keyRoleScan';
import { attachedInstanceNodes, notAttachedNode } from '../common/attachedInstanceNodes';
import { GroupNode } from '../common/groupNode';
import { MessageNode } from '../common/messageNodes';
import type { NodeRef } from '../common/nodeRef';
import type { TreeNode } from '../common/treeNode';
import type { KeyNode } from './keyNode';
import { COMMAND } from '../../commandIds';
import { localize } from '../../util/localize';

const REPAINT_MS = 250;
/** A small account's scan ends within this: its list shows complete, without a "checking" row. */
const FIRST_WAIT_MS = 3000;

/**
 * "Roles that can use this key": every role whose attached policies allow kms:Encrypt, kms:Decrypt
 * or kms:GenerateDataKey on the key's ARN, evaluated from the policy documents (the reverse view).
 * Over a large account the scan takes a while under RAM's rate limit: roles appear as they are
 * found, with a "checking" row until the scan ends.
 */
export class KeyRolesNode extends GroupNode {
  private scan: KeyRoleScan | undefined;
  private scanStarted: Promise<KeyRoleScan> | undefined;
  private repaint: ReturnType<typeof setTimeout> | undefined;

  constructor(override readonly parent: KeyNode) {
    super(parent, 'roles', vscode.l10n.t('Roles that can use this key'), 'organization', 'kmsKeyRoles');
  }

  /** The scan of every role, started once (the first expand of this node or of "Instances that can use this key"). */
  startScan(): Promise<KeyRoleScan> {
    this.scanStarted ??= (async () => {
      const { services, policies } = this.parent.tree;
      const account = (await callerIdentity(services)).accountId;
      const resource = this.parent.key.arn ?? keyArn(this.parent.regionId, account, this.parent.keyId);
      this.scan = new KeyRoleScan(services, policies, resource, () => this.repaintSoon());
      return this.scan;
    })();
    this.scanStarted.catch(() => (this.scanStarted = undefined));
    return this.scanStarted;
  }

  async getChildren(): Promise<TreeNode[]> {
    if (!this.scan) {
      const started = await this.startScan();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([started.finished, new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_WAIT_MS)))]);
      clearTimeout(timer);
    }
    const scan = this.scan!;
    const nodes: TreeNode[] = [...scan.found].sort((a, b) => a.roleName.localeCompare(b.roleName)).map((user) => new KeyRoleNode(this, user));
    if (scan.error !== undefined) nodes.push(this.parent.tree.errorNode(this, scan.error));
    else if (!scan.done) {
      nodes.push(new MessageNode(this, 'scanning', vscode.l10n.t('Checking roles: {0} checked of {1} listed so far…', scan.checked, scan.listed), undefined, 'loading~spin'));
    } else if (nodes.length === 0) {
      nodes.push(new MessageNode(this, 'none', vscode.l10n.t('No role can use this key: grant a role access'), {
        command: COMMAND.grantKmsAccess,
        title: vscode.l10n.t('Grant KMS Access'),
        arguments: [this.parent.ref],
      }));
    }
    return nodes;
  }

  /** Resolves when every role has been checked (tests and benchmarks wait for it). */
  async scanned(): Promise<void> {
    await this.scan?.finished;
  }

  private repaintSoon(): void {
    if (this.scan?.done) {
      if (this.repaint) clearTimeout(this.repaint);
      this.repaint = undefined;
      this.parent.tree.refresh(this);
      return;
    }
    this.repaint ??= setTimeout(() => {
      this.repaint = undefined;
      this.parent.tree.refresh(this);
    }, REPAINT_MS);
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
    const item = new vscode.TreeItem(this.roleName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    // "allowed if" with the condition in words: which key, operator and values (any one line allows).
    const maybe = this.user.conditionalActions.map((a) => vscode.l10n.t('{0} (allowed if {1})', a,
      (this.user.allowedIf[a] ?? []).map((lines) => lines.map((m) => localize(m)).join(` ${vscode.l10n.t('and')} `)).join(` ${vscode.l10n.t('or')} `)));
    item.description = [...this.user.actions, ...maybe].join(', ');
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = 'kmsKeyRole';
    return item;
  }

  /** The instances that have this role: they can use the key through it (key → roles → instances). */
  getChildren(): Promise<TreeNode[]> {
    return attachedInstanceNodes(this, this.parent.parent.tree, [this.roleName], () => [notAttachedNode(this, this.ref)], { key: { regionId: this.parent.parent.regionId, keyId: this.parent.parent.keyId } });
  }
}
