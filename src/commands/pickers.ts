// Quick picks used when a command runs from the palette without a node. No vscode value import: the
// wizard steps that call them are unit-tested without VS Code, so every caller passes its (localized) title.
import type * as vscode from 'vscode';
import type { CloudServices } from '../cloud/types';
import { isServiceLinkedRole } from '../session/keyRoleScan';
import { UserCancelledError } from './cancelled';
import type { Prompter } from './prompter';

/**
 * `instanceRoles`: the pick is for a role an instance will use (attach, grant, launch, trust ECS), so
 * service-linked roles (AliyunServiceRoleFor…, assumable only by their own service) are not offered.
 */
export async function pickRole(ui: Prompter, services: Pick<CloudServices, 'ram'>, title: string, options: { instanceRoles?: boolean } = {}): Promise<string> {
  const items = (async () => {
    const roles: vscode.QuickPickItem[] = [];
    for await (const role of services.ram.listRoles()) {
      if (options.instanceRoles && isServiceLinkedRole(role)) continue;
      roles.push({ label: role.roleName, description: role.description });
    }
    return roles;
  })();
  const picked = await ui.showQuickPick(items, { title, matchOnDescription: true });
  if (!picked) throw new UserCancelledError();
  return picked.label;
}

/** The profile's region first (the likely answer, preselected), then DescribeRegions' order. */
export async function pickRegion(ui: Prompter, services: Pick<CloudServices, 'ecs' | 'regionId'>, title: string): Promise<string> {
  const regions = services.ecs.describeRegions().then((list) => {
    const mine = list.filter((r) => r.regionId === services.regionId);
    return [...mine, ...list.filter((r) => r.regionId !== services.regionId)]
      .map((r) => ({ label: r.regionId, description: r.localName, picked: r.regionId === services.regionId }));
  });
  const picked = await ui.showQuickPick(regions, { title, matchOnDescription: true });
  if (!picked) throw new UserCancelledError();
  return picked.label;
}
