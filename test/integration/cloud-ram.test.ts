// RamService against the emulator with the real RAM SDK: every method, paging, errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import { collect } from '../../src/cloud/paging';
import { CloudError, type CloudServices } from '../../src/cloud/types';

const TRUST = '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}';
let h: Harness;
let s: CloudServices;

before(async () => {
  h = await startHarness();
  s = await h.admin();
});
after(() => h.close());

test('listRoles pages with Marker until the end, and stops early when the caller breaks', async () => {
  h.emulator.resetCalls();
  const all = await collect(s.ram.listRoles({ pageSize: 2 }));
  assert.deepEqual(all.map((r) => r.roleName).sort(), [
    'AliyunServiceRoleForECSNetworkInterfaceManagement', 'AliyunServiceRoleForKMSKeyRotation',
    'EcsKmsAccessRole', 'EcsNoPermissionRole', 'EcsSecretsReaderRole', 'FcInvokeRole', 'OpsAdminRole',
  ]);
  assert.equal(h.emulator.calls.byAction.ListRoles, 4, '7 roles at 2 per page = 4 pages');
  assert.match(all[0].arn, /^acs:ram::1688000000000001:role\//);
  h.emulator.resetCalls();
  const first = await collect(s.ram.listRoles({ pageSize: 2 }), 1);
  assert.equal(first.length, 1);
  assert.equal(h.emulator.calls.byAction.ListRoles, 1, 'breaking after the first item fetched one page only');
});

test('create, get, update and delete a role; errors are normalised with hints', async () => {
  const created = await s.ram.createRole({ roleName: 'TestKmsRole', assumeRolePolicyDocument: TRUST, description: 'made by a test', maxSessionDuration: 3600 });
  assert.equal(created.roleName, 'TestKmsRole');
  assert.match(created.arn, /role\/testkmsrole$/);
  const got = await s.ram.getRole('TestKmsRole');
  assert.deepEqual(JSON.parse(got.assumeRolePolicyDocument!), JSON.parse(TRUST));
  assert.equal(got.description, 'made by a test');

  const again = await s.ram.createRole({ roleName: 'TestKmsRole', assumeRolePolicyDocument: TRUST }).catch((e: unknown) => e);
  assert.ok(again instanceof CloudError);
  assert.equal(again.code, 'EntityAlreadyExists.Role');
  assert.equal(again.httpStatus, 409);
  assert.ok(again.requestId);
  assert.match(again.hint ?? '', /already exists/);

  const updated = await s.ram.updateRole({ roleName: 'TestKmsRole', newDescription: 'changed', newMaxSessionDuration: 7200 });
  assert.equal(updated.description, 'changed');
  assert.equal(updated.maxSessionDuration, 7200);

  await s.ram.deleteRole('TestKmsRole');
  const gone = await s.ram.getRole('TestKmsRole').catch((e: unknown) => e);
  assert.ok(gone instanceof CloudError);
  assert.equal(gone.code, 'EntityNotExist.Role');
  assert.match(gone.hint ?? '', /does not exist/);
});

test('policies: create, get with document, versions, attach, list for role, entities, detach, list with paging', async () => {
  const document = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: 'acs:kms:cn-hangzhou:1688000000000001:key/key-hzzdemo0000000000001' }] });
  const policy = await s.ram.createPolicy({ policyName: 'TestKmsEncrypt', policyDocument: document, description: 'test' });
  assert.equal(policy.policyType, 'Custom');
  const got = await s.ram.getPolicy('TestKmsEncrypt', 'Custom');
  assert.deepEqual(JSON.parse(got.policyDocument), JSON.parse(document));
  assert.deepEqual(JSON.parse(await s.ram.getPolicyVersion('TestKmsEncrypt', 'Custom', got.defaultVersion ?? 'v1')), JSON.parse(document));
  const system = await s.ram.getPolicy('AliyunKMSFullAccess', 'System');
  assert.match(system.policyDocument, /kms:\*/);

  await s.ram.attachPolicyToRole({ roleName: 'EcsNoPermissionRole', policyName: 'TestKmsEncrypt', policyType: 'Custom' });
  await s.ram.attachPolicyToRole({ roleName: 'EcsNoPermissionRole', policyName: 'AliyunKMSFullAccess', policyType: 'System' });
  const attached = await s.ram.listPoliciesForRole('EcsNoPermissionRole');
  assert.deepEqual(attached.map((p) => `${p.policyType}:${p.policyName}`).sort(), ['Custom:TestKmsEncrypt', 'System:AliyunKMSFullAccess']);
  const entities = await s.ram.listEntitiesForPolicy('TestKmsEncrypt', 'Custom');
  assert.deepEqual(entities.roles, ['EcsNoPermissionRole']);

  const conflict = await s.ram.deleteRole('EcsNoPermissionRole').catch((e: unknown) => e);
  assert.ok(conflict instanceof CloudError);
  assert.match(conflict.code, /^DeleteConflict/);
  assert.match(conflict.hint ?? '', /Detach/);

  await s.ram.detachPolicyFromRole({ roleName: 'EcsNoPermissionRole', policyName: 'TestKmsEncrypt', policyType: 'Custom' });
  await s.ram.detachPolicyFromRole({ roleName: 'EcsNoPermissionRole', policyName: 'AliyunKMSFullAccess', policyType: 'System' });
  assert.deepEqual(await s.ram.listPoliciesForRole('EcsNoPermissionRole'), []);

  h.emulator.resetCalls();
  const systemPolicies = await collect(s.ram.listPolicies({ policyType: 'System', pageSize: 3 }));
  assert.ok(systemPolicies.length >= 7, `system policies: ${systemPolicies.length}`);
  assert.ok(systemPolicies.every((p) => p.policyType === 'System'));
  assert.ok((h.emulator.calls.byAction.ListPolicies ?? 0) >= 3, 'several pages');
  const custom = await collect(s.ram.listPolicies({ policyType: 'Custom' }));
  assert.ok(custom.some((p) => p.policyName === 'TestKmsEncrypt'));
});
