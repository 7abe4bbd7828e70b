// The API port: one HTTP server for RAM, ECS, KMS and STS. It reads the wire request, injects
// faults, authenticates the signature, routes by API version and action, and answers in the
// JSON shapes and with the error envelope the SDKs deserialize.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import { ApiError } from './errors';
import { sleep, type Faults } from './faults';
import type { RateLimiter } from './rateLimit';
import { authenticate, checkPayloadHash, isAcs3, type NonceStore, type WireRequest } from './signature';
import type { Account } from './state';
import type { Handler } from './handlers/context';
import { ramHandlers } from './handlers/ram';
import { ramPolicyVersionHandlers } from './handlers/ramPolicyVersions';
import { ecsHandlers } from './handlers/ecs';
import { ecsImageHandlers } from './handlers/ecsImages';
import { kmsKeyHandlers } from './handlers/kms';
import { kmsKeyStateHandlers } from './handlers/kmsKeyState';
import { secretHandlers } from './handlers/secrets';
import { stsHandlers } from './handlers/sts';
import { cloudAssistantHandlers } from './handlers/cloudAssistant';

export interface Calls { total: number; byAction: Record<string, number>; metadata: number; metadataByPath: Record<string, number> }

export interface ApiDeps {
  account: Account;
  faults: Faults;
  random: () => number;
  now(): number;
  nonces: NonceStore;
  calls: Calls;
  /** Per-API flow control (realistic scenario); none by default. */
  limits?: RateLimiter;
}

/** Every product the emulator serves, by API version, with all its handlers (the conformance test's list of implemented actions). */
export const PRODUCTS: Record<string, { id: string; host: string; product: string; handlers: Record<string, Handler> }> = {
  '2015-05-01': { id: 'ram', host: 'ram.aliyuncs.com', product: 'Ram', handlers: { ...ramHandlers, ...ramPolicyVersionHandlers } },
  '2014-05-26': { id: 'ecs', host: 'ecs.aliyuncs.com', product: 'Ecs', handlers: { ...ecsHandlers, ...ecsImageHandlers, ...cloudAssistantHandlers } },
  '2016-01-20': { id: 'kms', host: 'kms.aliyuncs.com', product: 'Kms', handlers: { ...kmsKeyHandlers, ...kmsKeyStateHandlers, ...secretHandlers } },
  '2015-04-01': { id: 'sts', host: 'sts.aliyuncs.com', product: 'Sts', handlers: stsHandlers },
};

function flat(parsed: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (v !== undefined) out[k] = Array.isArray(v) ? v[v.length - 1] : v;
  return out;
}

/** The largest request body accepted: far above any real request of these APIs (a policy
 * document is at most 6 KB). A larger one is refused with 413 before it is read. */
export const MAX_BODY_BYTES = 256 * 1024;

class BodyTooLarge extends Error {}
/** The client went away while its body was read: nobody is left to answer. */
class ClientGone extends Error {}

/** The request line and headers; the body is read later (after an ACS3 signature is checked). */
function readHead(req: IncomingMessage): WireRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  return {
    method: req.method ?? 'GET', path: q < 0 ? url : url.slice(0, q), headers, body: Buffer.alloc(0),
    query: q < 0 ? {} : flat(parseQuery(url.slice(q + 1))),
    form: {},
  };
}

/** Reads the body (at most MAX_BODY_BYTES) into `wire`, with the form parameters it carries.
 * Events rather than for-await: leaving a for-await loop destroys the request and its socket,
 * and the 413 must still be answered on it. */
function readBody(req: IncomingMessage, wire: WireRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLarge());
    };
    req.on('data', onData);
    req.once('error', () => reject(new ClientGone()));
    req.once('aborted', () => reject(new ClientGone()));
    req.once('end', () => {
      wire.body = Buffer.concat(chunks);
      const isForm = (wire.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      if (isForm) wire.form = flat(parseQuery(wire.body.toString('utf8')));
      resolve();
    });
  });
}

function send(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function handleApi(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID().toUpperCase();
  const wire = readHead(req);
  const action = wire.headers['x-acs-action'] ?? wire.query.Action ?? '';
  const version = wire.headers['x-acs-version'] ?? wire.query.Version ?? '';
  // Own keys only: Version=__proto__ must be an unknown version, not Object.prototype.
  const product = Object.hasOwn(PRODUCTS, version) ? PRODUCTS[version] : undefined;
  deps.calls.total++;
  deps.calls.byAction[action] = (deps.calls.byAction[action] ?? 0) + 1;
  const fail = (e: ApiError) => send(res, e.status, {
    RequestId: requestId, HostId: product?.host ?? 'aliyuncs.com', Code: e.code, Message: e.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(e.code)}&product=${product?.product ?? ''}`,
    ...(e.accessDeniedDetail ? { AccessDeniedDetail: e.accessDeniedDetail } : {}),
  });
  try {
    const f = deps.faults;
    // Judged on arrival, answered after the latency, as the service's gateway does.
    const overLimit = product ? deps.limits?.check(deps.account.accountId, product.id, action) : undefined;
    if (f.latencyMs > 0) await sleep(f.latencyMs);
    if (overLimit) throw overLimit;
    if (f.resetRate > 0 && deps.random() < f.resetRate) {
      req.socket.destroy();
      return;
    }
    if (f.throttleRate > 0 && deps.random() < f.throttleRate) throw new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.');
    if (f.errorRate > 0 && deps.random() < f.errorRate) throw new ApiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
    if (!product) throw new ApiError(400, 'InvalidVersion', `Specified parameter Version is not valid: ${version}.`);
    const handler = Object.hasOwn(product.handlers, action) ? product.handlers[action] : undefined;
    if (!handler) throw new ApiError(404, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method: ${action}.`);
    if (Number(wire.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw new BodyTooLarge();
    const now = deps.now();
    // ACS3 signs the body's hash, sent as a header: the signature is checked before the body is read.
    let caller;
    if (isAcs3(wire)) {
      caller = authenticate(deps.account, wire, deps.nonces, now);
      await readBody(req, wire);
      checkPayloadHash(wire);
    } else {
      await readBody(req, wire);
      caller = authenticate(deps.account, wire, deps.nonces, now);
    }
    const params = { ...wire.query, ...wire.form };
    if (f.failingRegions.length > 0 && f.failingRegions.includes(params.RegionId)) {
      throw new ApiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
    }
    const result = await handler({ account: deps.account, params, caller, product: product.id, now: deps.now, host: wire.headers.host, sourceIp: req.socket.remoteAddress });
    send(res, 200, { RequestId: requestId, ...result });
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      // Answer at once and close: the rest of the body is not read.
      const socket = req.socket;
      res.setHeader('connection', 'close');
      fail(new ApiError(413, 'RequestEntityTooLarge', `The request body exceeds ${MAX_BODY_BYTES} bytes.`));
      res.once('finish', () => socket.destroy());
    } else if (e instanceof ClientGone) req.socket?.destroy();
    else if (e instanceof ApiError) fail(e);
    else {
      console.error('emulator: internal error', e);
      fail(new ApiError(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.'));
    }
  }
}

export function createApiServer(deps: ApiDeps): Server {
  // The SDKs send every parameter in the query: RunCommand's CommandContent alone may be 18 KB
  // (Base64, then percent-encoded), beyond Node's default 16 KB header limit.
  const server = createServer({ maxHeaderSize: 128 * 1024 }, (req, res) => {
    handleApi(deps, req, res).catch(() => req.socket?.destroy());
  });
  // Keep idle connections longer than the SDKs' keep-alive agents do (Node's 5 s default): on a loaded
  // machine a client reused a socket the server had just closed, and the call failed with ECONNRESET,
  // which the real gateway (minutes of keep-alive) does not do.
  server.keepAliveTimeout = 65_000;
  return server;
}
