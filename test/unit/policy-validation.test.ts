import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  validateRoleName, validatePolicyName, validateDescription, validateMaxSessionDuration, validateInstanceId,
  validateInstanceIds, validateRegionId, validateKeyId, validateKeyAlias, validateSecretName, validateAccountId,
  validatePolicyDocumentLength, validateServicePrincipal,
} from '../../src/policy/validation';

test('role name: 64 characters pass, 65 fail with the rule in the message', () => {
  assert.equal(validateRoleName('a'.repeat(64)), undefined);
  const p = validateRoleName('a'.repeat(65));
  assert.equal(p?.code, 'RoleName.TooLong');
  assert.match(p!.message, /65 characters long\. A RAM role name is 1 to 64 characters: letters, digits, periods \(\.\) and hyphens \(-\)\./);
});

test('role name: empty, bad characters named, allowed characters', () => {
  assert.equal(validateRoleName('')?.code, 'RoleName.Empty');
  assert.equal(validateRoleName(undefined)?.code, 'RoleName.Empty');
  const p = validateRoleName('ecs kms_role/x');
  assert.equal(p?.code, 'RoleName.BadCharacter');
  assert.match(p!.message, /space, "_", "\/"/);
  assert.equal(validateRoleName('ECS-KMS.role-1'), undefined);
  assert.equal(validateRoleName('角色')?.code, 'RoleName.BadCharacter');
});

test('policy name: 128 vs 129, hyphens only', () => {
  assert.equal(validatePolicyName('p'.repeat(128)), undefined);
  assert.equal(validatePolicyName('p'.repeat(129))?.code, 'PolicyName.TooLong');
  assert.equal(validatePolicyName('kms.crypto')?.code, 'PolicyName.BadCharacter');
  assert.equal(validatePolicyName('kms-crypto-1'), undefined);
});

test('description: optional, at most 1024 characters', () => {
  assert.equal(validateDescription(''), undefined);
  assert.equal(validateDescription('x'.repeat(1024)), undefined);
  assert.equal(validateDescription('x'.repeat(1025))?.code, 'Description.TooLong');
  assert.equal(validateDescription(5)?.code, 'Description.NotText');
});

test('max session duration: 3600..43200 whole seconds', () => {
  for (const ok of [3600, 43200, '7200', ' 3600 ']) assert.equal(validateMaxSessionDuration(ok), undefined, String(ok));
  for (const bad of [3599, 43201, 0, -1, 3600.5, 'abc', '', NaN, undefined]) assert.ok(validateMaxSessionDuration(bad), String(bad));
  assert.match(validateMaxSessionDuration(3599)!.message, /3600 \(1 hour, the default\) to 43200 \(12 hours\)/);
});

test('instance ids and lists of 1 to 100', () => {
  assert.equal(validateInstanceId('i-bp67acfmxazb4ph'), undefined);
  for (const bad of ['', 'bp67', 'i-', 'I-ABC', 'i-bp 1', 'sg-123']) assert.ok(validateInstanceId(bad), bad);
  const ids = Array.from({ length: 100 }, (_, i) => `i-abc${i}`);
  assert.equal(validateInstanceIds(ids), undefined);
  assert.equal(validateInstanceIds([...ids, 'i-more'])?.code, 'InstanceIds.TooMany');
  assert.equal(validateInstanceIds([])?.code, 'InstanceIds.Empty');
  assert.equal(validateInstanceIds(['i-a', 'i-a'])?.code, 'InstanceIds.Duplicate');
  assert.equal(validateInstanceIds('i-a')?.code, 'InstanceIds.Empty');
});

test('region ids', () => {
  for (const ok of ['cn-hangzhou', 'ap-southeast-1', 'eu-central-1', 'cn-shanghai-finance-1', 'us-west-1']) assert.equal(validateRegionId(ok), undefined, ok);
  for (const bad of ['', 'Hangzhou', 'cn_hangzhou', 'cn-', 'cn-hangzhou ']) assert.ok(validateRegionId(bad), bad);
});

test('key ids, aliases and their rules', () => {
  assert.equal(validateKeyId('1234abcd-12ab-34cd-56ef-1234567890ab'), undefined);
  assert.equal(validateKeyId('key-hzz62f1cb66fa42qo'), undefined);
  assert.ok(validateKeyId('alias/x'));
  assert.equal(validateKeyAlias('alias/my-key_1/prod'), undefined);
  assert.equal(validateKeyAlias('my-key')?.code, 'Alias.NoPrefix');
  assert.equal(validateKeyAlias('alias/')?.code, 'Alias.Empty');
  assert.equal(validateKeyAlias('alias/' + 'a'.repeat(255)), undefined);
  assert.equal(validateKeyAlias('alias/' + 'a'.repeat(256))?.code, 'Alias.TooLong');
  assert.equal(validateKeyAlias('alias/my key')?.code, 'Alias.BadCharacter');
  assert.equal(validateKeyAlias('alias/acs/ecs'), undefined, 'referring to a service key is fine');
  assert.equal(validateKeyAlias('alias/acs/ecs', { forCreate: true })?.code, 'Alias.Reserved');
});

test('secret names, accounts, policy documents, service principals', () => {
  assert.equal(validateSecretName('db/password@prod'), undefined);
  assert.equal(validateSecretName('a b')?.code, 'SecretName.BadCharacter');
  assert.equal(validateSecretName('acs/x', { forCreate: true })?.code, 'SecretName.Reserved');
  assert.equal(validateAccountId('1234567890123456'), undefined);
  assert.ok(validateAccountId('12a'));
  assert.equal(validatePolicyDocumentLength('x'.repeat(6144)), undefined);
  assert.equal(validatePolicyDocumentLength('x'.repeat(6145))?.code, 'PolicyDocument.TooLong');
  assert.equal(validateServicePrincipal('ecs.aliyuncs.com'), undefined);
  assert.ok(validateServicePrincipal('ecs'));
});
