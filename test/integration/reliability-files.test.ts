// Bad files and bad metadata answers through the real factory (fast-check, fixed seed): corrupt or oddly
// typed aliyun CLI configs and credentials INI files in a temporary HOME are listed with a warning naming
// the file, never throw and are never rewritten; a metadata service answering junk for the role
// credential gives a CloudError naming the problem. Each test prints how many cases it ran.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { createCloudServicesFactory } from '../../src/cloud';
import { CloudError } from '../../src/cloud/types';
import { MemoryLog, MemorySecretStore } from './cloud-harness';

const SEED = 20261130;
const RUNS = 80;
let home = '';
before(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'files-home-')); });
after(() => fs.rmSync(home, { recursive: true, force: true }));

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }).map(String)) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) out[name] = fs.readFileSync(full, 'utf8') + `@${fs.statSync(full).mtimeMs}`;
  }
  return out;
}

const junk = fc.oneof(fc.string({ maxLength: 80 }), fc.json({ maxDepth: 3 }), fc.constantFrom('', '{', '\u0000\u0001', '<html></html>', '[default]\ntype=sts\n', 'null'));
const cliConfig = fc.oneof(junk, fc.record({
  current: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
  profiles: fc.oneof(fc.array(fc.record({
    name: fc.oneof(fc.constantFrom('default', 'constructor', '__proto__', ''), fc.integer()),
    mode: fc.oneof(fc.constantFrom('AK', 'StsToken', 'RamRoleArn', 'EcsRamRole', 'ChainableRamRoleArn', 'External', 'Magic', 'toString'), fc.integer(), fc.constant(null)),
    access_key_id: fc.oneof(fc.constant('LTAI5tFilesFuzz0001'), fc.integer(), fc.constant('')),
    access_key_secret: fc.oneof(fc.constant('files-fuzz-secret-value'), fc.boolean()),
    source_profile: fc.constantFrom('default', 'constructor', 'missing'),
  }, { requiredKeys: [] }), { maxLength: 4 }), fc.string(), fc.constant(null)),
}, { requiredKeys: [] }).map((d) => JSON.stringify(d)));

test('fuzz: aliyun CLI config and credentials INI in HOME — listed or warned about, never rewritten', async (t) => {
  fs.mkdirSync(path.join(home, '.aliyun'), { recursive: true });
  fs.mkdirSync(path.join(home, '.alibabacloud'), { recursive: true });
  let cases = 0;
  let warned = 0;
  let unusable = 0;
  await fc.assert(fc.asyncProperty(cliConfig, junk.map(String), async (config, ini) => {
    cases++;
    fs.writeFileSync(path.join(home, '.aliyun', 'config.json'), config);
    fs.writeFileSync(path.join(home, '.alibabacloud', 'credentials'), ini);
    const before = snapshot(home);
    const factory = createCloudServicesFactory({ secrets: new MemorySecretStore(), settings: () => ({}), log: new MemoryLog(), home, env: {} });
    const list = await factory.listProfiles();
    for (const w of list.warnings) assert.match(w, new RegExp(`${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.(aliyun|alibabacloud)/`), `a warning names the file: ${w}`);
    warned += list.warnings.length;
    for (const p of list.profiles) {
      assert.equal(typeof p.kind, 'string');
      if (!p.usable) {
        unusable++;
        assert.ok(typeof p.unusableReason === 'string' && p.unusableReason.length > 10, `${p.id}: says why`);
      }
      assert.ok(!JSON.stringify(p).includes('files-fuzz-secret-value'), 'no secret in the listed profile');
    }
    assert.deepEqual(snapshot(home), before, 'nothing written to HOME');
  }), { seed: SEED, numRuns: RUNS });
  t.diagnostic(`${cases} pairs of files (seed ${SEED}): ${warned} warnings, ${unusable} unusable profiles explained, HOME unchanged each time`);
});

test('fuzz: a metadata service answering junk for the role credential — a CloudError naming the problem', async (t) => {
  let body = '';
  const server = http.createServer((req, res) => {
    if (req.method === 'PUT') return void res.writeHead(200).end('token-abc');
    if (/security-credentials\/$/.test(req.url ?? '')) return void res.writeHead(200).end('FuzzRole');
    if (/security-credentials\/FuzzRole$/.test(req.url ?? '')) return void res.writeHead(200).end(body);
    if (/instance-id$/.test(req.url ?? '')) return void res.writeHead(200).end('i-fuzz');
    if (/region-id$/.test(req.url ?? '')) return void res.writeHead(200).end('cn-hangzhou');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const codes: Record<string, number> = {};
  let cases = 0;
  try {
    const factory = createCloudServicesFactory({ secrets: new MemorySecretStore(), settings: () => ({ metadataEndpoint: url }), log: new MemoryLog(), home, env: {} });
    await fc.assert(fc.asyncProperty(fc.oneof(junk, fc.record({
      Code: fc.constantFrom('Success', 'Failed'), AccessKeyId: fc.constantFrom('STS.x', ''), AccessKeySecret: fc.constant('meta-fuzz-secret-1'),
      SecurityToken: fc.constant('meta-fuzz-token-1'), Expiration: fc.constantFrom('2020-01-01T00:00:00Z', 'soon', '2999-01-01 00:00:00'),
    }, { requiredKeys: [] }).map((d) => JSON.stringify(d))), async (answer) => {
      cases++;
      body = String(answer);
      factory.metadata.reset();
      const error = await factory.metadata.getCredential({ forceRefresh: true }).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof CloudError, `a CloudError for ${JSON.stringify(body)}, got ${String(error)}`);
      assert.ok(error.message.length > 20 && !/undefined|\[object/.test(error.message), error.message);
      assert.ok(!error.message.includes('meta-fuzz-secret-1') && !error.message.includes('meta-fuzz-token-1'), 'no secret in the message');
      codes[error.code] = (codes[error.code] ?? 0) + 1;
    }), { seed: SEED, numRuns: RUNS });
  } finally {
    await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
  }
  t.diagnostic(`${cases} metadata answers (seed ${SEED}) through the real metadata client: ${JSON.stringify(codes)}`);
});
