import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leastPrivilegeKmsPolicy, alreadyHasAccess, leastPrivilegeRequests, ALIYUN_KMS_FULL_ACCESS, ALIYUN_KMS_CRYPTO_USER_ACCESS, systemPolicyDocument, kmsActionsGrantedBy } from '../../src/policy/kmsPolicy';
import { parsePolicyDocument } from '../../src/policy/policyDocument';
import { PolicyError } from '../../src/policy/problem';

const A = '1234567890123456';
const K1 = '1234abcd-12ab-34cd-56ef-1234567890ab';
const K2 = 'key-hzz62f1cb66fa42qo';

test('least-privilege policy: crypto actions on keys, GetSecretValue on secrets, valid document', () => {
  const doc = leastPrivilegeKmsPolicy({ keys: [{ region: 'cn-hangzhou', account: A, keyId: K1 }, { region: 'cn-hangzhou', account: A, keyId: K1 }], secrets: [{ region: 'cn-hangzhou', account: A, name: 'db' }] });
  assert.deepEqual(doc, {
    Version: '1',
    Statement: [
      { Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], Resource: [`acs:kms:cn-hangzhou:${A}:key/${K1}`] },
      { Effect: 'Allow', Action: ['kms:GetSecretValue'], Resource: [`acs:kms:cn-hangzhou:${A}:secret/db`] },
    ],
  });
  assert.deepEqual(parsePolicyDocument(JSON.stringify(doc)), doc);
});

test('options: DescribeKey and decrypt-only keys of secrets', () => {
  const doc = leastPrivilegeKmsPolicy({ keys: [{ region: 'cn-hangzhou', account: A, keyId: K1 }], includeDescribeKey: true, secretEncryptionKeys: [{ region: 'cn-shanghai', account: A, keyId: K2 }] });
  assert.ok(doc.Statement[0].Action!.includes('kms:DescribeKey'));
  assert.deepEqual(doc.Statement[1], { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [`acs:kms:cn-shanghai:${A}:key/${K2}`] });
  assert.throws(() => leastPrivilegeKmsPolicy({}), PolicyError);
  assert.throws(() => leastPrivilegeKmsPolicy({ keys: [{ region: 'cn-hangzhou', account: A, keyId: 'nope' }] }), PolicyError);
});

test('the grant is idempotent: the role already has access through the full-access policy or the same policy', () => {
  const options = { keys: [{ region: 'cn-hangzhou', account: A, keyId: K1 }] };
  assert.equal(leastPrivilegeRequests(options).length, 3);
  assert.ok(alreadyHasAccess([ALIYUN_KMS_FULL_ACCESS.document], options));
  assert.ok(alreadyHasAccess([leastPrivilegeKmsPolicy(options)], options));
  assert.ok(alreadyHasAccess([ALIYUN_KMS_CRYPTO_USER_ACCESS.document], options));
  assert.ok(!alreadyHasAccess([], options));
  assert.ok(!alreadyHasAccess([ALIYUN_KMS_CRYPTO_USER_ACCESS.document], { secrets: [{ region: 'cn-hangzhou', account: A, name: 'db' }] }), 'CryptoUser does not read secrets');
});

test('system policies as known facts', () => {
  assert.equal(systemPolicyDocument('aliyunkmsfullaccess'), ALIYUN_KMS_FULL_ACCESS.document);
  assert.equal(systemPolicyDocument('AliyunOSSFullAccess'), undefined);
  const full = kmsActionsGrantedBy(ALIYUN_KMS_FULL_ACCESS.document);
  assert.ok(full.includes('kms:CreateKey') && full.includes('kms:GetSecretValue'));
  const crypto = kmsActionsGrantedBy(ALIYUN_KMS_CRYPTO_USER_ACCESS.document);
  assert.ok(crypto.includes('kms:Encrypt') && crypto.includes('kms:ListKeys') && crypto.includes('kms:DescribeKey'));
  assert.ok(!crypto.includes('kms:CreateKey') && !crypto.includes('kms:GetSecretValue') && !crypto.includes('kms:ScheduleKeyDeletion'));
  const secretUser = kmsActionsGrantedBy(systemPolicyDocument('AliyunKMSSecretUserAccess')!);
  assert.deepEqual(secretUser.sort(), ['kms:Decrypt', 'kms:DescribeSecret', 'kms:GetSecretValue', 'kms:ListSecretVersionIds', 'kms:ListSecrets']);
  const secretAdmin = kmsActionsGrantedBy(systemPolicyDocument('AliyunKMSSecretAdminAccess')!);
  assert.ok(secretAdmin.includes('kms:DeleteSecret') && secretAdmin.includes('kms:GetSecretValue') && !secretAdmin.includes('kms:Decrypt'));
});
