// The metadata service: the IMDSv2 token flow in both modes, plain items, no-role 404, slow mode,
// and a credential that is a real STS session of the attached role (valid at the API port,
// following attach/detach, rotated before expiry).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as Ecs from '@alicloud/ecs20140526';
import * as Kms from '@alicloud/kms20160120';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';

let emu: Emulator;
before(async () => { emu = await startEmulator({ scenario: 'demo', metadataMode: 'token-required', credentialLifetimeSeconds: 1200 }); });
after(() => emu.close());

const CRED_PATH = '/latest/meta-data/ram/security-credentials/';

async function token(ttl = '60'): Promise<string> {
  const r = await fetch(`${emu.metadata}/latest/api/token`, { method: 'PUT', headers: { 'X-aliyun-ecs-metadata-token-ttl-seconds': ttl } });
  assert.equal(r.status, 200);
  return r.text();
}
const get = (path: string, t?: string) => fetch(`${emu.metadata}${path}`, { headers: t ? { 'X-aliyun-ecs-metadata-token': t } : {} });

describe('emulator metadata service', () => {
  it('token-required mode: 403 without a token, 401 with a bad one, 200 with a fresh one', async () => {
    assert.equal((await get('/latest/meta-data/instance-id')).status, 403);
    assert.equal((await get('/latest/meta-data/instance-id', 'forged')).status, 401);
    const t = await token();
    const r = await get('/latest/meta-data/instance-id', t);
    assert.equal(r.status, 200);
    assert.equal(await r.text(), 'i-bp1demo0000000000001');
    assert.equal(await (await get('/latest/meta-data/region-id', t)).text(), 'cn-hangzhou');
    assert.match(await (await get('/latest/meta-data/zone-id', t)).text(), /^cn-hangzhou-/);
    assert.equal(await (await get('/latest/meta-data/vpc-id', t)).text(), 'vpc-bp1demo01');
    assert.match(await (await get('/latest/meta-data/private-ipv4', t)).text(), /^\d+\.\d+\.\d+\.\d+$/);
    const proxied = await fetch(`${emu.metadata}/latest/api/token`, { method: 'PUT', headers: { 'X-aliyun-ecs-metadata-token-ttl-seconds': '60', 'X-Forwarded-For': '10.0.0.1' } });
    assert.equal(proxied.status, 403);
    for (const bad of ['0', '21601', 'abc']) {
      const res = await fetch(`${emu.metadata}/latest/api/token`, { method: 'PUT', headers: { 'X-aliyun-ecs-metadata-token-ttl-seconds': bad } });
      assert.equal(res.status, 400, bad);
    }
  });

  it('token-optional mode answers without a token but still rejects a bad one', async () => {
    emu.metadataMode = 'token-optional';
    try {
      assert.equal((await get('/latest/meta-data/instance-id')).status, 200);
      assert.equal((await get('/latest/meta-data/instance-id', 'forged')).status, 401);
    } finally {
      emu.metadataMode = 'token-required';
    }
  });

  it('serves a real STS credential of the attached role that works at the API port and is cached', async () => {
    const t = await token();
    assert.equal(await (await get(CRED_PATH, t)).text(), 'EcsKmsAccessRole');
    const cred = await (await get(`${CRED_PATH}EcsKmsAccessRole`, t)).json() as Record<string, string>;
    assert.equal(cred.Code, 'Success');
    assert.match(cred.Expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(cred.LastUpdated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const lifetime = Date.parse(cred.Expiration) - Date.parse(cred.LastUpdated);
    assert.ok(Math.abs(lifetime - 1200_000) <= 1000, `lifetime ${lifetime}`);
    const c = clients(emu.api, { accessKeyId: cred.AccessKeyId, accessKeySecret: cred.AccessKeySecret, securityToken: cred.SecurityToken });
    const id = await c.sts.getCallerIdentity();
    assert.equal(id.body?.arn, `acs:ram::${emu.accountId}:assumed-role/EcsKmsAccessRole/i-bp1demo0000000000001`);
    const enc = await c.kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-app', plaintext: 'from the instance' }));
    assert.equal((await c.kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: enc.ciphertextBlob }))).plaintext, 'from the instance');
    // The role has KMS crypto access only.
    await assert.rejects(c.ecs.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou' })), (e) => codeOf(e) === 'Forbidden.RAM');
    const again = await (await get(`${CRED_PATH}EcsKmsAccessRole`, t)).json() as Record<string, string>;
    assert.equal(again.AccessKeyId, cred.AccessKeyId);
  });

  it('rotates the credential once half its lifetime has passed, before it expires', async () => {
    const t = await token('3600');
    const first = await (await get(`${CRED_PATH}EcsKmsAccessRole`, t)).json() as Record<string, string>;
    try {
      emu.faults.clockSkewMs = 11 * 60_000; // past half of 20 minutes, inside the signature window
      const second = await (await get(`${CRED_PATH}EcsKmsAccessRole`, t)).json() as Record<string, string>;
      assert.notEqual(second.AccessKeyId, first.AccessKeyId);
      assert.ok(Date.parse(second.Expiration) > Date.parse(first.Expiration));
      // The old one is still valid until its own expiry.
      const old = clients(emu.api, { accessKeyId: first.AccessKeyId, accessKeySecret: first.AccessKeySecret, securityToken: first.SecurityToken });
      await old.sts.getCallerIdentity();
    } finally {
      emu.faults.clockSkewMs = 0;
    }
  });

  it('follows attach/detach through the ECS API; no role means 404; a wrong role name is 404', async () => {
    const t = await token();
    const admin = clients(emu.api, emu).ecs;
    assert.equal((await get(`${CRED_PATH}SomeOtherRole`, t)).status, 404);
    await admin.detachInstanceRamRole(new Ecs.DetachInstanceRamRoleRequest({ regionId: 'cn-hangzhou', instanceIds: '["i-bp1demo0000000000001"]' }));
    assert.equal((await get(CRED_PATH, t)).status, 404);
    assert.equal((await get(`${CRED_PATH}EcsKmsAccessRole`, t)).status, 404);
    await admin.attachInstanceRamRole(new Ecs.AttachInstanceRamRoleRequest({ regionId: 'cn-hangzhou', ramRoleName: 'EcsSecretsReaderRole', instanceIds: '["i-bp1demo0000000000001"]' }));
    assert.equal(await (await get(CRED_PATH, t)).text(), 'EcsSecretsReaderRole');
    const cred = await (await get(`${CRED_PATH}EcsSecretsReaderRole`, t)).json() as Record<string, string>;
    const c = clients(emu.api, { accessKeyId: cred.AccessKeyId, accessKeySecret: cred.AccessKeySecret, securityToken: cred.SecurityToken });
    assert.equal((await c.kms.getSecretValue(new Kms.GetSecretValueRequest({ secretName: 'demo/db-password' }))).secretData, 'demo-db-password-not-real');
    emu.thisInstanceId = 'i-bp1demo0000000000002';
    assert.equal((await get(CRED_PATH, t)).status, 404);
    assert.equal(await (await get('/latest/meta-data/instance-id', t)).text(), 'i-bp1demo0000000000002');
    emu.thisInstanceId = undefined;
    assert.equal((await get('/latest/meta-data/instance-id', t)).status, 404);
    emu.thisInstanceId = 'i-bp1demo0000000000001';
  });

  it('the extra Policy of AttachInstanceRamRole narrows the instance credential', async () => {
    const t = await token();
    const admin = clients(emu.api, emu).ecs;
    const id = 'i-bp1demo0000000000002';
    emu.thisInstanceId = id;
    try {
      const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });
      await admin.attachInstanceRamRole(new Ecs.AttachInstanceRamRoleRequest({ regionId: 'cn-hangzhou', ramRoleName: 'EcsKmsAccessRole', instanceIds: `["${id}"]`, policy }));
      const cred = await (await get(`${CRED_PATH}EcsKmsAccessRole`, t)).json() as Record<string, string>;
      const c = clients(emu.api, { accessKeyId: cred.AccessKeyId, accessKeySecret: cred.AccessKeySecret, securityToken: cred.SecurityToken });
      await assert.rejects(c.kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-app', plaintext: 'x' })), (e) => codeOf(e) === 'Forbidden.NoPermission');
    } finally {
      await admin.detachInstanceRamRole(new Ecs.DetachInstanceRamRoleRequest({ regionId: 'cn-hangzhou', instanceIds: `["${id}"]` }));
      emu.thisInstanceId = 'i-bp1demo0000000000001';
    }
  });

  it('slow mode delays answers and counts metadata calls by path', async () => {
    emu.resetCalls();
    const t = await token();
    emu.faults.metadataDelayMs = 150;
    try {
      const started = Date.now();
      await get('/latest/meta-data/instance-id', t);
      assert.ok(Date.now() - started >= 140);
    } finally {
      emu.faults.metadataDelayMs = 0;
    }
    assert.equal(emu.calls.metadata, 2);
    assert.equal(emu.calls.metadataByPath['/latest/api/token'], 1);
    assert.equal(emu.calls.metadataByPath['/latest/meta-data/instance-id'], 1);
  });
});
