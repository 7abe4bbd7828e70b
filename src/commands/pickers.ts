// Quick picks used when a command runs from the palette without a node. No vscode value import: the
// wizard steps that call them are unit-tested without VS Code, so every caller passes its (localized) title.
import type * as vscode from 'vscode';
import type { CloudServices } from '../cloud/types';
import { UserCancelledError } from './cancelled';
import type { RegionWithInstances } from '../views/common/explorerKnowledge';
import { SEPARATOR, type Prompter } from './prompter';
import type { L10n } from './wizard/wizard';

/** Every role (a role command: open, edit, delete, explain). A role for an instance: ./instanceRolePicker.ts. */
export async function pickRole(ui: Prompter, services: Pick<CloudServices, 'ram'>, title: string): Promise<string> {
  const items = (async () => {
    const roles: vscode.QuickPickItem[] = [];
    for await (const role of services.ram.listRoles()) roles.push({ label: role.roleName, description: role.description });
    return roles;
  })();
  const picked = await ui.showQuickPick(items, { title, matchOnDescription: true });
  if (!picked) throw new UserCancelledError();
  return picked.label;
}

/** Regions the explorer knows have instances, for the region pick of commands that act on instances. */
export interface InstanceRegions {
  readonly l10n: L10n;
  readonly known: readonly RegionWithInstances[];
}

/**
 * The profile's region first (the likely answer, preselected), then DescribeRegions' order. With
 * `instances` (Attach, Detach, Replace Role): the regions the ECS Instances view found instances in come
 * first, with how many, the profile's region first among them; the other regions after a separator.
 */
export async function pickRegion(ui: Prompter, services: Pick<CloudServices, 'ecs' | 'regionId'>, title: string, instances?: InstanceRegions): Promise<string> {
  const regions = services.ecs.describeRegions().then((list) => {
    const mine = list.filter((r) => r.regionId === services.regionId);
    const ordered = [...mine, ...list.filter((r) => r.regionId !== services.regionId)];
    const known = new Map((instances?.known ?? []).map((k) => [k.regionId, k]));
    const withInstances = ordered.filter((r) => known.has(r.regionId));
    const item = (r: { regionId: string; localName?: string }, picked: boolean): vscode.QuickPickItem =>
      ({ label: r.regionId, description: [r.localName, instances && countText(instances.l10n, known.get(r.regionId))].filter(Boolean).join(' · '), picked });
    if (!instances || withInstances.length === 0) return ordered.map((r) => item(r, r.regionId === services.regionId));
    const rest = ordered.filter((r) => !known.has(r.regionId));
    return [
      ...withInstances.map((r, n) => item(r, n === 0)),
      ...(rest.length > 0 ? [{ label: instances.l10n.t('Regions without instances in the ECS Instances view'), kind: SEPARATOR }] : []),
      ...rest.map((r) => item(r, false)),
    ];
  });
  const picked = await ui.showQuickPick(regions, { title, matchOnDescription: true });
  if (!picked) throw new UserCancelledError();
  return picked.label;
}

function countText(l10n: L10n, region: RegionWithInstances | undefined): string | undefined {
  if (!region) return undefined;
  if (region.instances === undefined) return l10n.t('has instances');
  return region.more ? l10n.t('{0}+ instances', region.instances) : l10n.t('{0} instance(s)', region.instances);
}
