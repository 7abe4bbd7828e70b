// KMS is regional by endpoint: with an endpoints override that has a {region} placeholder, each
// region's calls go to that region's host and the emulator routes by host (as the service does,
// ignoring RegionId), so two regions' keys and secrets never show under each other. The hosts
// kms.<region>.localhost resolve to 127.0.0.1 in this process (a hosts-file entry, in effect).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLocalhostSubdomains } from '../support/localhostDns';
import { startHarness, type Harness } from './cloud-harness';

let restoreDns: () => void = () => undefined;
let h: Harness;
before(async () => {
  restoreDns = resolveLocalhostSubdomains();
  h = await startHarness();
  const port = new URL(h.emulator.api).port;
  (h.settings.endpoints as Record<string, string>).kms = `http://kms.{region}.localhost:${port}`;
});
after(async () => {
  restoreDns();
  await h.close();
});

async function list<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

test('with kms.{region} endpoints each region lists only its own keys and secrets', async () => {
  const services = await h.admin('cn-hangzhou');
  const hangzhou = (await list(services.kms('cn-hangzhou').listKeys())).map((k) => k.keyId).sort();
  const shanghai = (await list(services.kms('cn-shanghai').listKeys())).map((k) => k.keyId);
  const beijing = await list(services.kms('cn-beijing').listKeys());
  assert.deepEqual(shanghai, ['key-shhdemo0000000000001']);
  assert.ok(hangzhou.includes('key-hzzdemo0000000000001') && !hangzhou.includes('key-shhdemo0000000000001'));
  assert.deepEqual(beijing, []);
  assert.deepEqual((await list(services.kms('cn-shanghai').listSecrets())).map((s) => s.secretName), ['demo/shanghai-secret']);
  assert.equal(services.kms('cn-shanghai').endpoint, `kms.cn-shanghai.localhost:${new URL(h.emulator.api).port}`);
  // An alias of one region is not found through another region's endpoint.
  await assert.rejects(services.kms('cn-hangzhou').describeKey('alias/demo-sh'), (e: { code?: string }) => e.code === 'Forbidden.AliasNotFound');
  const enc = await services.kms('cn-shanghai').encrypt({ keyId: 'alias/demo-sh', plaintext: Buffer.from('regional').toString('base64') });
  assert.equal(enc.keyId, 'key-shhdemo0000000000001');
});
