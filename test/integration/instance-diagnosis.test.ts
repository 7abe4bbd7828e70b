// Diagnose KMS Access's checklist (src/diagnosis, pure of vscode) with the real metadata
// client, the real SDKs and the emulator. Conditions the loopback network cannot produce (a Date
// header 20 minutes off, a VPC endpoint that does not resolve) come from a network probe that
// overrides just that answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulator';
import { createCloudServicesFactory, type CloudServicesFactory, type CloudSettings } from '../../src/cloud';
import { nodeNetworkProbe } from '../../src/cloud/networkProbe';
import type { NetworkProbe } from '../../src/cloud/types';
import { runDiagnosis } from '../../src/diagnosis/runDiagnosis';
import type { DiagnosisDeps, DiagnosisReport, KmsEndpointInfo } from '../../src/diagnosis/diagnosisTypes';
import { readInstanceSnapshot } from '../../src/diagnosis/instanceSnapshot';
import { english } from '../../src/util/message';

let emulator: Emulator;
let factory: CloudServicesFactory;
let settings: CloudSettings;

const memorySecrets = () => {
  const map = new Map<string, string>();
  return { get: async (k: string) => map.get(k), store: async (k: string, v: string) => void map.set(k, v), delete: async (k: string) => void map.delete(k) };
};

before(async () => {
  emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo', metadataMode: 'token-required' });
  settings = { endpoints: { ram: emulator.api, ecs: emulator.api, kms: emulator.api, sts: emulator.api }, metadataEndpoint: emulator.metadata };
  factory = createCloudServicesFactory({
    secrets: memorySecrets(), settings: () => settings, home: mkdtempSync(join(tmpdir(), 'instance-diag-')),
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.accessKeySecret },
  });
});
after(() => emulator.close());

async function diagnose(overrides: Partial<DiagnosisDeps> = {}, network: Partial<NetworkProbe> = {}): Promise<DiagnosisReport> {
  const profiles = await factory.listProfiles();
  const admin = profiles.profiles.find((p) => p.source === 'environment')!;
  const management = factory.createServices(admin, 'cn-hangzhou');
  const kmsEndpoint = (): KmsEndpointInfo => ({ endpoint: new URL(emulator.api).host, protocol: 'http', vpc: false, overridden: true });
  return runDiagnosis({
    metadata: factory.metadata,
    network: { ...nodeNetworkProbe, ...network },
    instanceKms: (regionId) => factory.createInstanceServices(regionId).kms(regionId),
    kmsEndpoint,
    management: { profileName: admin.name, services: management },
    key: { identifier: 'alias/demo-app' },
    fallbackRegionId: 'cn-hangzhou',
    now: Date.now,
    ...overrides,
  });
}

const verdicts = (r: DiagnosisReport) => Object.fromEntries(r.lines.map((l) => [l.id, l.status]));
const line = (r: DiagnosisReport, id: string) => r.lines.find((l) => l.id === id)!;

test('healthy: eleven lines pass, in order, with evidence and no secret', async () => {
  const report = await diagnose();
  assert.deepEqual(report.lines.map((l) => l.id), ['metadata', 'token', 'role', 'credential', 'clock', 'dns', 'tcp', 'encrypt', 'trust', 'policies', 'vpc']);
  assert.deepEqual(new Set(Object.values(verdicts(report))), new Set(['passed']), JSON.stringify(report.lines, null, 1));
  assert.equal(report.roleName, 'EcsKmsAccessRole');
  const credential = await factory.metadata.getCredential();
  const all = JSON.stringify(report.lines.map((l) => [l.evidence.map(english), l.fix && english(l.fix)]));
  for (const secret of [credential.accessKeySecret, credential.securityToken, credential.accessKeyId]) assert.ok(!all.includes(secret), 'a secret in the report');
  assert.match(english(line(report, 'policies').evidence[1]), /kms:Encrypt, kms:Decrypt, kms:GenerateDataKey/);
});

test('a Date header 20 minutes off fails the clock line; 2 minutes off passes with a warning', async () => {
  const skewed = (minutes: number): Partial<NetworkProbe> => ({
    serviceDate: async () => ({ dateMs: Date.now() - minutes * 60_000, roundTripMs: 2, localMs: Date.now() }),
  });
  const far = await diagnose({}, skewed(20));
  assert.equal(line(far, 'clock').status, 'failed');
  assert.match(english(line(far, 'clock').fix!), /15 minutes/);
  const near = await diagnose({}, skewed(2));
  assert.equal(line(near, 'clock').status, 'passed');
  assert.match(english(line(near, 'clock').evidence[1]), /synchronise the clock/);
});

test('a VPC endpoint that does not resolve fails DNS, skips TCP, and offers the public endpoint', async () => {
  const report = await diagnose(
    { kmsEndpoint: () => ({ endpoint: 'kms-vpc.cn-hangzhou.aliyuncs.com', protocol: 'https', vpc: true, overridden: false }), key: undefined },
    {
      resolve: async () => { throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }); },
      serviceDate: async () => { throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }); },
    },
  );
  assert.equal(line(report, 'dns').status, 'failed');
  assert.equal(english(line(report, 'dns').action!.label), 'Use the Public Endpoint');
  assert.equal(line(report, 'tcp').status, 'skipped');
  assert.equal(line(report, 'clock').status, 'skipped');
  assert.equal(line(report, 'encrypt').status, 'skipped', 'no key chosen');
  assert.equal(line(report, 'policies').status, 'skipped');
});

test('a role whose credential is about to expire fails the credential line', async () => {
  const report = await diagnose({ now: () => Date.now() + 58 * 60_000 });
  assert.equal(line(report, 'credential').status, 'failed');
  assert.equal(line(report, 'credential').action?.command, 'alicloudKms.refreshInstanceCredential');
});

test('the snapshot holds no secret and tells token-less mode apart', async () => {
  emulator.metadataMode = 'token-optional';
  try {
    factory.metadata.reset();
    const snapshot = await readInstanceSnapshot(factory.metadata);
    const credential = await factory.metadata.getCredential();
    const text = JSON.stringify(snapshot);
    assert.ok(!text.includes(credential.accessKeySecret) && !text.includes(credential.securityToken) && !text.includes(credential.accessKeyId));
    assert.equal(snapshot.credential?.mode, 'token');
    const report = await diagnose();
    assert.match(english(line(report, 'token').evidence[1]), /also accepted/);
  } finally {
    emulator.metadataMode = 'token-required';
  }
});
