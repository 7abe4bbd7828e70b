// KmsService against the emulator with the real KMS 1.2.0 RPC SDK: every method and key-state errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import { collect } from '../../src/cloud/paging';
import { CloudError, type CloudServices } from '../../src/cloud/types';

let h: Harness;
let s: CloudServices;

before(async () => {
  h = await startHarness();
  s = await h.admin('cn-hangzhou');
});
after(() => h.close());

test('the service reports the endpoint it uses', () => {
  const kms = s.kms('cn-shanghai');
  assert.equal(kms.regionId, 'cn-shanghai');
  assert.equal(kms.endpoint, new URL(h.emulator.api).host);
  assert.equal(kms.protocol, 'http');
});

test('keys: list with paging, describe, aliases', async () => {
  h.emulator.resetCalls();
  const keys = await collect(s.kms().listKeys({ pageSize: 2 }));
  assert.deepEqual(keys.map((k) => k.keyId).sort(), ['key-hzzdemo0000000000001', 'key-hzzdemo0000000000002', 'key-hzzdemo0000000000003']);
  assert.equal(h.emulator.calls.byAction.ListKeys, 2);
  const key = await s.kms().describeKey('key-hzzdemo0000000000001');
  assert.equal(key.keyState, 'Enabled');
  assert.equal(key.arn, 'acs:kms:cn-hangzhou:1688000000000001:key/key-hzzdemo0000000000001');
  assert.ok(key.keySpec);
  assert.equal((await s.kms().describeKey('alias/demo-disabled')).keyState, 'Disabled');
  const aliases = await collect(s.kms().listAliases());
  assert.ok(aliases.some((a) => a.aliasName === 'alias/demo-app' && a.keyId === 'key-hzzdemo0000000000001'));
  const byKey = await s.kms().listAliasesByKeyId('key-hzzdemo0000000000001');
  assert.deepEqual(byKey.map((a) => a.aliasName), ['alias/demo-app']);
  const shanghai = await collect(s.kms('cn-shanghai').listKeys());
  assert.deepEqual(shanghai.map((k) => k.keyId), ['key-shhdemo0000000000001']);
});

test('encrypt, decrypt and generate a data key with an encryption context', async () => {
  const context = { app: 'test', purpose: 'round-trip' };
  const encrypted = await s.kms().encrypt({ keyId: 'alias/demo-app', plaintext: 'hello 世界', encryptionContext: context });
  assert.equal(encrypted.keyId, 'key-hzzdemo0000000000001');
  assert.ok(encrypted.keyVersionId);
  assert.ok(encrypted.requestId);
  const decrypted = await s.kms().decrypt({ ciphertextBlob: encrypted.ciphertextBlob, encryptionContext: context });
  assert.equal(decrypted.plaintext, 'hello 世界');
  const wrong = await s.kms().decrypt({ ciphertextBlob: encrypted.ciphertextBlob, encryptionContext: { app: 'other' } }).catch((e: unknown) => e);
  assert.ok(wrong instanceof CloudError, 'a wrong context fails');
  const dataKey = await s.kms().generateDataKey({ keyId: 'key-hzzdemo0000000000001', keySpec: 'AES_256' });
  assert.equal(Buffer.from(dataKey.plaintext, 'base64').length, 32);
  const unwrapped = await s.kms().decrypt({ ciphertextBlob: dataKey.ciphertextBlob });
  assert.equal(unwrapped.plaintext, dataKey.plaintext);
});

test('disabled, pending-deletion and missing keys fail with codes and hints', async () => {
  const disabled = await s.kms().encrypt({ keyId: 'alias/demo-disabled', plaintext: 'x' }).catch((e: unknown) => e);
  assert.ok(disabled instanceof CloudError);
  assert.equal(disabled.code, 'Rejected.Disabled');
  assert.match(disabled.hint ?? '', /disabled/);
  const pending = await s.kms().encrypt({ keyId: 'key-hzzdemo0000000000003', plaintext: 'x' }).catch((e: unknown) => e);
  assert.ok(pending instanceof CloudError);
  assert.match(pending.hint ?? '', /pending deletion/);
  const missing = await s.kms().describeKey('key-doesnotexist').catch((e: unknown) => e);
  assert.ok(missing instanceof CloudError);
  assert.equal(missing.apiAction, 'DescribeKey');
  assert.ok(missing.requestId);
  assert.match(missing.hint ?? '', /not found|does not exist/);
});

test('secrets: list, describe, get value', async () => {
  const secrets = await collect(s.kms().listSecrets({ pageSize: 1 }));
  assert.deepEqual(secrets.map((x) => x.secretName).sort(), ['demo/api-token', 'demo/db-password']);
  const described = await s.kms().describeSecret('demo/db-password');
  assert.equal(described.description, 'Database password');
  assert.match(described.arn ?? '', /^acs:kms:cn-hangzhou:1688000000000001:secret\/demo\/db-password/);
  const value = await s.kms().getSecretValue('demo/db-password');
  assert.equal(value.secretData, 'demo-db-password-not-real');
  assert.ok(value.versionId);
  assert.ok(value.versionStages.includes('ACSCurrent'));
});
