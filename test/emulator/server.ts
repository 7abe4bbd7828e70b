// The API port: one HTTP server for RAM, ECS, KMS and STS. It reads the wire request, injects
// faults, authenticates the signature, routes by API version and action, and answers in the
// JSON shapes and with the error envelope the SDKs deserialize.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import { ApiError } from './errors';
import { sleep, type Faults } from './faults';
import { authenticate, type NonceStore, type WireRequest } from './signature';
import type { Account } from './state';
import type { Handler } from './handlers/context';
import { ramHandlers } from './handlers/ram';
import { ramPolicyVersionHandlers } from './handlers/ramPolicyVersions';
import { ecsHandlers } from './handlers/ecs';
import { kmsKeyHandlers } from './handlers/kms';
import { kmsKeyStateHandlers } from './handlers/kmsKeyState';
import { secretHandlers } from './handlers/secrets';
import { stsHandlers } from './handlers/sts';

export interface Calls { total: number; byAction: Record<string, number>; metadata: number; metadataByPath: Record<string, number> }

export interface ApiDeps {
  account: Account;
  faults: Faults;
  random: () => number;
  now(): number;
  nonces: NonceStore;
  calls: Calls;
}

const PRODUCTS: Record<string, { id: string; host: string; product: string; handlers: Record<string, Handler> }> = {
  '2015-05-01': { id: 'ram', host: 'ram.aliyuncs.com', product: 'Ram', handlers: { ...ramHandlers, ...ramPolicyVersionHandlers } },
  '2014-05-26': { id: 'ecs', host: 'ecs.aliyuncs.com', product: 'Ecs', handlers: ecsHandlers },
  '2016-01-20': { id: 'kms', host: 'kms.aliyuncs.com', product: 'Kms', handlers: { ...kmsKeyHandlers, ...kmsKeyStateHandlers, ...secretHandlers } },
  '2015-04-01': { id: 'sts', host: 'sts.aliyuncs.com', product: 'Sts', handlers: stsHandlers },
};

function flat(parsed: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (v !== undefined) out[k] = Array.isArray(v) ? v[v.length - 1] : v;
  return out;
}

async function readWire(req: IncomingMessage): Promise<WireRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const isForm = (headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  return {
    method: req.method ?? 'GET', path: q < 0 ? url : url.slice(0, q), headers, body,
    query: q < 0 ? {} : flat(parseQuery(url.slice(q + 1))),
    form: isForm ? flat(parseQuery(body.toString('utf8'))) : {},
  };
}

function send(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function handleApi(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID().toUpperCase();
  const wire = await readWire(req);
  const action = wire.headers['x-acs-action'] ?? wire.query.Action ?? '';
  const version = wire.headers['x-acs-version'] ?? wire.query.Version ?? '';
  const product = PRODUCTS[version];
  deps.calls.total++;
  deps.calls.byAction[action] = (deps.calls.byAction[action] ?? 0) + 1;
  const fail = (e: ApiError) => send(res, e.status, {
    RequestId: requestId, HostId: product?.host ?? 'aliyuncs.com', Code: e.code, Message: e.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(e.code)}&product=${product?.product ?? ''}`,
    ...(e.accessDeniedDetail ? { AccessDeniedDetail: e.accessDeniedDetail } : {}),
  });
  try {
    const f = deps.faults;
    if (f.latencyMs > 0) await sleep(f.latencyMs);
    if (f.resetRate > 0 && deps.random() < f.resetRate) {
      req.socket.destroy();
      return;
    }
    if (f.throttleRate > 0 && deps.random() < f.throttleRate) throw new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.');
    if (f.errorRate > 0 && deps.random() < f.errorRate) throw new ApiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
    if (!product) throw new ApiError(400, 'InvalidVersion', `Specified parameter Version is not valid: ${version}.`);
    const handler = Object.hasOwn(product.handlers, action) ? product.handlers[action] : undefined;
    if (!handler) throw new ApiError(404, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method: ${action}.`);
    const now = deps.now();
    const caller = authenticate(deps.account, wire, deps.nonces, now);
    const params = { ...wire.query, ...wire.form };
    if (f.failingRegions.length > 0 && f.failingRegions.includes(params.RegionId)) {
      throw new ApiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
    }
    const result = await handler({ account: deps.account, params, caller, product: product.id, now: deps.now });
    send(res, 200, { RequestId: requestId, ...result });
  } catch (e) {
    if (e instanceof ApiError) fail(e);
    else {
      console.error('emulator: internal error', e);
      fail(new ApiError(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.'));
    }
  }
}

export function createApiServer(deps: ApiDeps): Server {
  return createServer((req, res) => {
    handleApi(deps, req, res).catch(() => res.destroy());
  });
}
