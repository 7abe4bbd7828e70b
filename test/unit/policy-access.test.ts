import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rolesThatCanUseKey, coversSystemPolicy } from '../../src/policy/keyAccess';
import { attachRoleRequirements, passRoleResource, grantRequirements } from '../../src/policy/requirements';
import { ALIYUN_KMS_FULL_ACCESS, ALIYUN_KMS_CRYPTO_USER_ACCESS, leastPrivilegeKmsPolicy } from '../../src/policy/kmsPolicy';
import { missingAccess } from '../../src/policy/evaluator';
import { english } from '../../src/util/message';
import { parsePolicyDocument } from '../../src/policy/policyDocument';
import { validatePrefixedId, validateInstanceType } from '../../src/policy/validation';
import * as policy from '../../src/policy';

const A = '1234567890123456';
const K1 = '1234abcd-12ab-34cd-56ef-1234567890ab';
const K2 = 'key-hzz62f1cb66fa42qo';
const KEY1 = `acs:kms:cn-hangzhou:${A}:key/${K1}`;

test('the key -> roles reverse view: who can use the key, with which actions', () => {
  const roles = [
    { roleName: 'full', documents: [ALIYUN_KMS_FULL_ACCESS.document] },
    { roleName: 'narrow', documents: [leastPrivilegeKmsPolicy({ keys: [{ region: 'cn-hangzhou', account: A, keyId: K1 }] })] },
    { roleName: 'other-key', documents: [leastPrivilegeKmsPolicy({ keys: [{ region: 'cn-hangzhou', account: A, keyId: K2 }] })] },
    { roleName: 'decrypt-denied', documents: [ALIYUN_KMS_FULL_ACCESS.document, parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }] })] },
    { roleName: 'vpc-only', documents: [parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'acs:SourceVpc': 'vpc-1' } } }] })] },
    { roleName: 'nothing', documents: [] },
  ];
  const users = rolesThatCanUseKey(roles, KEY1);
  // The conditional action says under which condition, in words: key, operator and values.
  assert.deepEqual(users.map((u) => Object.entries(u.allowedIf).map(([a, lines]) => [a, lines.map((l) => l.map(english))])), [[], [], [], [['kms:Encrypt', [['acs:SourceVpc is vpc-1 (StringEquals)']]]]]);
  assert.deepEqual(users.map(({ allowedIf: _allowedIf, ...rest }) => rest), [
    { roleName: 'full', actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], conditionalActions: [] },
    { roleName: 'narrow', actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], conditionalActions: [] },
    { roleName: 'decrypt-denied', actions: ['kms:Encrypt', 'kms:GenerateDataKey'], conditionalActions: [] },
    { roleName: 'vpc-only', actions: [], conditionalActions: ['kms:Encrypt'] },
  ]);
});

test('a system policy is covered when the attached ones already grant all it would', () => {
  assert.ok(coversSystemPolicy([ALIYUN_KMS_FULL_ACCESS.document], 'AliyunKMSCryptoUserAccess'));
  assert.ok(coversSystemPolicy([ALIYUN_KMS_FULL_ACCESS.document], 'AliyunKMSFullAccess'));
  assert.ok(!coversSystemPolicy([ALIYUN_KMS_CRYPTO_USER_ACCESS.document], 'AliyunKMSFullAccess'));
  assert.ok(!coversSystemPolicy([], 'AliyunKMSCryptoUserAccess'));
  assert.ok(!coversSystemPolicy([ALIYUN_KMS_FULL_ACCESS.document], 'AliyunOSSFullAccess'));
});

test('attaching a role needs ecs:AttachInstanceRamRole on instances and role, and ram:PassRole', () => {
  const needs = attachRoleRequirements('cn-hangzhou', A, ['i-1', 'i-2'], 'EcsKms');
  assert.equal(passRoleResource(A, 'EcsKms'), `acs:ram:*:${A}:role/ecskms`);
  const ecsOnly = parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'ecs:*', Resource: '*' }] });
  assert.deepEqual(missingAccess([ecsOnly], needs), [{ action: 'ram:PassRole', resource: `acs:ram:*:${A}:role/ecskms` }]);
  const withPass = parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'ram:PassRole', Resource: `acs:ram:*:${A}:role/ecs*` }] });
  assert.deepEqual(missingAccess([ecsOnly, withPass], needs), []);
  assert.equal(grantRequirements(A, 'r', 'p').length, 3);
  assert.throws(() => passRoleResource(A, 'bad name'), policy.PolicyError);
});

test('RunInstances ids and instance types', () => {
  assert.equal(validatePrefixedId('vsw-bp1abc', 'vsw'), undefined);
  assert.match(validatePrefixedId('sg-1', 'vsw')!.message, /starts with vsw-/);
  assert.equal(validateInstanceType('ecs.g7.large'), undefined);
  assert.ok(validateInstanceType('g7.large'));
});

test('the index exports the public surface', () => {
  for (const name of ['parsePolicyDocument', 'evaluate', 'isAllowed', 'roleArn', 'keyArn', 'validateRoleName', 'serviceTrustPolicy', 'canServiceAssume', 'leastPrivilegeKmsPolicy', 'rolesThatCanUseKey', 'checkPolicyText', 'createRoleCommand', 'buildPolicySchema']) {
    assert.equal(typeof (policy as Record<string, unknown>)[name], 'function', name);
  }
});
