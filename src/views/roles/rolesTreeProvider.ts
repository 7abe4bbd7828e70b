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
  private state: { services: CloudServices; list: PagedList<LoadedRole>; context: RoleTreeContext; trust: RoleTrustReader } | undefined;

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
    const { list, context, trust } = this.state;
    await list.ensure(list.pageSize);
    const grouped = !vscode.workspace.getConfiguration('alicloudKms').get<boolean>(SHOW_SERVICE_LINKED_SETTING, false);
    // Grouped service-linked roles are not read (their verdict is known: only their service assumes them).
    await trust.read(grouped ? list.loaded.filter(({ role }) => !isServiceLinkedRole(role)) : list.loaded);
    const shown = list.loaded
      .filter(({ role }) => this.matches(role.roleName, role.description, role.arn))
      .map(({ role, trust: verdict, checking }) => new RoleNode(context, role, verdict, checking && !(grouped && isServiceLinkedRole(role))));
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
    // Repaint the whole tree (cheap: no calls); node ids are ARNs, so selection and expansion survive.
    const trust = new RoleTrustReader(services, () => super.refresh());
    return { services, list: new PagedList(listed, ROLES_PAGE_SIZE), context, trust };
  }
}
