// Runs the on-instance fleet check script (src/workflows/fleet/fleet-check.py) with python3, and a
// tiny loopback fake of the metadata service and of KMS for its unit tests (ours: no SDK, no emulator).
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse as parseQuery } from 'node:querystring';

export const SCRIPT = join(__dirname, '..', '..', '..', 'src', 'workflows', 'fleet', 'fleet-check.py');

export interface ScriptRun { readonly code: number | null; readonly stdout: string; readonly stderr: string }

export function runScript(args: readonly string[], env: Record<string, string> = {}, stdin = ''): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [SCRIPT, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** What a fake server saw of one request, in the shape test/emulator/signature.ts verifies. */
export interface Captured {
  method: string; path: string; headers: Record<string, string>;
  query: Record<string, string>; form: Record<string, string>; body: Buffer;
}

export async function capture(req: IncomingMessage): Promise<Captured> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const flat = (o: Record<string, string | string[] | undefined>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1] : v ?? '']));
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v ?? '']));
  return {
    method: req.method ?? 'GET', path: q < 0 ? url : url.slice(0, q), headers, body,
    query: q < 0 ? {} : flat(parseQuery(url.slice(q + 1))),
    form: String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded') ? flat(parseQuery(body.toString())) : {},
  };
}

export type Responder = (r: Captured) => { status: number; body: string };

/** A loopback HTTP server answering with `respond`, recording every request. */
export async function fakeServer(respond: Responder): Promise<{ url: string; seen: Captured[]; close(): Promise<void> }> {
  const seen: Captured[] = [];
  const server: Server = createServer((req, res) => {
    void capture(req).then((r) => {
      seen.push(r);
      const { status, body } = respond(r);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export interface FakeCredential { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string }

/** The metadata service of an instance with `role` (404s without one), IMDSv2 token required. */
export function metadataResponder(role: string | undefined, credential: FakeCredential, token = 'imds-token-value-0001'): Responder {
  return (r) => {
    if (r.path === '/latest/api/token') return r.method === 'PUT' ? { status: 200, body: token } : { status: 405, body: '' };
    if (r.headers['x-aliyun-ecs-metadata-token'] !== token) return { status: 403, body: 'Forbidden' };
    if (r.path === '/latest/meta-data/region-id') return { status: 200, body: 'cn-hangzhou' };
    if (!role) return { status: 404, body: 'Not Found' };
    if (r.path === '/latest/meta-data/ram/security-credentials/') return { status: 200, body: role };
    if (r.path === `/latest/meta-data/ram/security-credentials/${role}`) {
      return { status: 200, body: JSON.stringify({ ...credential, Code: 'Success', LastUpdated: '2026-01-01T00:00:00Z' }) };
    }
    return { status: 404, body: 'Not Found' };
  };
}

/** KMS that "encrypts" by wrapping the plaintext, or refuses every call with `deny`. */
export function kmsResponder(deny?: string): Responder {
  let n = 0;
  return (r) => {
    const requestId = `REQ-${++n}`;
    if (deny) return { status: 403, body: JSON.stringify({ RequestId: requestId, Code: deny, Message: `denied; string to sign held ${r.query.SecurityToken}` }) };
    if (r.query.Action === 'Encrypt') return { status: 200, body: JSON.stringify({ RequestId: requestId, KeyId: r.query.KeyId, CiphertextBlob: Buffer.from(r.query.Plaintext).toString('base64') }) };
    if (r.query.Action === 'Decrypt') return { status: 200, body: JSON.stringify({ RequestId: requestId, Plaintext: Buffer.from(r.query.CiphertextBlob, 'base64').toString() }) };
    return { status: 400, body: JSON.stringify({ RequestId: requestId, Code: 'InvalidAction.NotFound' }) };
  };
}
