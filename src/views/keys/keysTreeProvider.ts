import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import type { CloudSession } from '../../session/cloudSession';
import { RolePolicyReader } from '../../session/rolePolicies';
import { CloudTreeProvider } from '../common/cloudTreeProvider';
import { MessageNode } from '../common/messageNodes';
import type { TreeNode } from '../common/treeNode';
import { hasAny, regionsToShow } from '../regions';
import { KmsRegionNode } from './kmsRegionNode';

/** The KMS Keys & Secrets view: regions with keys or secrets, then keys, aliases, roles and secrets. */
export class KeysTreeProvider extends CloudTreeProvider {
  private roots: { services: CloudServices; nodes: TreeNode[] } | undefined;

  constructor(session: CloudSession, log: vscode.LogOutputChannel) {
    super('alicloudKms.keys', session, log);
  }

  override refresh(node?: TreeNode): void {
    if (!node) this.roots = undefined;
    super.refresh(node);
  }

  protected async getRoots(services: CloudServices): Promise<TreeNode[]> {
    if (this.roots?.services === services) return this.roots.nodes;
    const policies = new RolePolicyReader(services);
    const { regions, failures } = await regionsToShow(
      services,
      async (regionId) =>
        (await hasAny(services.kms(regionId).listKeys({ pageSize: 1 }))) || hasAny(services.kms(regionId).listSecrets({ pageSize: 1 })),
    );
    const nodes: TreeNode[] = regions.map(
      (regionId) =>
        new KmsRegionNode({
          services,
          regionId,
          kms: services.kms(regionId),
          policies,
          matches: (...fields) => this.matches(...fields),
          refresh: (node) => super.refresh(node),
          errorNode: (parent, error, scope) => this.errorNode(parent, error, scope),
        }),
    );
    for (const failure of failures) if (!failure.ok) nodes.push(this.errorNode(undefined, failure.error, failure.regionId));
    if (nodes.length === 0) nodes.push(new MessageNode(undefined, 'noKeys', vscode.l10n.t('No KMS keys or secrets in any region')));
    this.roots = { services, nodes };
    return nodes;
  }
}
