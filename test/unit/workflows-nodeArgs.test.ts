// What the workflow commands read from the node they run on: a role node is not an instance node
// that happens to have a role, a multi-selection wins over the clicked node, and nodes that only name
// an instance are looked up (in batches, per region).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudServices, EcsInstance, ListInstancesOptions } from '../../src/cloud/types';
import { instancesOfNodes, nodeKey, nodeRegion, nodeSecret, roleNodeName } from '../../src/commands/wizard/nodeArgs';

const instance = (id: string, ramRoleName?: string): EcsInstance => ({ instanceId: id, regionId: 'cn-hangzhou', status: 'Running', networkType: 'vpc', securityGroupIds: [], tags: {}, ramRoleName });
const instanceNode = (id: string, role?: string) => ({ instanceId: id, regionId: 'cn-hangzhou', roleName: role, instance: instance(id, role) });

/** Records the DescribeInstances lookups; only listInstances may be called. */
function lookupServices(calls: { regionId: string; ids: readonly string[] }[]): CloudServices {
  const ecs = {
    async *listInstances(regionId: string, options?: ListInstancesOptions) {
      const ids = options?.filter?.instanceIds ?? [];
      calls.push({ regionId, ids });
      for (const id of ids) yield { ...instance(id), regionId };
    },
  };
  return new Proxy({ ecs } as unknown as CloudServices, {
    get(target, key) {
      if (key === 'ecs') return ecs;
      if (key === 'then') return undefined;
      throw new Error(`unexpected use of services.${String(key)}`);
    },
  });
}

test('roleNodeName: a role node, not an instance node carrying its attached role', () => {
  assert.equal(roleNodeName({ roleName: 'R', role: { roleName: 'R' } }), 'R');
  assert.equal(roleNodeName(instanceNode('i-1', 'R')), undefined);
  assert.equal(roleNodeName(undefined), undefined);
  assert.equal(roleNodeName({ roleName: 'R' }), undefined);
});

test('nodeRegion, nodeKey, nodeSecret read the documented fields only', () => {
  assert.equal(nodeRegion({ regionId: 'cn-shanghai' }), 'cn-shanghai');
  assert.equal(nodeRegion({}), undefined);
  assert.deepEqual(nodeKey({ keyId: 'key-1', regionId: 'r', key: {} }), { keyId: 'key-1', regionId: 'r' });
  assert.equal(nodeKey({ keyId: 'key-1' }), undefined);
  assert.deepEqual(nodeSecret({ secretName: 's', regionId: 'r' }), { secretName: 's', regionId: 'r' });
  assert.equal(nodeSecret({ roleName: 'x' }), undefined);
});

test('instancesOfNodes: the multi-selection wins; instance nodes need no lookup; none -> undefined', async () => {
  const calls: { regionId: string; ids: readonly string[] }[] = [];
  const services = lookupServices(calls);
  const a = instanceNode('i-a');
  const b = instanceNode('i-b', 'R');
  assert.deepEqual((await instancesOfNodes(services, a, [a, b]))?.map((i) => i.instanceId), ['i-a', 'i-b']);
  assert.deepEqual((await instancesOfNodes(services, a, undefined))?.map((i) => i.instanceId), ['i-a']);
  assert.deepEqual((await instancesOfNodes(services, a, []))?.map((i) => i.instanceId), ['i-a']);
  assert.equal(await instancesOfNodes(services, { roleName: 'R', role: {} }, undefined), undefined);
  assert.equal(await instancesOfNodes(services, undefined, undefined), undefined);
  assert.deepEqual(calls, []);
});

test('instancesOfNodes: nodes that only name an instance are looked up per region, at most 100 ids a call', async () => {
  const calls: { regionId: string; ids: readonly string[] }[] = [];
  const named = [
    ...Array.from({ length: 101 }, (_, n) => ({ instanceId: `i-${n}`, regionId: 'cn-hangzhou' })),
    { instanceId: 'i-sh', regionId: 'cn-shanghai' },
  ];
  const found = await instancesOfNodes(lookupServices(calls), named[0], named);
  assert.equal(found?.length, 102);
  assert.deepEqual(calls.map((c) => [c.regionId, c.ids.length]), [['cn-hangzhou', 100], ['cn-hangzhou', 1], ['cn-shanghai', 1]]);
});
