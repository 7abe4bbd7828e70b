import * as vscode from 'vscode';
import type { CloudServices } from '../cloud/types';
import type { Prompter } from './prompter';
import { UserCancelledError } from './runCommand';

// Quick picks used when a command runs from the palette without a node.

export async function pickRole(ui: Prompter, services: CloudServices, title = vscode.l10n.t('Select a RAM role')): Promise<string> {
  const items = (async () => {
    const roles: vscode.QuickPickItem[] = [];
    for await (const role of services.ram.listRoles()) roles.push({ label: role.roleName, description: role.description });
    return roles;
  })();
  const picked = await ui.showQuickPick(items, { title, matchOnDescription: true });
  if (!picked) throw new UserCancelledError();
  return picked.label;
}

export async function pickRegion(ui: Prompter, services: CloudServices, title = vscode.l10n.t('Select a region')): Promise<string> {
  const regions = services.ecs.describeRegions().then((list) =>
    list.map((r) => ({ label: r.regionId, description: r.localName, picked: r.regionId === services.regionId })),
  );
  const picked = await ui.showQuickPick(regions, { title, matchOnDescription: true });
  if (!picked) throw new UserCancelledError();
  return picked.label;
}
