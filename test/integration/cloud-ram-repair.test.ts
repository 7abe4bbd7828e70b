// The cloud calls behind the repair commands (issue 15), with the real RAM and KMS SDKs against the
// emulator: policy versions (create as default, list, set default, delete; the five-version limit),
// deleting a policy (refused while attached or while it has other versions), and EnableKey.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import { CloudError, type CloudServices } from '../../src/cloud/types';

let h: Harness;
let s: CloudServices;
const doc = (action: string) => JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: [action], Resource: '*' }] });

before(async () => {
  h = await startHarness();
  s = await h.admin();
});
after(() => h.close());

async function failure(p: Promise<unknown>): Promise<CloudError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof CloudError, `expected a CloudError, got ${String(e)}`);
  return e;
}

test('policy versions: a new default version, list, set default back, delete a non-default one', async () => {
  await s.ram.createPolicy({ policyName: 'RepairVersions', policyDocument: doc('kms:Encrypt') });
  const v2 = await s.ram.createPolicyVersion({ policyName: 'RepairVersions', policyDocument: doc('kms:Decrypt'), setAsDefault: true });
  assert.equal(v2.versionId, 'v2');
  assert.equal(v2.isDefaultVersion, true);
  assert.deepEqual(JSON.parse((await s.ram.getPolicy('RepairVersions', 'Custom')).policyDocument), JSON.parse(doc('kms:Decrypt')));

  const listed = await s.ram.listPolicyVersions('RepairVersions', 'Custom');
  assert.deepEqual(listed.map((v) => [v.versionId, v.isDefaultVersion]), [['v1', false], ['v2', true]]);

  await s.ram.setDefaultPolicyVersion('RepairVersions', 'v1');
  assert.equal((await s.ram.getPolicy('RepairVersions', 'Custom')).defaultVersion, 'v1');
  // The default version cannot be deleted; another one can.
  assert.equal((await failure(s.ram.deletePolicyVersion('RepairVersions', 'v1'))).code, 'DeleteConflict.Policy.Version.Default');
  await s.ram.deletePolicyVersion('RepairVersions', 'v2');
  assert.deepEqual((await s.ram.listPolicyVersions('RepairVersions', 'Custom')).map((v) => v.versionId), ['v1']);
  assert.equal((await failure(s.ram.deletePolicyVersion('RepairVersions', 'v9'))).code, 'EntityNotExist.Policy.Version');
});

test('the five-version limit: a sixth version is refused with LimitExceeded.Policy.Version; ids are never reused', async () => {
  await s.ram.createPolicy({ policyName: 'RepairLimit', policyDocument: doc('kms:Encrypt') });
  for (const action of ['kms:Decrypt', 'kms:DescribeKey', 'kms:ListKeys', 'kms:GenerateDataKey']) {
    await s.ram.createPolicyVersion({ policyName: 'RepairLimit', policyDocument: doc(action), setAsDefault: false });
  }
  const refused = await failure(s.ram.createPolicyVersion({ policyName: 'RepairLimit', policyDocument: doc('kms:ListAliases'), setAsDefault: true }));
  assert.equal(refused.code, 'LimitExceeded.Policy.Version');
  assert.ok(refused.requestId);
  assert.equal(h.emulator.account.policies.get('RepairLimit')!.versions.length, 5, 'nothing was created');
  await s.ram.deletePolicyVersion('RepairLimit', 'v2');
  const next = await s.ram.createPolicyVersion({ policyName: 'RepairLimit', policyDocument: doc('kms:ListAliases'), setAsDefault: true });
  assert.equal(next.versionId, 'v6', 'v2 is not given again');
});

test('DeletePolicy: refused while attached to a role or while non-default versions exist; then deleted', async () => {
  await s.ram.createPolicy({ policyName: 'RepairDelete', policyDocument: doc('kms:Encrypt') });
  await s.ram.createPolicyVersion({ policyName: 'RepairDelete', policyDocument: doc('kms:Decrypt'), setAsDefault: true });
  await s.ram.attachPolicyToRole({ roleName: 'EcsNoPermissionRole', policyName: 'RepairDelete', policyType: 'Custom' });
  assert.equal((await failure(s.ram.deletePolicy('RepairDelete'))).code, 'DeleteConflict.Policy.Role');
  await s.ram.detachPolicyFromRole({ roleName: 'EcsNoPermissionRole', policyName: 'RepairDelete', policyType: 'Custom' });
  assert.equal((await failure(s.ram.deletePolicy('RepairDelete'))).code, 'DeleteConflict.Policy.Version');
  await s.ram.deletePolicyVersion('RepairDelete', 'v1');
  await s.ram.deletePolicy('RepairDelete');
  assert.equal(h.emulator.account.policies.has('RepairDelete'), false);
  assert.equal((await failure(s.ram.getPolicy('RepairDelete', 'Custom'))).code, 'EntityNotExist.Policy');
});

test('EnableKey turns a disabled key back on, and Encrypt works again', async () => {
  const key = [...h.emulator.account.keys.values()].find((k) => k.state === 'Disabled');
  assert.ok(key, 'the demo account has a disabled key');
  const kms = s.kms(key.region);
  const before = await failure(kms.encrypt({ keyId: key.id, plaintext: Buffer.from('hi').toString('base64') }));
  assert.match(before.code, /Disabled|NotEnabled/);
  await kms.enableKey(key.id);
  assert.equal(h.emulator.account.keys.get(key.id)!.state, 'Enabled');
  const sealed = await kms.encrypt({ keyId: key.id, plaintext: Buffer.from('hi').toString('base64') });
  assert.ok(sealed.ciphertextBlob);
  key.state = 'Disabled';
});
