// The on-instance script of "Check KMS Access on Instances", run with python3 on its own: against a
// loopback fake of the metadata service and KMS (what it prints, what it never prints), its requests
// verified by the emulator's signature verifier, and its signer compared with the one the real
// @alicloud/kms20160120 client uses for the same request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Account } from '../emulator/state';
import { authenticate, NonceStore, type WireRequest } from '../emulator/signature';
import { fakeServer, kmsResponder, metadataResponder, runScript, type FakeCredential } from './support/fleetScript';

const credential: FakeCredential = {
  AccessKeyId: 'STS.NTestKeyId0001', AccessKeySecret: 'secret-value-never-printed-01',
  SecurityToken: 'CAIS-security-token-never-printed-0001', Expiration: '2099-01-01T00:00:00Z',
};

async function withFakes<T>(role: string | undefined, deny: string | undefined, run: (urls: { metadata: string; kms: string }) => Promise<T>) {
  const metadata = await fakeServer(metadataResponder(role, credential));
  const kms = await fakeServer(kmsResponder(deny));
  try {
    return { result: await run({ metadata: metadata.url, kms: kms.url }), kmsSeen: kms.seen, metadataSeen: metadata.seen };
  } finally {
    await Promise.all([metadata.close(), kms.close()]);
  }
}

function oneJsonLine(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1, `one line of output, got: ${stdout}`);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

function assertNoSecrets(stdout: string, plaintexts: string[]): void {
  for (const s of [credential.AccessKeySecret, credential.SecurityToken, 'imds-token-value-0001', ...plaintexts]) {
    assert.ok(!stdout.includes(s), `output must not contain ${s.slice(0, 8)}…`);
  }
}

test('a role with access: Encrypt then Decrypt on the VPC endpoint, one JSON line, no secret printed', async () => {
  const { result: run, kmsSeen, metadataSeen } = await withFakes('EcsKmsRole', undefined, ({ metadata, kms }) =>
    runScript(['--key-id', 'key-1', '--metadata', metadata, '--vpc-endpoint', kms, '--public-endpoint', 'http://127.0.0.1:1']));
  const out = oneJsonLine(run.stdout);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(out.ok, true);
  assert.equal(out.role, 'EcsKmsRole');
  assert.equal(out.expiration, credential.Expiration);
  assert.equal(out.region, 'cn-hangzhou');
  assert.deepEqual(out.metadata, { token: 200, role: 200, credential: 200 });
  const calls = out.calls as Array<Record<string, unknown>>;
  assert.deepEqual(calls.map((c) => [c.action, c.status, c.requestId]), [['Encrypt', 200, 'REQ-1'], ['Decrypt', 200, 'REQ-2']]);
  assert.ok(calls.every((c) => typeof c.ms === 'number'));
  const network = out.network as Array<{ dns: { ok: boolean }; tcp: { ok: boolean } }>;
  assert.equal(network.length, 1, 'the public endpoint is not tried when the VPC one answers');
  assert.equal(network[0].tcp.ok, true);
  assert.equal(metadataSeen[0].method, 'PUT', 'the IMDSv2 token is asked for first');
  assert.equal(metadataSeen[0].headers['x-aliyun-ecs-metadata-token-ttl-seconds'], '300');
  const plaintext = kmsSeen[0].query.Plaintext;
  assert.equal(Buffer.from(plaintext, 'base64').length, 24, 'Plaintext is Base64, as documented');
  assertNoSecrets(run.stdout, [plaintext]);
});

test('the VPC endpoint unreachable: the TCP failure is reported and the public endpoint is used', async () => {
  const { result: run } = await withFakes('EcsKmsRole', undefined, ({ metadata, kms }) =>
    runScript(['--key-id', 'key-1', '--region', 'cn-shanghai'], {
      KMS_CHECK_METADATA_URL: metadata, KMS_CHECK_VPC_ENDPOINT: 'http://127.0.0.1:1', KMS_CHECK_PUBLIC_ENDPOINT: kms,
    }));
  const out = oneJsonLine(run.stdout);
  assert.equal(out.ok, true);
  assert.equal(out.region, 'cn-shanghai', 'the --region argument wins over the metadata region');
  const network = out.network as Array<{ endpoint: string; tcp: { ok: boolean; error?: string } }>;
  assert.deepEqual(network.map((n) => n.tcp.ok), [false, true]);
  assert.equal(network[0].tcp.error, 'ConnectionRefusedError');
  assert.ok(String(out.endpoint).startsWith('http://127.0.0.1:') && out.endpoint !== 'http://127.0.0.1:1');
});

test('a refused Encrypt gives the code and RequestId, never the service message (it echoes the token)', async () => {
  const { result: run } = await withFakes('EcsNoPermissionRole', 'Forbidden.NoPermission', ({ metadata, kms }) =>
    runScript(['--key-id', 'key-1', '--metadata', metadata, '--vpc-endpoint', kms]));
  const out = oneJsonLine(run.stdout);
  assert.equal(run.code, 1);
  assert.equal(out.ok, false);
  assert.equal(out.code, 'Forbidden.NoPermission');
  assert.equal(out.action, 'Encrypt');
  assert.deepEqual((out.calls as Array<Record<string, unknown>>).map((c) => [c.status, c.code, c.requestId]), [[403, 'Forbidden.NoPermission', 'REQ-1']]);
  assertNoSecrets(run.stdout, []);
});

test('no role: the metadata 404 is the finding, and no KMS call is made', async () => {
  const { result: run, kmsSeen } = await withFakes(undefined, undefined, ({ metadata, kms }) =>
    runScript(['--key-id', 'key-1', '--metadata', metadata, '--vpc-endpoint', kms]));
  const out = oneJsonLine(run.stdout);
  assert.equal(out.code, 'Metadata.NoRole');
  assert.deepEqual(out.metadata, { token: 200, role: 404 });
  assert.equal(kmsSeen.length, 0);
});

test('no metadata service and no key id both end in one JSON line, not a traceback', async () => {
  const down = await runScript(['--key-id', 'key-1', '--metadata', 'http://127.0.0.1:1']);
  assert.equal(oneJsonLine(down.stdout).code, 'Metadata.Unavailable');
  assert.equal(down.stderr, '');
  const usage = await runScript([]);
  assert.equal(oneJsonLine(usage.stdout).code, 'Usage');
});

test("the script's requests pass the emulator's signature verifier, and a changed parameter fails it", async () => {
  const account = new Account('1688000000000009', 'cn-hangzhou');
  const now = Date.now();
  account.sessions.set(credential.AccessKeyId, {
    accessKeyId: credential.AccessKeyId, secret: credential.AccessKeySecret, token: credential.SecurityToken, expiration: now + 3_600_000,
    roleName: 'EcsKmsRole', sessionName: 'i-test', assumedRoleId: '1:i-test', issuedBy: 'ecs.aliyuncs.com',
  });
  const { kmsSeen } = await withFakes('EcsKmsRole', undefined, ({ metadata, kms }) =>
    runScript(['--key-id', 'alias/app key+1', '--metadata', metadata, '--vpc-endpoint', kms]));
  assert.equal(kmsSeen.length, 2);
  const nonces = new NonceStore();
  for (const seen of kmsSeen) {
    const caller = authenticate(account, seen as WireRequest, nonces, now);
    assert.equal(caller.principal.kind === 'role' && caller.principal.roleName, 'EcsKmsRole');
  }
  assert.equal(kmsSeen[0].query.KeyId, 'alias/app key+1', 'characters that need encoding survive the round trip');
  const tampered = { ...kmsSeen[0], query: { ...kmsSeen[0].query, KeyId: 'key-2', SignatureNonce: 'other' } } as WireRequest;
  assert.throws(() => authenticate(account, tampered, new NonceStore(), now), /SignatureDoesNotMatch|does not match/);
});

test('the script signs exactly as the real @alicloud/kms20160120 client does for the same request', async () => {
  const sdkSeen = await fakeServer(() => ({ status: 200, body: JSON.stringify({ RequestId: 'R', KeyId: 'k', CiphertextBlob: 'c' }) }));
  try {
    const { Config } = require('@alicloud/rpc-client') as typeof import('@alicloud/rpc-client');
    const kms = require('@alicloud/kms20160120') as typeof import('@alicloud/kms20160120');
    const client = new kms.default(new Config({
      accessKeyId: credential.AccessKeyId, accessKeySecret: credential.AccessKeySecret, securityToken: credential.SecurityToken,
      endpoint: new URL(sdkSeen.url).host, protocol: 'http', regionId: 'cn-hangzhou',
    }));
    // Characters the two encoders could treat differently: space, +, /, =, *, ~, !, ', (, ) and non-ASCII.
    const plaintext = Buffer.from("fleet check: a+b/c=d*e~f!g'h(i)j 密钥").toString('base64');
    await client.encrypt(new kms.EncryptRequest({ keyId: "alias/app key*~!'()", plaintext, encryptionContext: { app: 'a b' } }));
    await client.decrypt(new kms.DecryptRequest({ ciphertextBlob: 'Y2lwaGVy+/==' }));
    assert.equal(sdkSeen.seen.length, 2);
    for (const seen of sdkSeen.seen) {
      const { Signature, Action, Version, Format, AccessKeyId, SignatureMethod, SignatureVersion, SignatureNonce, Timestamp, SecurityToken, ...extra } = seen.query;
      assert.equal(seen.method, 'POST');
      const run = await runScript(['--query-stdin'], {}, JSON.stringify({
        action: Action, extra, nonce: SignatureNonce, timestamp: Timestamp,
        cred: { AccessKeyId: credential.AccessKeyId, AccessKeySecret: credential.AccessKeySecret, SecurityToken: credential.SecurityToken },
      }));
      const ours = JSON.parse(run.stdout) as Record<string, string>;
      assert.deepEqual({ Version, Format, AccessKeyId, SignatureMethod, SignatureVersion, SecurityToken },
        { Version: ours.Version, Format: ours.Format, AccessKeyId: ours.AccessKeyId, SignatureMethod: ours.SignatureMethod, SignatureVersion: ours.SignatureVersion, SecurityToken: ours.SecurityToken });
      assert.equal(ours.Signature, Signature, `${Action}: same parameters, same signature`);
    }
  } finally {
    await sdkSeen.close();
  }
});
