import * as vscode from 'vscode';
import type { CloudServices, RamRole } from '../../cloud/types';
import { parsePolicyDocument } from '../../policy/policyDocument';
import { canServiceAssume, type AssumeCheck } from '../../policy/trustPolicy';
import type { CloudSession } from '../../session/cloudSession';
import { RolePolicyReader } from '../../session/rolePolicies';
import { mapLimit } from '../../util/mapLimit';
import { CloudTreeProvider } from '../common/cloudTreeProvider';
import { LoadMoreNode, MessageNode } from '../common/messageNodes';
import { PagedList } from '../common/pagedList';
import type { TreeNode } from '../common/treeNode';
import { RoleNode, type RoleTreeContext } from './roleNode';
import { COMMAND } from '../../commandIds';

export const ROLES_PAGE_SIZE = 100;

interface LoadedRole {
  readonly role: RamRole;
  readonly trust?: AssumeCheck;
}

/** The RAM Roles view: one node per role, marked when ECS cannot assume it. */
export class RolesTreeProvider extends CloudTreeProvider {
  private state: { services: CloudServices; list: PagedList<LoadedRole>; context: RoleTreeContext } | undefined;

  constructor(session: CloudSession, log: vscode.LogOutputChannel) {
    super('alicloudKms.roles', session, log);
  }

  override refresh(node?: TreeNode): void {
    if (!node) this.state = undefined;
    super.refresh(node);
  }

  /** The policy reader of the current profile (commands reuse its cached documents). */
  get policies(): RolePolicyReader | undefined {
    return this.state?.context.policies;
  }

  protected async getRoots(services: CloudServices): Promise<TreeNode[]> {
    if (this.state?.services !== services) this.state = this.createState(services);
    const { list, context } = this.state;
    await list.ensure(list.pageSize);
    const nodes: TreeNode[] = list.loaded
      .filter(({ role }) => this.matches(role.roleName, role.description, role.arn))
      .map(({ role, trust }) => new RoleNode(context, role, trust));
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
    // ListRoles does not return trust policies: read them page by page so a role ECS cannot assume is marked.
    const withTrust = async function* (): AsyncIterable<LoadedRole> {
      const page: RamRole[] = [];
      const flush = () => mapLimit(page.splice(0), 8, (role) => readTrust(services, role));
      for await (const role of services.ram.listRoles({ pageSize: ROLES_PAGE_SIZE })) {
        page.push(role);
        if (page.length === ROLES_PAGE_SIZE) yield* await flush();
      }
      yield* await flush();
    };
    return { services, list: new PagedList(withTrust, ROLES_PAGE_SIZE), context };
  }
}

async function readTrust(services: CloudServices, role: RamRole): Promise<LoadedRole> {
  try {
    const full = role.assumeRolePolicyDocument ? role : await services.ram.getRole(role.roleName);
    const document = full.assumeRolePolicyDocument;
    return { role: full, trust: document ? canServiceAssume(parsePolicyDocument(document)) : undefined };
  } catch {
    // The role still shows; its tooltip just lacks the trust verdict.
    return { role };
  }
}
