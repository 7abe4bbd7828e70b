// Error normalisation for BOTH SDK generations: openapi-core (ECS/RAM/STS, ACS3) and the KMS 1.2.0
// RPC client throw differently; both must become the same CloudError with an actionable hint.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type Emulator } from '../emulator';
import { createCloudServicesFactory } from '../../src/cloud';
import { emulatorSettings, MemorySecretStore } from './cloud-harness';
import { CloudError, type CloudServices, type CloudSettings } from '../../src/cloud/types';

let emulator: Emulator;
let home: string;

before(async () => {
  emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo' });
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-err-home-'));
});
after(async () => {
  await emulator.close();
  fs.rmSync(home, { recursive: true, force: true });
});

async function servicesFor(accessKeyId: string, accessKeySecret: string, settings: CloudSettings = emulatorSettings(emulator)): Promise<CloudServices> {
  const factory = createCloudServicesFactory(
    { secrets: new MemorySecretStore(), settings: () => settings, home, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret } },
    { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
  );
  const profile = (await factory.listProfiles()).profiles.find((p) => p.id === 'environment:env')!;
  return factory.createServices(profile, 'cn-hangzhou');
}

async function failure(work: Promise<unknown>): Promise<CloudError> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof CloudError, `expected a CloudError, got ${String(error)}`);
  return error;
}

test('a wrong secret: SignatureDoesNotMatch from both generations, same code, same hint', async () => {
  const s = await servicesFor(emulator.accessKeyId, 'not-the-secret');
  const acs3 = await failure(s.ecs.describeRegions());
  const rpc = await failure(s.kms().listAliasesByKeyId('key-hzzdemo0000000000001'));
  for (const e of [acs3, rpc]) {
    assert.equal(e.code, 'SignatureDoesNotMatch');
    assert.match(e.hint ?? '', /secret does not match/);
    assert.ok(e.requestId, 'RequestId kept');
    assert.ok(e.httpStatus && e.httpStatus >= 400 && e.httpStatus < 500);
    assert.doesNotMatch(e.message, /request ?id:|^code: /i, 'the message is the service\'s, not the SDK\'s wrapper');
  }
  assert.equal(acs3.apiAction, 'DescribeRegions');
  assert.equal(rpc.apiAction, 'ListAliasesByKeyId');
});

test('an unknown AccessKey ID: InvalidAccessKeyId.NotFound from both generations', async () => {
  const s = await servicesFor('LTAI5tUnknownKey00000', 'whatever-secret');
  for (const e of [await failure(s.sts.getCallerIdentity()), await failure(s.kms().encrypt({ keyId: 'alias/demo-app', plaintext: 'x' }))]) {
    assert.equal(e.code, 'InvalidAccessKeyId.NotFound');
    assert.match(e.hint ?? '', /AccessKey ID is unknown/);
  }
});

test('permission errors name the missing action and resource (RAM, ECS with ram:PassRole, KMS)', async () => {
  const reader = emulator.createUser('err-reader', ['ReadOnlyAccess']);
  const r = await servicesFor(reader.accessKeyId, reader.accessKeySecret);
  const ram = await failure(r.ram.createRole({ roleName: 'X', assumeRolePolicyDocument: '{"Version":"1","Statement":[]}' }));
  assert.equal(ram.code, 'NoPermission');
  assert.equal(ram.accessDenied?.action, 'ram:CreateRole');
  assert.match(ram.hint ?? '', /lacks the permission ram:CreateRole/);

  const ecsAdmin = emulator.createUser('err-ecs', ['AliyunECSFullAccess']);
  const e = await servicesFor(ecsAdmin.accessKeyId, ecsAdmin.accessKeySecret);
  // A refused call fails each of its instances with the call's CloudError (the service answers one result per id).
  const [refused] = await e.ecs.attachInstanceRamRole({ regionId: 'cn-hangzhou', ramRoleName: 'EcsNoPermissionRole', instanceIds: ['i-bp1demo0000000000002'] });
  const passRole = await failure(Promise.reject(refused.error));
  assert.equal(passRole.code, 'InvalidUser.PassRoleForbidden');
  assert.equal(passRole.accessDenied?.action, 'ram:PassRole');
  assert.match(passRole.accessDenied?.resource ?? '', /role\/ecsnopermissionrole/i);
  assert.match(passRole.hint ?? '', /ram:PassRole/);

  const kms = await failure(e.kms().encrypt({ keyId: 'alias/demo-app', plaintext: 'x' }));
  assert.equal(kms.code, 'Forbidden.NoPermission');
  assert.equal(kms.accessDenied?.action, 'kms:Encrypt');
  assert.match(kms.hint ?? '', /lacks the permission kms:Encrypt on acs:kms:cn-hangzhou:/);
});

test('clock skew: the timestamp is refused with a hint about the clock (both generations)', async () => {
  emulator.faults.clockSkewMs = 20 * 60_000;
  try {
    const s = await servicesFor(emulator.accessKeyId, emulator.accessKeySecret);
    for (const e of [await failure(s.sts.getCallerIdentity()), await failure(s.kms().describeKey('alias/demo-app'))]) {
      assert.match(e.hint ?? '', /clock/);
    }
  } finally {
    emulator.faults.clockSkewMs = 0;
  }
});

test('network: nothing listening (ECONNREFUSED) and a host that does not resolve (DNS)', async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const closed = `http://127.0.0.1:${port}`;
  const s = await servicesFor(emulator.accessKeyId, emulator.accessKeySecret, { endpoints: { ecs: closed, ram: closed, sts: closed, kms: closed }, metadataEndpoint: closed });
  for (const e of [await failure(s.ecs.describeRegions()), await failure(s.kms().describeKey('alias/demo-app'))]) {
    assert.equal(e.code, 'ECONNREFUSED');
    assert.match(e.hint ?? '', /Nothing accepts connections/);
  }
  const dns = 'http://no-such-host.invalid';
  const d = await servicesFor(emulator.accessKeyId, emulator.accessKeySecret, { endpoints: { ecs: dns, ram: dns, sts: dns, kms: dns } });
  for (const e of [await failure(d.sts.getCallerIdentity()), await failure(d.kms().describeKey('alias/demo-app'))]) {
    assert.ok(e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN', e.code);
    assert.match(e.hint ?? '', /DNS/);
  }
});
