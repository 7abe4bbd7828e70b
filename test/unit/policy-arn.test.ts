import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roleArn, parseRoleArn, keyArn, secretArn, instanceArn, aliasArn, accountRootArn, parseArn, classifyKeyIdentifier } from '../../src/policy/arn';
import { PolicyError } from '../../src/policy/problem';

const ACCOUNT = '1234567890123456';
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

test('role ARNs carry the role name in lower case', () => {
  assert.equal(roleArn(ACCOUNT, 'ECS-KMS-Role'), 'acs:ram::1234567890123456:role/ecs-kms-role');
  assert.deepEqual(parseRoleArn('acs:ram::1234567890123456:role/ecs-kms-role'), { account: ACCOUNT, roleName: 'ecs-kms-role' });
  assert.equal(parseRoleArn(keyArn('cn-hangzhou', ACCOUNT, KEY_ID)), undefined);
  assert.throws(() => roleArn(ACCOUNT, 'bad name'), PolicyError);
  assert.throws(() => roleArn('acct', 'x'), PolicyError);
});

test('KMS, secret, alias, instance and account ARNs', () => {
  assert.equal(keyArn('cn-hangzhou', ACCOUNT, KEY_ID), `acs:kms:cn-hangzhou:${ACCOUNT}:key/${KEY_ID}`);
  assert.equal(secretArn('cn-hangzhou', ACCOUNT, 'db/pass'), `acs:kms:cn-hangzhou:${ACCOUNT}:secret/db/pass`);
  assert.equal(aliasArn('cn-hangzhou', ACCOUNT, 'my-key'), `acs:kms:cn-hangzhou:${ACCOUNT}:alias/my-key`);
  assert.equal(instanceArn('cn-hangzhou', ACCOUNT, 'i-bp1'), `acs:ecs:cn-hangzhou:${ACCOUNT}:instance/i-bp1`);
  assert.equal(accountRootArn(ACCOUNT), `acs:ram::${ACCOUNT}:root`);
  assert.throws(() => keyArn('cn-hangzhou', ACCOUNT, 'alias/x'), /not a KMS key id/);
});

test('parseArn splits the five parts and never throws', () => {
  assert.deepEqual(parseArn(`acs:kms:cn-hangzhou:${ACCOUNT}:secret/db/pass`), {
    product: 'kms', region: 'cn-hangzhou', account: ACCOUNT, resource: 'secret/db/pass', resourceType: 'secret', resourceId: 'db/pass',
  });
  assert.equal(parseArn('arn:aws:kms'), undefined);
  assert.equal(parseArn(42 as unknown as string), undefined);
});

test('key identifiers are classified with a clear message when they are none of the forms', () => {
  assert.deepEqual(classifyKeyIdentifier(KEY_ID), { ok: true, value: { kind: 'keyId', keyId: KEY_ID } });
  assert.deepEqual(classifyKeyIdentifier(' alias/app '), { ok: true, value: { kind: 'alias', alias: 'alias/app' } });
  assert.deepEqual(classifyKeyIdentifier(`acs:kms:cn-hangzhou:${ACCOUNT}:key/${KEY_ID}`), { ok: true, value: { kind: 'keyArn', keyId: KEY_ID, region: 'cn-hangzhou', account: ACCOUNT } });
  assert.deepEqual(classifyKeyIdentifier(`acs:kms:cn-hangzhou:${ACCOUNT}:alias/app`), { ok: true, value: { kind: 'aliasArn', alias: 'alias/app', region: 'cn-hangzhou', account: ACCOUNT } });
  const bad = classifyKeyIdentifier('my key');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.problem.message, /is not a key identifier\. Enter a key id/);
  const arn = classifyKeyIdentifier(`acs:ecs:cn-hangzhou:${ACCOUNT}:instance/i-1`);
  assert.ok(!arn.ok && arn.problem.code === 'KeyIdentifier.BadArn');
  const alias = classifyKeyIdentifier('alias/');
  assert.ok(!alias.ok && alias.problem.code === 'Alias.Empty');
  assert.equal(classifyKeyIdentifier('').ok, false);
});
