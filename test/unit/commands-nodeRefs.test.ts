// What the node commands read from the NodeRefs they run on: a role ref is not an instance ref that
// happens to have a role, a multi-selection wins over the clicked ref, and refs that only name an
// instance are described with one listInstances per region (the service splits long id lists).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudServices, EcsInstance, ListInstancesOptions } from '../../src/cloud/types';
import { identifierOf, instancesOfRefs, keyOf, regionOf, roleOf, secretOf, selectionOf } from '../../src/commands/nodeRefs';
import { toNodeRef, type NodeRef } from '../../src/views/common/nodeRef';

const instance = (id: string, ramRoleName?: string): EcsInstance => ({ instanceId: id, regionId: 'cn-hangzhou', status: 'Running', networkType: 'vpc', securityGroupIds: [], tags: {}, ramRoleName });
const instanceRef = (id: string, role?: string): NodeRef => ({ kind: 'instance', instanceId: id, regionId: 'cn-hangzhou', instance: instance(id, role) });

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

test('roleOf: a role ref, not an instance ref carrying its attached role', () => {
  assert.equal(roleOf({ kind: 'role', roleName: 'R' }), 'R');
  assert.equal(roleOf(instanceRef('i-1', 'R')), undefined);
  assert.equal(roleOf(undefined), undefined);
  // A plain object shaped like an old node is not a NodeRef: withRefs gives the command nothing.
  assert.equal(toNodeRef({ roleName: 'R', role: { roleName: 'R' } }), undefined);
});

test('regionOf, keyOf, secretOf read the ref of their kind only', () => {
  assert.equal(regionOf({ kind: 'region', regionId: 'cn-shanghai', view: 'instances' }), 'cn-shanghai');
  assert.equal(regionOf({ kind: 'role', roleName: 'R' }), undefined);
  assert.deepEqual(keyOf({ kind: 'key', keyId: 'key-1', regionId: 'r' }), { keyId: 'key-1', regionId: 'r' });
  assert.deepEqual(keyOf({ kind: 'role', roleName: 'R', key: { keyId: 'key-1', regionId: 'r' } }), { keyId: 'key-1', regionId: 'r' }, 'a role shown under a key');
  assert.equal(keyOf({ kind: 'secret', secretName: 's', regionId: 'r' }), undefined);
  assert.deepEqual(secretOf({ kind: 'secret', secretName: 's', regionId: 'r' }), { kind: 'secret', secretName: 's', regionId: 'r' });
  assert.equal(secretOf({ kind: 'role', roleName: 'x' }), undefined);
  assert.equal(identifierOf({ kind: 'policy', policyName: 'P', policyType: 'Custom' }), 'P');
});

test('instancesOfRefs: the multi-selection wins; refs with their instance need no lookup; none -> undefined', async () => {
  const calls: { regionId: string; ids: readonly string[] }[] = [];
  const services = lookupServices(calls);
  const a = instanceRef('i-a');
  const b = instanceRef('i-b', 'R');
  assert.deepEqual(selectionOf(a, [a, b]), [a, b]);
  assert.deepEqual((await instancesOfRefs(services, a, [a, b]))?.map((i) => i.instanceId), ['i-a', 'i-b']);
  assert.deepEqual((await instancesOfRefs(services, a, undefined))?.map((i) => i.instanceId), ['i-a']);
  assert.deepEqual((await instancesOfRefs(services, a, []))?.map((i) => i.instanceId), ['i-a']);
  assert.equal(await instancesOfRefs(services, { kind: 'role', roleName: 'R' }, undefined), undefined);
  assert.equal(await instancesOfRefs(services, undefined, undefined), undefined);
  assert.deepEqual(calls, []);
});

test('instancesOfRefs: refs that only name an instance are described with one listInstances per region', async () => {
  const calls: { regionId: string; ids: readonly string[] }[] = [];
  const named: NodeRef[] = [
    ...Array.from({ length: 101 }, (_, n): NodeRef => ({ kind: 'instance', instanceId: `i-${n}`, regionId: 'cn-hangzhou' })),
    { kind: 'instance', instanceId: 'i-sh', regionId: 'cn-shanghai' },
  ];
  const found = await instancesOfRefs(lookupServices(calls), named[0], named);
  assert.equal(found?.length, 102);
  assert.deepEqual(calls.map((c) => [c.regionId, c.ids.length]), [['cn-hangzhou', 101], ['cn-shanghai', 1]]);
});
