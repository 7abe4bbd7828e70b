import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import type { CloudSession } from '../../session/cloudSession';
import { RolePolicyReader } from '../../session/rolePolicies';
import { CloudTreeProvider } from '../common/cloudTreeProvider';
import { LoadMoreNode, MessageNode } from '../common/messageNodes';
import { PagedList } from '../common/pagedList';
import type { TreeNode } from '../common/treeNode';
import { RoleNode, type RoleTreeContext } from './roleNode';
import { RoleTrustReader, type LoadedRole } from './roleTrustReader';
import { SHOW_SERVICE_LINKED_SETTING, ServiceLinkedRolesNode } from './serviceLinkedRolesNode';
import { isServiceLinkedRole } from '../../session/keyRoleScan';
import { COMMAND } from '../../commandIds';

export const ROLES_PAGE_SIZE = 100;

/** The RAM Roles view: one node per role, marked when ECS cannot assume it. */
export class RolesTreeProvider extends CloudTreeProvider {
  private state: {
    services: CloudServices; list: PagedList<LoadedRole>; context: RoleTreeContext; trust: RoleTrustReader;
    /** The node handed to VS Code for each listed role: kept, so a verdict repaints that very row. */
    nodes: Map<LoadedRole, RoleNode>;
  } | undefined;

  constructor(session: CloudSession, log: vscode.LogOutputChannel) {
    super('alicloudKms.roles', session, log);
  }

  override refresh(node?: TreeNode): void {
    if (!node) {
      this.state?.trust.stop();
      this.state = undefined;
    }
    super.refresh(node);
  }

  /** The policy reader of the current profile (commands reuse its cached documents). */
  get policies(): RolePolicyReader | undefined {
    return this.state?.context.policies;
  }

  /**
   * The listed roles of `services`' profile with what the view has read of their trust policies (role
   * pickers reuse the verdicts instead of a GetRole each); empty when the view shows another profile.
   */
  loadedRoles(services: CloudServices): readonly LoadedRole[] {
    return this.state?.services === services ? this.state.list.loaded : [];
  }

  protected async getRoots(services: CloudServices): Promise<TreeNode[]> {
    if (this.state?.services !== services) {
      this.state?.trust.stop();
      this.state = this.createState(services);
    }
    const { list, trust } = this.state;
    await list.ensure(list.pageSize);
    const grouped = !vscode.workspace.getConfiguration('alicloudKms').get<boolean>(SHOW_SERVICE_LINKED_SETTING, false);
    // Grouped service-linked roles are not read (their verdict is known: only their service assumes them).
    await trust.read(grouped ? list.loaded.filter(({ role }) => !isServiceLinkedRole(role)) : list.loaded);
    const shown = list.loaded
      .filter(({ role }) => this.matches(role.roleName, role.description, role.arn))
      .map((entry) => this.nodeOf(entry, entry.checking && !(grouped && isServiceLinkedRole(entry.role))));
    const serviceLinked = grouped ? shown.filter((n) => isServiceLinkedRole(n.role)) : [];
    const nodes: TreeNode[] = grouped ? shown.filter((n) => !isServiceLinkedRole(n.role)) : shown;
    if (serviceLinked.length > 0) nodes.push(new ServiceLinkedRolesNode(serviceLinked));
    if (list.loaded.length === 0) {
      return [
        new MessageNode(undefined, 'noRoles', vscode.l10n.t('No RAM roles: create an instance RAM role'), {
          command: COMMAND.createRole,
          title: vscode.l10n.t('Create Instance RAM Role'),
        }),
      ];
    }
    if (nodes.length === 0) nodes.push(new MessageNode(undefined, 'noMatch', vscode.l10n.t('No role matches the filter')));
    if (list.hasMore) nodes.push(new LoadMoreNode(undefined, () => void list.loadNextPage().then(() => super.refresh())));
    return nodes;
  }

  private nodeOf(entry: LoadedRole, checking: boolean): RoleNode {
    const { nodes, context } = this.state!;
    let node = nodes.get(entry);
    if (!node) nodes.set(entry, (node = new RoleNode(context, entry.role, entry.trust, checking)));
    else node.settle(entry.role, entry.trust, checking);
    return node;
  }

  /** Verdicts arrived in the background: their rows, if shown, are repainted; nothing else is. */
  private onVerdicts(settled: readonly LoadedRole[]): void {
    const nodes = this.state?.nodes;
    if (!nodes) return;
    const shown = settled.flatMap((entry) => {
      const node = nodes.get(entry);
      if (!node) return [];
      node.settle(entry.role, entry.trust, entry.checking);
      return [node];
    });
    this.repaintRows(shown);
  }

  private createState(services: CloudServices) {
    const context: RoleTreeContext = {
      services,
      policies: new RolePolicyReader(services),
      errorNode: (parent, error, scope) => this.errorNode(parent, error, scope),
    };
    // ListRoles carries no trust policy: the reader adds the verdicts (first screen first, the rest lazily).
    const listed = async function* (): AsyncIterable<LoadedRole> {
      for await (const role of services.ram.listRoles({ pageSize: ROLES_PAGE_SIZE })) yield { role, checking: true };
    };
    const trust = new RoleTrustReader(services, (settled) => this.onVerdicts(settled));
    return { services, list: new PagedList(listed, ROLES_PAGE_SIZE), context, trust, nodes: new Map<LoadedRole, RoleNode>() };
  }
}
