// How many metadata requests a credential refresh costs (issue 9's encrypt benchmark counts them):
// the role name is listed once and remembered, so a refresh is one request; a role that was
// replaced on the instance is still found (its old name answers 404, the name is listed again).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import { InstanceMetadataClient } from '../../src/cloud/metadata/instanceMetadataClient';

const LIST_PATH = '/latest/meta-data/ram/security-credentials/';
const THIS_MACHINE = 'i-bp1demo0000000000001';
let h: Harness;

before(async () => {
  h = await startHarness();
});
after(() => h.close());
beforeEach(() => {
  h.emulator.account.instances.get(THIS_MACHINE)!.ramRole = 'EcsKmsAccessRole';
  h.emulator.faults.clockSkewMs = 0;
  h.emulator.resetCalls();
});

test('the metadata budget (README, Performance): cold start 3 requests, each later credential lifetime 1', async () => {
  // The client's clock and the emulator's move together, so each step is a real new lifetime: the
  // cached credential (3,600 s) is due 15 minutes before it expires, the emulator issues a new one.
  let skewMs = 0;
  const client = new InstanceMetadataClient({ endpoint: h.emulator.metadata, env: {}, now: () => Date.now() + skewMs });
  const first = await client.getCredential();
  assert.deepEqual(h.emulator.calls.metadataByPath, { '/latest/api/token': 1, [LIST_PATH]: 1, [`${LIST_PATH}EcsKmsAccessRole`]: 1 }, 'token, role name, credential');
  let previous = first.accessKeyId;
  for (let lifetime = 1; lifetime <= 3; lifetime++) {
    skewMs += 50 * 60_000;
    h.emulator.faults.clockSkewMs = skewMs;
    h.emulator.resetCalls();
    const next = await client.getCredential();
    await client.getCredential();
    assert.notEqual(next.accessKeyId, previous, `lifetime ${lifetime} has a new credential`);
    assert.deepEqual(h.emulator.calls.metadataByPath, { [`${LIST_PATH}EcsKmsAccessRole`]: 1 }, `lifetime ${lifetime}: the credential alone`);
    previous = next.accessKeyId;
  }
  // The token is asked for 6 hours (the most the service gives): past that, one more request renews it.
  skewMs += 4 * 3600_000;
  h.emulator.faults.clockSkewMs = skewMs;
  h.emulator.resetCalls();
  await client.getCredential();
  assert.deepEqual(h.emulator.calls.metadataByPath, { '/latest/api/token': 1, [`${LIST_PATH}EcsKmsAccessRole`]: 1 });
  h.emulator.faults.clockSkewMs = 0;
});

test('a cold fetch is token + role name + credential; a refresh is the credential alone', async () => {
  const client = new InstanceMetadataClient({ endpoint: h.emulator.metadata, env: {} });
  await client.getCredential();
  assert.equal(h.emulator.calls.metadata, 3);
  h.emulator.resetCalls();
  const refreshed = await client.getCredential({ forceRefresh: true });
  assert.equal(refreshed.roleName, 'EcsKmsAccessRole');
  assert.deepEqual(h.emulator.calls.metadataByPath, { [`${LIST_PATH}EcsKmsAccessRole`]: 1 });
});

test('a role replaced on the instance is found on the next refresh', async () => {
  const client = new InstanceMetadataClient({ endpoint: h.emulator.metadata, env: {} });
  assert.equal((await client.getCredential()).roleName, 'EcsKmsAccessRole');
  h.emulator.account.instances.get(THIS_MACHINE)!.ramRole = 'EcsSecretsReaderRole';
  const refreshed = await client.getCredential({ forceRefresh: true });
  assert.equal(refreshed.roleName, 'EcsSecretsReaderRole');
});

test('reset() forgets the role name: the next fetch lists it again', async () => {
  const client = new InstanceMetadataClient({ endpoint: h.emulator.metadata, env: {} });
  await client.getCredential();
  h.emulator.account.instances.get(THIS_MACHINE)!.ramRole = 'EcsSecretsReaderRole';
  client.reset();
  h.emulator.resetCalls();
  assert.equal((await client.getCredential()).roleName, 'EcsSecretsReaderRole');
  assert.equal(h.emulator.calls.metadataByPath[LIST_PATH], 1);
  assert.equal(h.emulator.calls.metadataByPath[`${LIST_PATH}EcsKmsAccessRole`], undefined, 'the forgotten name is not tried');
});
