// The cloud layer as it ships: bundled by esbuild the way esbuild.mjs does, it contains no SDK code,
// loads nothing from @alicloud/* until the first call, and then requires sdk.js from beside itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { startEmulator, type Emulator } from '../emulator';
import { emulatorSettings, MemorySecretStore } from './cloud-harness';

let emulator: Emulator;
let out: string;

// The alias is esbuild.mjs's: jsonc-parser's UMD "main" cannot be bundled (the credentials reader uses it).
const common: esbuild.BuildOptions = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', external: ['vscode'],
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

before(async () => {
  emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo' });
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-bundle-'));
  await esbuild.build({ ...common, entryPoints: ['src/cloud/index.ts'], outfile: path.join(out, 'extension.js') });
  await esbuild.build({ ...common, entryPoints: ['src/cloud/sdkBundle.ts'], outfile: path.join(out, 'sdk.js') });
});
after(async () => {
  await emulator.close();
  fs.rmSync(out, { recursive: true, force: true });
});

test('the bundled cloud layer holds no SDK code', () => {
  const main = fs.readFileSync(path.join(out, 'extension.js'), 'utf8');
  const sdk = fs.readFileSync(path.join(out, 'sdk.js'), 'utf8');
  for (const marker of ['ACS3-HMAC-SHA256', 'x-acs-signature-nonce', 'HMAC-SHA1', 'node_modules/@alicloud/']) {
    assert.ok(sdk.includes(marker), `sdk.js has ${marker}`);
    assert.ok(!main.includes(marker), `the main bundle must not contain ${marker}`);
  }
  assert.ok(main.length < 300_000, `main bundle ${main.length} bytes`);
  assert.ok(sdk.length > 1_000_000);
});

test('creating services loads nothing; the first call requires sdk.js from beside the bundle and works', async () => {
  const sdkFile = path.join(out, 'sdk.js');
  const cloud = require(path.join(out, 'extension.js')) as typeof import('../../src/cloud');
  const settings = emulatorSettings(emulator);
  const factory = cloud.createCloudServicesFactory({
    secrets: new MemorySecretStore(), settings: () => settings, home: out,
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.accessKeySecret },
  });
  const profile = (await factory.listProfiles()).profiles.find((p) => p.id === 'environment:env')!;
  const services = factory.createServices(profile);
  assert.equal(require.cache[sdkFile], undefined, 'listing profiles and creating services loaded no SDK');
  const identity = await services.sts.getCallerIdentity();
  assert.equal(identity.accountId, emulator.accountId);
  assert.ok(require.cache[sdkFile], 'the first call loaded sdk.js');
  const encrypted = await services.kms().encrypt({ keyId: 'alias/demo-app', plaintext: 'bundled' });
  assert.equal((await services.kms().decrypt({ ciphertextBlob: encrypted.ciphertextBlob })).plaintext, 'bundled');
});
