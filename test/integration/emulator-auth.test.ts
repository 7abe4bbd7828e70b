// Authentication as the real service does it: the emulator re-derives both signature styles
// from the wire and refuses wrong secrets, unknown keys, replayed nonces, stale timestamps and
// expired or forged STS tokens, with the real error codes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import * as Ram from '@alicloud/ram20150501';
import * as Kms from '@alicloud/kms20160120';
import * as Sts from '@alicloud/sts20150401';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { RuntimeOptions } from '@darabonba/typescript';
import { startEmulator, type Emulator } from '../emulator/index';
import { clients, codeOf } from '../emulator/sdkClients';

let emu: Emulator;
before(async () => { emu = await startEmulator({ scenario: 'demo' }); });
after(() => emu.close());

async function assumeOps(durationSeconds = 900) {
  const { sts } = clients(emu.api, emu);
  const r = await sts.assumeRole(new Sts.AssumeRoleRequest({ roleArn: `acs:ram::${emu.accountId}:role/OpsAdminRole`, roleSessionName: 'auth-test', durationSeconds }));
  const c = r.body!.credentials!;
  return { accessKeyId: c.accessKeyId!, accessKeySecret: c.accessKeySecret!, securityToken: c.securityToken! };
}

describe('emulator authentication', () => {
  it('accepts the administrator with both signature styles (ACS3 and RPC v1)', async () => {
    const c = clients(emu.api, emu);
    const id = await c.sts.getCallerIdentity();
    assert.equal(id.body?.accountId, emu.accountId);
    assert.equal(id.body?.identityType, 'RAMUser');
    const keys = await c.kms.listKeys(new Kms.ListKeysRequest({}));
    assert.ok((keys.keys?.key?.length ?? 0) > 0);
  });

  it('canonicalizes like the SDKs: reserved characters, unicode and a form body all verify', async () => {
    const c = clients(emu.api, emu);
    const tricky = "it's (really) *fine*! ~ 中文 + a&b=c %20 / ? #";
    const policy = await c.ram.createPolicy(new Ram.CreatePolicyRequest({
      policyName: 'Tricky-Chars', description: tricky,
      policyDocument: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: "acs:kms:*:*:key/it's(*)!" }] }),
    }));
    assert.equal(policy.body?.policy?.description, tricky);
    const enc = await c.kms.encrypt(new Kms.EncryptRequest({ keyId: 'alias/demo-app', plaintext: tricky, encryptionContext: { "k(!)'*": tricky } }));
    assert.equal((await c.kms.decrypt(new Kms.DecryptRequest({ ciphertextBlob: enc.ciphertextBlob, encryptionContext: { "k(!)'*": tricky } }))).plaintext, tricky);
    // Parameters in a signed urlencoded body (x-acs-content-sha256 covers it) instead of the query.
    const params = new $OpenApiUtil.Params({
      action: 'DescribeInstances', version: '2014-05-26', protocol: 'HTTP', pathname: '/', method: 'POST',
      authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
    });
    const r = await c.ecs.callApi(params, new $OpenApiUtil.OpenApiRequest({ body: { RegionId: 'cn-shanghai', PageSize: 1 } }), new RuntimeOptions({}));
    assert.equal((r.body as { TotalCount: number }).TotalCount, 2);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch (ACS3: 400; RPC: SignatureDoesNotMatchError)', async () => {
    const bad = clients(emu.api, { accessKeyId: emu.accessKeyId, accessKeySecret: `${emu.accessKeySecret}x` });
    await assert.rejects(bad.ram.listRoles(new Ram.ListRolesRequest({})), (e: { code: string; statusCode: number }) => e.code === 'SignatureDoesNotMatch' && e.statusCode === 400);
    await assert.rejects(bad.kms.listKeys(new Kms.ListKeysRequest({})), (e: { code: string }) => e.code === 'SignatureDoesNotMatchError');
  });

  it('refuses an unknown AccessKeyId with InvalidAccessKeyId.NotFound (404)', async () => {
    const bad = clients(emu.api, { accessKeyId: 'LTAI5tNoSuchKey000000000', accessKeySecret: 'x' });
    await assert.rejects(bad.sts.getCallerIdentity(), (e: { code: string; statusCode: number }) => e.code === 'InvalidAccessKeyId.NotFound' && e.statusCode === 404);
  });

  it('refuses a timestamp more than 15 minutes off, accepts one inside the window', async () => {
    const c = clients(emu.api, emu);
    try {
      emu.faults.clockSkewMs = 16 * 60_000;
      await assert.rejects(c.sts.getCallerIdentity(), (e) => codeOf(e) === 'InvalidTimeStamp.Expired');
      await assert.rejects(c.kms.listKeys(new Kms.ListKeysRequest({})), (e) => codeOf(e) === 'InvalidTimeStamp.Expired');
      emu.faults.clockSkewMs = 14 * 60_000;
      assert.equal((await c.sts.getCallerIdentity()).body?.accountId, emu.accountId);
    } finally {
      emu.faults.clockSkewMs = 0;
    }
  });

  it('accepts an STS credential, refuses it once expired and when its token is forged', async () => {
    const cred = await assumeOps();
    const ok = clients(emu.api, cred);
    const id = await ok.sts.getCallerIdentity();
    assert.equal(id.body?.identityType, 'AssumedRoleUser');
    assert.equal(id.body?.arn, `acs:ram::${emu.accountId}:assumed-role/OpsAdminRole/auth-test`);
    await ok.kms.listKeys(new Kms.ListKeysRequest({}));

    const forged = clients(emu.api, { ...cred, securityToken: `${cred.securityToken.slice(0, -4)}AAAA` });
    await assert.rejects(forged.sts.getCallerIdentity(), (e) => codeOf(e) === 'InvalidSecurityToken.MismatchWithAccessKey');
    await assert.rejects(forged.kms.listKeys(new Kms.ListKeysRequest({})), (e) => codeOf(e) === 'InvalidSecurityToken.MismatchWithAccessKey');
    const tokenless = clients(emu.api, { accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret });
    await assert.rejects(tokenless.sts.getCallerIdentity(), (e) => codeOf(e) === 'MissingSecurityToken');

    emu.account.sessions.get(cred.accessKeyId)!.expiration = Date.now() - 1000;
    await assert.rejects(ok.sts.getCallerIdentity(), (e) => codeOf(e) === 'InvalidSecurityToken.Expired');
    await assert.rejects(ok.kms.listKeys(new Kms.ListKeysRequest({})), (e) => codeOf(e) === 'InvalidSecurityToken.Expired');
  });

  it('refuses a replayed request (same nonce) with SignatureNonceUsed', async () => {
    // A recording proxy captures the exact bytes the SDK sent; replaying them must fail.
    const target = new URL(emu.api);
    const recorded: Buffer[] = [];
    const open = new Set<Socket>();
    const proxy: Server = createServer((client) => {
      open.add(client);
      const upstream = connect(Number(target.port), target.hostname);
      client.on('data', (d) => { recorded.push(Buffer.from(d)); upstream.write(d); });
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (proxy.address() as AddressInfo).port;
      const viaProxy = clients(`http://127.0.0.1:${port}`, emu);
      await viaProxy.sts.getCallerIdentity();
      // The signature covers host "127.0.0.1:<proxy port>": replay it through the proxy too.
      const replay = await new Promise<string>((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => s.write(Buffer.concat(recorded)));
        let out = '';
        s.on('data', (d) => {
          out += d;
          if (out.trimEnd().endsWith('}')) { s.destroy(); resolve(out); }
        });
        s.on('error', reject);
      });
      assert.match(replay, /^HTTP\/1\.1 400/);
      assert.match(replay, /"Code":"SignatureNonceUsed"/);
    } finally {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
