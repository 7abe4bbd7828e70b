// The instances a fleet check runs on, from what it was invoked on: instance nodes (the selection),
// a region node (every instance there), a role node (every instance with that role in the chosen
// regions, else every region), or the palette (a region to pick).
import * as vscode from 'vscode';
import type { CloudServices, EcsInstance } from '../../cloud/types';
import { collect } from '../../cloud/paging';
import { instancesWithRoles } from '../../session/instancesWithRoles';
import { chosenRegions } from '../../views/regions';
import type { NodeRef } from '../../views/common/nodeRef';
import type { CommandContext } from '../commandContext';
import { pickRegion } from '../pickers';

/** The instances by id (listInstances splits the ids into DescribeInstances' 100 per call). */
function byIds(services: CloudServices, regionId: string, ids: readonly string[]): Promise<EcsInstance[]> {
  return collect(services.ecs.listInstances(regionId, { filter: { instanceIds: ids } }));
}

/** Every instance with the role, in the regions chosen for the explorer (else every region); a region that fails fails the check. */
async function withRole(services: CloudServices, roleName: string): Promise<EcsInstance[]> {
  const out: EcsInstance[] = [];
  for await (const outcome of instancesWithRoles(services, [roleName], { regions: chosenRegions() })) {
    if (!outcome.ok) throw outcome.error;
    out.push(...outcome.value.flatMap((a) => (a.instance ? [a.instance] : [])));
  }
  return out;
}

export interface FleetTargets {
  readonly instances: EcsInstance[];
  /** Where the key is looked for first: the region of the node, else of the first instance. */
  readonly regionId: string;
  /** For the report title and the log. */
  readonly label: string;
}

export async function fleetTargets(ctx: CommandContext, services: CloudServices, ref?: NodeRef, refs: readonly NodeRef[] = []): Promise<FleetTargets> {
  const selected = (refs.length > 0 ? refs : ref ? [ref] : []).filter((r) => r.kind === 'instance');
  if (selected.length > 0) {
    const known = selected.flatMap((r) => (r.instance ? [r.instance] : []));
    const missing = new Map<string, string[]>();
    for (const r of selected) if (!r.instance) missing.set(r.regionId, [...(missing.get(r.regionId) ?? []), r.instanceId]);
    for (const [regionId, ids] of missing) known.push(...await byIds(services, regionId, ids));
    return { instances: known, regionId: known[0]?.regionId ?? services.regionId, label: vscode.l10n.t('{0} instance(s)', known.length) };
  }
  if (ref?.kind === 'role') {
    const instances = await withRole(services, ref.roleName);
    return { instances, regionId: ref.key?.regionId ?? instances[0]?.regionId ?? services.regionId, label: vscode.l10n.t('instances with role {0}', ref.roleName) };
  }
  const regionId = ref?.kind === 'region' ? ref.regionId : await pickRegion(ctx.ui, services, vscode.l10n.t('Check KMS access on the instances of which region?'));
  return { instances: await collect(services.ecs.listInstances(regionId)), regionId, label: vscode.l10n.t('instances in {0}', regionId) };
}
