// Proof that the Node.js and TypeScript snippets are real code: each one, filled with values the way the
// Insert SDK Snippet command fills it (renderSnippet), is written to a file and run with Node against
// the emulator. The emulator's metadata service plays "this ECS instance" (IMDSv2 tokens required),
// serves the instance RAM role's STS credential, and its KMS verifies every signature and policy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulator/index';
import { renderSnippet } from '../../src/snippets/render';
import type { SnippetJob, SnippetValues } from '../../src/snippets/types';

const ROOT = join(__dirname, '..', '..');
const VALUES: SnippetValues = { roleName: 'EcsKmsAccessRole', region: 'cn-hangzhou', keyId: 'alias/demo-app', secretName: 'demo/db-password' };
const SECRET_VALUE = 'demo-db-password-not-real'; // the demo scenario's value of demo/db-password

let emu: Emulator;
let dir: string;

before(async () => {
  emu = await startEmulator({ scenario: 'demo', metadataMode: 'token-required' });
  dir = mkdtempSync(join(tmpdir(), 'snippets-node-'));
  // the snippet resolves @alicloud/* like a user's project: from a node_modules beside it
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
});
after(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A loopback proxy in front of the emulator's API that records the query parameters of each call as the
 * SDK sent them (the RPC client puts every parameter in the query; the signature does not cover the
 * host, so the emulator still verifies it). It shows what the snippet sends, which a round trip cannot:
 * Decrypt returns whatever Encrypt was given.
 */
async function recordingProxy(target: string): Promise<{ url: string; sent: URLSearchParams[]; server: Server }> {
  const to = new URL(target);
  const sent: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    sent.push(new URL(req.url ?? '/', 'http://proxy').searchParams);
    const upstream = httpRequest({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent, server };
}

/** Renders the snippet, writes it as a .js (CommonJS) or .ts file and runs it with the emulator as the cloud. */
function runSnippet(job: SnippetJob, language: 'javascript' | 'typescript', values: SnippetValues = VALUES, metadataEndpoint = emu.metadata, kmsEndpoint = emu.api): Promise<Run> {
  const file = join(dir, `${job}-${language}-${Math.random().toString(36).slice(2)}.${language === 'typescript' ? 'ts' : 'js'}`);
  writeFileSync(file, renderSnippet(job, language, values).code);
  const args = language === 'typescript' ? ['--import', 'tsx', file] : [file];
  const env = {
    PATH: process.env.PATH ?? '',
    ALIBABA_CLOUD_KMS_ENDPOINT: kmsEndpoint,
    ALIBABA_CLOUD_ECS_METADATA_ENDPOINT: metadataEndpoint,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function attachSystemPolicy(roleName: string, policyName: string): void {
  const role = emu.account.roles.get(roleName.toLowerCase());
  assert.ok(role, `role ${roleName} in the demo scenario`);
  if (!role.policies.some((p) => p.name === policyName)) role.policies.push({ type: 'System', name: policyName, attachDate: new Date().toISOString() });
}

for (const language of ['javascript', 'typescript'] as const) {
  describe(`${language} snippets against the emulator, with the instance RAM role`, () => {
    it('encrypt-decrypt: Encrypt then Decrypt round-trips, signed with the role credential from IMDSv2', async () => {
      emu.resetCalls();
      const proxy = await recordingProxy(emu.api);
      const run = await runSnippet('encrypt-decrypt', language, VALUES, emu.metadata, proxy.url).finally(() => proxy.server.close());
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout.trim(), 'Decrypted text matches: true');
      // Encrypt.Plaintext is documented as Base64: the snippet sends the Base64 of the text's UTF-8 bytes
      const encrypts = proxy.sent.filter((params) => params.get('Action') === 'Encrypt');
      assert.deepEqual(encrypts.map((params) => params.get('Plaintext')), [Buffer.from('Hello world', 'utf8').toString('base64')]);
      assert.equal(emu.calls.byAction.Encrypt, 1);
      assert.equal(emu.calls.byAction.Decrypt, 1);
      assert.ok((emu.calls.metadataByPath['/latest/api/token'] ?? 0) >= 1, 'asked for an IMDSv2 token');
      assert.ok((emu.calls.metadataByPath['/latest/meta-data/ram/security-credentials/EcsKmsAccessRole'] ?? 0) >= 1, JSON.stringify(emu.calls.metadataByPath));
    });

    it('envelope: GenerateDataKey, local AES-256-GCM, Decrypt of the data key', async () => {
      emu.resetCalls();
      const run = await runSnippet('envelope', language);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout.trim(), 'Decrypted text matches: true');
      assert.equal(emu.calls.byAction.GenerateDataKey, 1);
      assert.equal(emu.calls.byAction.Decrypt, 1);
      assert.equal(emu.calls.byAction.Encrypt, undefined, 'the data itself never goes to KMS');
    });

    it('read-secret: refused while the role lacks secret access, read once the policy is attached; the value is never printed', async () => {
      const role = emu.account.roles.get('ecskmsaccessrole')!;
      role.policies = role.policies.filter((p) => p.name !== 'AliyunKMSSecretUserAccess');
      const refused = await runSnippet('read-secret', language);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /Forbidden|not authorized|NoPermission/i);

      attachSystemPolicy('EcsKmsAccessRole', 'AliyunKMSSecretUserAccess');
      const run = await runSnippet('read-secret', language);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout.trim(), `Read secret demo/db-password (${SECRET_VALUE.length} characters)`);
      assert.ok(!run.stdout.includes(SECRET_VALUE) && !run.stderr.includes(SECRET_VALUE));
    });

    it('a role that is not attached to this instance fails with a clear message and no stack trace', async () => {
      const run = await runSnippet('encrypt-decrypt', language, { ...VALUES, roleName: 'EcsNoPermissionRole' });
      assert.equal(run.code, 1);
      assert.equal(run.stderr.trim(), 'No credential for instance RAM role EcsNoPermissionRole: HTTP 404');
    });

    it('off ECS (no metadata service answering) it says so instead of hanging or dumping a stack', async () => {
      const run = await runSnippet('read-secret', language, VALUES, 'http://127.0.0.1:1');
      assert.equal(run.code, 1);
      assert.equal(run.stderr.trim(), 'The ECS metadata service at http://127.0.0.1:1 did not answer: run this on an ECS instance');
    });
  });
}
