// KMS through the real KMS RPC client (HMAC-SHA1 v1): keys and aliases addressed by id, alias
// and ARN; real AES-256-GCM with the EncryptionContext bound; GenerateDataKey usable for local
// envelope encryption; refused states; Secrets Manager.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as Kms from '@alicloud/kms20160120';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';

let emu: Emulator;
let kms: ReturnType<typeof clients>['kms'];
before(async () => {
  emu = await startEmulator({ scenario: 'demo' });
  kms = clients(emu.api, emu).kms;
});
after(() => emu.close());

const KEY = 'key-hzzdemo0000000000001';

describe('emulator KMS', () => {
  it('creates and lists keys with paging, describes them by id, alias and ARN', async () => {
    const created = await kms.createKey(new Kms.CreateKeyRequest({ description: 'made by test' }));
    const id = created.keyMetadata?.keyId ?? '';
    assert.equal(created.keyMetadata?.keyState, 'Enabled');
    assert.equal(created.keyMetadata?.arn, `acs:kms:cn-hangzhou:${emu.accountId}:key/${id}`);
    const p1 = await kms.listKeys(new Kms.ListKeysRequest({ pageSize: 3, pageNumber: 1 }));
    const p2 = await kms.listKeys(new Kms.ListKeysRequest({ pageSize: 3, pageNumber: 2 }));
    assert.equal(p1.totalCount, 4);
    assert.deepEqual([...(p1.keys?.key ?? []), ...(p2.keys?.key ?? [])].map((k) => k.keyId).sort(), [id, KEY, 'key-hzzdemo0000000000002', 'key-hzzdemo0000000000003'].sort());
    for (const ref of [KEY, 'alias/demo-app', `acs:kms:cn-hangzhou:${emu.accountId}:key/${KEY}`, `acs:kms:cn-hangzhou:${emu.accountId}:alias/demo-app`]) {
      assert.equal((await kms.describeKey(new Kms.DescribeKeyRequest({ keyId: ref }))).keyMetadata?.keyId, KEY, ref);
    }
    await assert.rejects(kms.describeKey(new Kms.DescribeKeyRequest({ keyId: 'alias/none' })), (e) => codeOf(e) === 'Forbidden.AliasNotFound');
    await assert.rejects(kms.describeKey(new Kms.DescribeKeyRequest({ keyId: 'key-none' })), (e) => codeOf(e) === 'Forbidden.KeyNotFound');
  });

  it('creates and lists aliases', async () => {
    await kms.createAlias(new Kms.CreateAliasRequest({ aliasName: 'alias/test-extra', keyId: KEY }));
    await assert.rejects(kms.createAlias(new Kms.CreateAliasRequest({ aliasName: 'alias/test-extra', keyId: KEY })), (e) => codeOf(e) === 'Rejected.ResourceExist');
    await assert.rejects(kms.createAlias(new Kms.CreateAliasRequest({ aliasName: 'no-prefix', keyId: KEY })), (e) => codeOf(e) === 'InvalidParameter');
    const byKey = await kms.listAliasesByKeyId(new Kms.ListAliasesByKeyIdRequest({ keyId: KEY }));
    assert.deepEqual(byKey.aliases?.alias?.map((a) => a.aliasName).sort(), ['alias/demo-app', 'alias/test-extra']);
    const all = await kms.listAliases(new Kms.ListAliasesRequest({ pageSize: 100 }));
    assert.ok(all.aliases?.alias?.some((a) => a.aliasArn === `acs:kms:cn-hangzhou:${emu.accountId}:alias/demo-disabled`));
  });

  it('encrypts and decrypts with the context bound; a wrong context or a tampered blob fails', async () => {
    const context = { app: 'web', env: 'prod' };
    const enc = await kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-app', plaintext: 'top secret ✓', encryptionContext: context }));
    assert.equal(enc.keyId, KEY);
    assert.ok(!Buffer.from(enc.ciphertextBlob ?? '', 'base64').includes(Buffer.from('top secret')));
    const dec = await kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: enc.ciphertextBlob, encryptionContext: { env: 'prod', app: 'web' } }));
    assert.equal(dec.plaintext, 'top secret ✓');
    assert.equal(dec.keyId, KEY);
    assert.equal(dec.keyVersionId, enc.keyVersionId);
    await assert.rejects(kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: enc.ciphertextBlob, encryptionContext: { app: 'web', env: 'dev' } })), (e) => codeOf(e) === 'InvalidParameter');
    await assert.rejects(kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: enc.ciphertextBlob })), (e) => codeOf(e) === 'InvalidParameter');
    const bytes = Buffer.from(enc.ciphertextBlob ?? '', 'base64');
    bytes[bytes.length - 1] ^= 1;
    await assert.rejects(kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: bytes.toString('base64'), encryptionContext: context })), (e) => codeOf(e) === 'InvalidParameter');
    await assert.rejects(kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: 'bm90IGEgYmxvYg==' })), (e) => codeOf(e) === 'InvalidParameter');
  });

  it('refuses disabled and pending-deletion keys, also for data encrypted before the key was disabled', async () => {
    await assert.rejects(kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-disabled', plaintext: 'x' })), (e: { data: { Code: string }; message: string }) =>
      e.data.Code === 'Rejected.Disabled' && /code: 409/.test(e.message));
    await assert.rejects(kms.encrypt(new Kms.EncryptRequest({ keyId: 'key-hzzdemo0000000000003', plaintext: 'x' })), (e) => codeOf(e) === 'Rejected.PendingDeletion');
    const enc = await kms.encrypt(new Kms.EncryptRequest({ keyId: KEY, plaintext: 'x' }));
    emu.account.keys.get(KEY)!.state = 'Disabled';
    try {
      await assert.rejects(kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: enc.ciphertextBlob })), (e) => codeOf(e) === 'Rejected.Disabled');
    } finally {
      emu.account.keys.get(KEY)!.state = 'Enabled';
    }
  });

  it('GenerateDataKey returns a data key usable for local AES-256-GCM whose blob decrypts to the same key', async () => {
    const dk = await kms.generateDataKey(new Kms.GenerateDataKeyRequest({ keyId: 'alias/demo-app', encryptionContext: { purpose: 'envelope' } }));
    const key = Buffer.from(dk.plaintext ?? '', 'base64');
    assert.equal(key.length, 32);
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([c.update('payload'), c.final()]);
    const tag = c.getAuthTag();
    const back = await kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: dk.ciphertextBlob, encryptionContext: { purpose: 'envelope' } }));
    const d = createDecipheriv('aes-256-gcm', Buffer.from(back.plaintext ?? '', 'base64'), iv);
    d.setAuthTag(tag);
    assert.equal(Buffer.concat([d.update(sealed), d.final()]).toString(), 'payload');
    const small = await kms.generateDataKey(new Kms.GenerateDataKeyRequest({ keyId: KEY, keySpec: 'AES_128' }));
    assert.equal(Buffer.from(small.plaintext ?? '', 'base64').length, 16);
  });

  it('creates, lists, describes and reads secrets', async () => {
    const created = await kms.createSecret(new Kms.CreateSecretRequest({ secretName: 'test/new', secretData: 's3cr3t', versionId: 'v1', encryptionKeyId: 'alias/demo-app' }));
    assert.equal(created.arn, `acs:kms:cn-hangzhou:${emu.accountId}:secret/test/new`);
    await assert.rejects(kms.createSecret(new Kms.CreateSecretRequest({ secretName: 'test/new', secretData: 'x', versionId: 'v1' })), (e) => codeOf(e) === 'Rejected.ResourceExist');
    const list = await kms.listSecrets(new Kms.ListSecretsRequest({ pageSize: 2 }));
    assert.equal(list.totalCount, 3);
    assert.equal(list.secretList?.secret?.length, 2);
    const described = await kms.describeSecret(new Kms.DescribeSecretRequest({ secretName: 'test/new' }));
    assert.equal(described.encryptionKeyId, KEY);
    const value = await kms.getSecretValue(new Kms.GetSecretValueRequest({ secretName: 'test/new' }));
    assert.equal(value.secretData, 's3cr3t');
    assert.equal(value.versionId, 'v1');
    assert.deepEqual(value.versionStages?.versionStage, ['ACSCurrent']);
    await assert.rejects(kms.getSecretValue(new Kms.GetSecretValueRequest({ secretName: 'nope' })), (e) => codeOf(e) === 'Forbidden.ResourceNotFound');
  });
});
