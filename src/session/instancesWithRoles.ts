import type { CloudServices, EcsInstance, RegionOutcome } from '../cloud/types';

export interface AttachedInstance {
  readonly regionId: string;
  readonly instanceId: string;
  /** As RAM spells it (the instance's attachment). */
  readonly ramRoleName: string;
  /** When the instance was listed (the region scan), its name. */
  readonly instanceName?: string;
  /** The instance as listed (status, OS, addresses…), with its role: what the fleet check needs. */
  readonly instance?: EcsInstance;
}

/**
 * Up to this many roles are looked up by name (DescribeInstanceRamRole?RamRoleName=…: one call a role a
 * region, and one DescribeInstances by id for the names where instances were found); more roles list the region's instances with their roles instead (DescribeInstances pages plus
 * one DescribeInstanceRamRole per 50 of them), whose cost does not grow with the number of roles. A key
 * usable by one application role costs one call a region; a key 400 roles can use costs the same as the
 * Instances view, not 400 calls a region.
 */
export const BY_NAME_MAX_ROLES = 3;

/**
 * The instances, in every region (or in `options.regions`), that have one of `roleNames` attached, region by region as they answer
 * (a region that fails is an outcome of its own, not the end of the list). Role names compare
 * case-insensitively, as RAM's do.
 */
export async function* instancesWithRoles(
  services: CloudServices, roleNames: readonly string[], options: { regions?: readonly string[] } = {},
): AsyncIterable<RegionOutcome<AttachedInstance[]>> {
  if (roleNames.length === 0) return;
  const regions = options.regions?.length ? options.regions : (await services.ecs.describeRegions()).map((r) => r.regionId);
  // Deduplicated case-insensitively (RAM's rule); a role is asked for as RAM spelled it, not lower-cased.
  const spelled = new Map<string, string>();
  for (const r of roleNames) if (!spelled.has(r.toLowerCase())) spelled.set(r.toLowerCase(), r);
  const wanted = new Set(spelled.keys());
  if (wanted.size <= BY_NAME_MAX_ROLES) {
    yield* services.fanOut(regions, async (regionId, options) => {
      const attached: AttachedInstance[] = [];
      for (const ramRoleName of spelled.values()) {
        for (const a of await services.ecs.describeInstanceRamRoles(regionId, { ramRoleName }, options)) attached.push({ regionId, instanceId: a.instanceId, ramRoleName: a.ramRoleName });
      }
      if (attached.length === 0) return attached;
      // Their names (people know their instances by name): one DescribeInstances by id, only where some were found.
      const listed = new Map<string, EcsInstance>();
      for await (const i of services.ecs.listInstances(regionId, { ...options, includeRamRoles: false, filter: { instanceIds: attached.map((a) => a.instanceId) } })) listed.set(i.instanceId, i);
      return attached.map((a) => {
        const instance = listed.get(a.instanceId);
        return { ...a, instanceName: instance?.instanceName, instance: instance && { ...instance, ramRoleName: a.ramRoleName } };
      });
    });
    return;
  }
  yield* services.fanOut(regions, async (regionId, options) => {
    const out: AttachedInstance[] = [];
    for await (const i of services.ecs.listInstances(regionId, { ...options, includeRamRoles: true })) {
      if (i.ramRoleName && wanted.has(i.ramRoleName.toLowerCase())) out.push({ regionId, instanceId: i.instanceId, ramRoleName: i.ramRoleName, instanceName: i.instanceName, instance: i });
    }
    return out;
  });
}
