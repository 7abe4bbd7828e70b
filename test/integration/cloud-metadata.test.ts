// The instance metadata client and its credential cache against the emulator's metadata service:
// token and token-less paths, hardened mode, no role, not on ECS, one fetch for 100 callers,
// refresh near expiry, and the SDKs signing with the instance credential.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { startHarness, type Harness } from './cloud-harness';
import { InstanceMetadataClient } from '../../src/cloud/metadata/instanceMetadataClient';
import { CloudError } from '../../src/cloud/types';

const CRED_PATH = '/latest/meta-data/ram/security-credentials/EcsKmsAccessRole';
let h: Harness;

before(async () => {
  h = await startHarness({ credentialLifetimeSeconds: 3600 });
});
after(() => h.close());

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('probe and identity: the token path is used first', async () => {
  const client = new InstanceMetadataClient({ endpoint: h.emulator.metadata, env: {} });
  h.emulator.resetCalls();
  const probe = await client.probe();
  assert.equal(probe.onEcs, true);
  assert.equal(probe.mode, 'token');
  const identity = await client.getIdentity();
  assert.deepEqual({ ...identity, privateIpv4: undefined }, { instanceId: 'i-bp1demo0000000000001', regionId: 'cn-hangzhou', zoneId: 'cn-hangzhou-h', vpcId: 'vpc-bp1demo01', privateIpv4: undefined, mode: 'token' });
  assert.equal(await client.getRoleName(), 'EcsKmsAccessRole');
  assert.equal(h.emulator.calls.metadataByPath['/latest/api/token'], 1, 'the token is reused');
});

test('hardened mode (token required) works through the token path', async () => {
  h.emulator.metadataMode = 'token-required';
  try {
    const client = new InstanceMetadataClient({ endpoint: h.emulator.metadata, env: {} });
    const credential = await client.getCredential();
    assert.equal(credential.mode, 'token');
    assert.equal(credential.roleName, 'EcsKmsAccessRole');
    assert.match(credential.accessKeyId, /^STS\./);
    assert.match(credential.expiration, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  } finally {
    h.emulator.metadataMode = 'token-optional';
  }
});

test('without a token endpoint the client falls back to the token-less request, unless IMDSv1 is disabled', async () => {
  // A proxy in front of the metadata service that refuses the token PUT: simulated with a tiny server.
  const http = await import('node:http');
  const target = new URL(h.emulator.metadata);
  const proxy = http.createServer((req, res) => {
    if (req.method === 'PUT') {
      res.writeHead(403).end('no tokens here');
      return;
    }
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  try {
    const v1 = new InstanceMetadataClient({ endpoint, env: {} });
    const credential = await v1.getCredential();
    assert.equal(credential.mode, 'no-token');
    const probe = await v1.probe();
    assert.equal(probe.mode, 'no-token');
    assert.match(probe.tokenProblem ?? '', /HTTP 403/);

    const strict = new InstanceMetadataClient({ endpoint, env: { ALIBABA_CLOUD_IMDSV1_DISABLED: 'true' } });
    const error = await strict.getCredential().catch((e: unknown) => e);
    assert.ok(error instanceof CloudError);
    assert.equal(error.code, 'Metadata.TokenFailed');
    assert.match(error.message, /token-less request is disabled/);
    const strictOption = new InstanceMetadataClient({ endpoint, env: {}, imdsv1Disabled: true });
    assert.equal((await strictOption.probe()).tokenProblem !== undefined, true);
  } finally {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});

test('an instance without a role: Metadata.NoRole with the fix in the hint', async () => {
  const previous = h.emulator.thisInstanceId;
  h.emulator.thisInstanceId = 'i-bp1demo0000000000002';
  try {
    const client = new InstanceMetadataClient({ endpoint: h.emulator.metadata, env: {} });
    assert.equal(await client.getRoleName(), undefined);
    const error = await client.getCredential().catch((e: unknown) => e);
    assert.ok(error instanceof CloudError);
    assert.equal(error.code, 'Metadata.NoRole');
    assert.match(error.hint ?? '', /Attach/);
  } finally {
    h.emulator.thisInstanceId = previous;
  }
});

// The issue asks for < 0.5 s; the bound here is loose (1.5 s, as in the extension tests) so a busy
// machine cannot make it flaky, yet far below the 2 x 1 s a probe without its own deadlines would take.
test('not on ECS: nothing listens or nothing answers, the probe says so fast', async () => {
  const client = new InstanceMetadataClient({ endpoint: `http://127.0.0.1:${await closedPort()}`, env: {} });
  const started = Date.now();
  const probe = await client.probe();
  assert.equal(probe.onEcs, false);
  assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
  assert.match(probe.reason ?? '', /Cannot reach/);
  const silent = net.createServer(() => undefined); // accepts and never answers
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const slow = new InstanceMetadataClient({ endpoint: `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`, env: {} });
    const t0 = Date.now();
    const result = await slow.probe();
    assert.equal(result.onEcs, false);
    assert.ok(Date.now() - t0 < 1500, `silent service took ${Date.now() - t0} ms`);
  } finally {
    silent.close();
  }
});

test('100 concurrent callers cause ONE credential fetch', async () => {
  const client = new InstanceMetadataClient({ endpoint: h.emulator.metadata, env: {} });
  h.emulator.resetCalls();
  const credentials = await Promise.all(Array.from({ length: 100 }, () => client.getCredential()));
  assert.equal(new Set(credentials.map((c) => c.accessKeyId)).size, 1);
  assert.equal(h.emulator.calls.metadataByPath[CRED_PATH], 1);
  assert.equal(h.emulator.calls.metadataByPath['/latest/api/token'], 1);
  await Promise.all(Array.from({ length: 100 }, () => client.getCredential()));
  assert.equal(h.emulator.calls.metadataByPath[CRED_PATH], 1, 'still cached');
});

test('the credential is reused until 15 minutes before Expiration, then refreshed once', async () => {
  let now = Date.now();
  const client = new InstanceMetadataClient({ endpoint: h.emulator.metadata, env: {}, now: () => now });
  h.emulator.resetCalls();
  const first = await client.getCredential();
  const lifetime = first.expirationMs - now;
  now = first.expirationMs - 16 * 60_000; // 16 minutes left: still fresh
  await Promise.all(Array.from({ length: 20 }, () => client.getCredential()));
  assert.equal(h.emulator.calls.metadataByPath[CRED_PATH], 1);
  now = first.expirationMs - 14 * 60_000; // 14 minutes left: refresh, once for all callers
  await Promise.all(Array.from({ length: 20 }, () => client.getCredential()));
  assert.equal(h.emulator.calls.metadataByPath[CRED_PATH], 2);
  assert.ok(lifetime > 15 * 60_000);
  now += 1000;
  await client.getCredential();
  assert.equal(h.emulator.calls.metadataByPath[CRED_PATH], 2, 'not re-fetched on every call after the refresh');
});

test('the SDK clients sign with the instance credential through the shared cache (ecsInstance profile)', async () => {
  const list = await h.factory.listProfiles();
  const instance = list.profiles.find((p) => p.source === 'ecsInstance');
  assert.ok(instance, 'on the emulated instance an ecsInstance profile is listed');
  assert.equal(instance.usable, true);
  assert.equal(instance.roleName, 'EcsKmsAccessRole');
  const services = h.factory.createServices(instance, 'cn-hangzhou');
  h.emulator.resetCalls();
  const identity = await services.sts.getCallerIdentity();
  assert.equal(identity.identityType, 'AssumedRoleUser');
  assert.match(identity.arn, /:assumed-role\/EcsKmsAccessRole\/i-bp1demo0000000000001$/);
  const results = await Promise.all(Array.from({ length: 10 }, (_, n) => services.kms().encrypt({ keyId: 'alias/demo-app', plaintext: `p${n}` })));
  assert.equal(results.length, 10);
  assert.equal(h.emulator.calls.metadataByPath[CRED_PATH], 1, 'one fetch for all the calls');

  // Instance services sign with the instance role whatever the active profile is, through the same cache.
  const onInstance = h.factory.createInstanceServices('cn-hangzhou');
  assert.equal(onInstance.profile.id, 'ecsInstance:instance');
  const encrypted = await onInstance.kms().encrypt({ keyId: 'alias/demo-app', plaintext: 'from the instance' });
  assert.equal((await onInstance.kms().decrypt({ ciphertextBlob: encrypted.ciphertextBlob })).plaintext, 'from the instance');
  assert.equal(h.emulator.calls.metadataByPath[CRED_PATH], 1, 'still the one cached credential');
  const denied = await onInstance.ram.createRole({ roleName: 'x', assumeRolePolicyDocument: '{}' }).catch((e: unknown) => e);
  assert.ok(denied instanceof CloudError && denied.code === 'NoPermission', 'the instance role has KMS rights only');
});
