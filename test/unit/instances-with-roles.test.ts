// Which instances have one of some roles (src/session/instancesWithRoles.ts): by role name for a few
// roles, one pass over each region's instances for many; the calls counted on a fake ECS of our own interface.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError, type CloudServices, type EcsInstance, type RegionOutcome } from '../../src/cloud/types';
import { BY_NAME_MAX_ROLES, instancesWithRoles, type AttachedInstance } from '../../src/session/instancesWithRoles';

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];

function services(byRegion: Record<string, { id: string; name: string; role?: string }[]>, failing?: string) {
  const calls: string[] = [];
  const fail = (regionId: string) => { if (regionId === failing) throw new CloudError({ code: 'ServiceUnavailable', message: 'down', requestId: 'R' }); };
  const fake = {
    ecs: {
      describeRegions: async () => { calls.push('DescribeRegions'); return REGIONS.map((regionId) => ({ regionId })); },
      describeInstanceRamRoles: async (regionId: string, q: { ramRoleName: string }) => {
        calls.push(`DescribeInstanceRamRole ${regionId} ${q.ramRoleName}`);
        fail(regionId);
        // RAM role names are case-insensitive: the service matches any spelling and answers its own.
        return (byRegion[regionId] ?? []).filter((i) => i.role?.toLowerCase() === q.ramRoleName.toLowerCase()).map((i) => ({ instanceId: i.id, ramRoleName: i.role! }));
      },
      async *listInstances(regionId: string, o: { includeRamRoles?: boolean; filter?: { instanceIds?: string[] } }) {
        calls.push(`DescribeInstances ${regionId}${o.filter?.instanceIds ? ' by id' : ''}${o.includeRamRoles ? ' with roles' : ''}`);
        fail(regionId);
        for (const i of byRegion[regionId] ?? []) {
          if (o.filter?.instanceIds && !o.filter.instanceIds.includes(i.id)) continue;
          yield { instanceId: i.id, instanceName: i.name, regionId, ramRoleName: o.includeRamRoles ? i.role : undefined } as EcsInstance;
        }
      },
    },
    async *fanOut<T>(regions: string[], task: (regionId: string, options: object) => Promise<T>): AsyncIterable<RegionOutcome<T>> {
      for (const regionId of regions) {
        try {
          yield { regionId, ok: true, value: await task(regionId, {}) };
        } catch (error) {
          yield { regionId, ok: false, error: error as CloudError };
        }
      }
    },
  };
  return { services: fake as unknown as CloudServices, calls };
}

async function all(outcomes: AsyncIterable<RegionOutcome<AttachedInstance[]>>) {
  const found: string[] = [];
  const failed: string[] = [];
  for await (const o of outcomes) {
    if (o.ok) found.push(...o.value.map((a) => `${a.instanceName ?? '?'} ${a.instanceId} ${a.ramRoleName}`));
    else failed.push(`${o.regionId} ${o.error.code}`);
  }
  return { found: found.sort(), failed };
}

const ACCOUNT = {
  'cn-hangzhou': [{ id: 'i-1', name: 'web-1', role: 'AppRole' }, { id: 'i-2', name: 'web-2' }, { id: 'i-3', name: 'ops', role: 'OpsRole' }],
  'cn-beijing': [{ id: 'i-4', name: 'report', role: 'approle' }],
};

test('a few roles (deduplicated case-insensitively, asked as spelled): one DescribeInstanceRamRole a role a region, names read by id only where some were found', async () => {
  const s = services(ACCOUNT);
  const { found } = await all(instancesWithRoles(s.services, ['AppRole', 'APPROLE']));
  assert.deepEqual(found, ['report i-4 approle', 'web-1 i-1 AppRole']);
  assert.deepEqual(s.calls, [
    'DescribeRegions',
    'DescribeInstanceRamRole cn-hangzhou AppRole', 'DescribeInstances cn-hangzhou by id',
    'DescribeInstanceRamRole cn-shanghai AppRole',
    'DescribeInstanceRamRole cn-beijing AppRole', 'DescribeInstances cn-beijing by id',
  ]);
});

test(`more than ${BY_NAME_MAX_ROLES} roles: one pass over each region's instances, whatever the number of roles`, async () => {
  const roles = ['AppRole', 'OpsRole', ...Array.from({ length: 40 }, (_, n) => `Unused${n}`)];
  const s = services(ACCOUNT);
  const { found } = await all(instancesWithRoles(s.services, roles));
  assert.deepEqual(found, ['ops i-3 OpsRole', 'report i-4 approle', 'web-1 i-1 AppRole']);
  assert.deepEqual(s.calls, ['DescribeRegions', ...REGIONS.map((r) => `DescribeInstances ${r} with roles`)]);
});

test('a region that fails is reported as such; the others still answer; no role asks nothing', async () => {
  const s = services(ACCOUNT, 'cn-shanghai');
  const { found, failed } = await all(instancesWithRoles(s.services, ['AppRole']));
  assert.deepEqual(failed, ['cn-shanghai ServiceUnavailable']);
  assert.equal(found.length, 2);
  const none = services(ACCOUNT);
  assert.deepEqual(await all(instancesWithRoles(none.services, [])), { found: [], failed: [] });
  assert.deepEqual(none.calls, []);
});
