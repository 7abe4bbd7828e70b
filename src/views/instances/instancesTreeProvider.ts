import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import type { CloudSession } from '../../session/cloudSession';
import { CloudTreeProvider } from '../common/cloudTreeProvider';
import { MessageNode } from '../common/messageNodes';
import type { TreeNode } from '../common/treeNode';
import { hasAny, regionsToShow } from '../regions';
import { InstanceRegionNode, type InstanceTreeContext } from './instanceRegionNode';
import { COMMAND } from '../../commandIds';
import type { RegionWithInstances } from '../common/explorerKnowledge';

/** The ECS Instances view: regions (chosen, or discovered by fan-out), then their instances. */
export class InstancesTreeProvider extends CloudTreeProvider {
  /** `discovered`: the regions are those where the fan-out found instances (not the user's chosen ones). */
  private roots: { services: CloudServices; nodes: TreeNode[]; discovered: boolean } | undefined;

  constructor(session: CloudSession, log: vscode.LogOutputChannel) {
    super('alicloudKms.instances', session, log);
  }

  override refresh(node?: TreeNode): void {
    if (!node) this.roots = undefined;
    super.refresh(node);
  }

  /**
   * The regions this view knows have instances, for `services`' profile: those the discovery found (or a
   * chosen region once it listed some), with the count listed so far. Empty before the view has loaded.
   */
  regionsWithInstances(services: CloudServices): RegionWithInstances[] {
    if (this.roots?.services !== services) return [];
    const discovered = this.roots.discovered;
    return this.roots.nodes.filter((n): n is InstanceRegionNode => n instanceof InstanceRegionNode).flatMap((node) => {
      const listed = node.listed;
      if (listed ? listed.count === 0 : !discovered) return [];
      return [{ regionId: node.regionId, instances: listed?.count, more: listed?.more }];
    });
  }

  protected async getRoots(services: CloudServices): Promise<TreeNode[]> {
    if (this.roots?.services === services) return this.roots.nodes;
    const context: InstanceTreeContext = {
      services,
      matches: (...fields) => this.matches(...fields),
      refresh: (node) => super.refresh(node),
    };
    const { regions, failures, chosen } = await regionsToShow(services, (regionId) =>
      hasAny(services.ecs.listInstances(regionId, { pageSize: 1, includeRamRoles: false })),
    );
    const nodes: TreeNode[] = regions.map((regionId) => new InstanceRegionNode(context, regionId));
    for (const failure of failures) if (!failure.ok) nodes.push(this.errorNode(undefined, failure.error, failure.regionId));
    if (nodes.length === 0) {
      nodes.push(
        new MessageNode(undefined, 'noInstances', vscode.l10n.t('No ECS instances in any region: create one with a role'), {
          command: COMMAND.createInstanceWithRole,
          title: vscode.l10n.t('Create Instance with Role'),
        }),
      );
    }
    this.roots = { services, nodes, discovered: !chosen };
    return nodes;
  }
}
