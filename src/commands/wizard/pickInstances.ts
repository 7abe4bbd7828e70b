import * as vscode from 'vscode';
import type { CloudServices, EcsInstance } from '../../cloud/types';
import type { Prompter } from '../prompter';
import { pickRegion } from '../pickers';
import { UserCancelledError } from '../runCommand';

type InstanceItem = vscode.QuickPickItem & { instance: EcsInstance };

/** One line about an instance for quick picks: status, network, role. */
export function instanceDetail(i: EcsInstance): string {
  const network = i.networkType.toLowerCase() === 'classic' ? vscode.l10n.t('classic network: cannot have a role') : `VPC ${i.vpcId ?? ''}`;
  const role = i.ramRoleName ? vscode.l10n.t('role {0}', i.ramRoleName) : vscode.l10n.t('no role');
  return [i.status, network, role, i.privateIpAddress].filter(Boolean).join(' · ');
}

/**
 * Palette path: a region (unless given), then the instances of that region to act on (multi-select,
 * searchable by name, id, status and role). `only` narrows the list (e.g. instances with a role).
 */
export async function pickInstances(
  ui: Prompter, services: CloudServices,
  options: { title: string; regionId?: string; only?: (i: EcsInstance) => boolean },
): Promise<EcsInstance[]> {
  const regionId = options.regionId ?? (await pickRegion(ui, services));
  const items = (async () => {
    const out: InstanceItem[] = [];
    for await (const instance of services.ecs.listInstances(regionId)) {
      if (options.only && !options.only(instance)) continue;
      out.push({ label: instance.instanceName ?? instance.instanceId, description: instance.instanceId, detail: instanceDetail(instance), instance });
    }
    if (out.length === 0) throw new Error(vscode.l10n.t('No matching ECS instances in {0}.', regionId));
    return out;
  })();
  const picked = await ui.showQuickPick(items, {
    title: options.title, canPickMany: true, matchOnDescription: true, matchOnDetail: true,
    placeHolder: vscode.l10n.t('Select instances in {0} (type to search by name, id or role)', regionId),
  });
  if (!picked || picked.length === 0) throw new UserCancelledError();
  return picked.map((p) => p.instance);
}
