// Verifies request signatures the way the service does, re-deriving the string to sign from what
// arrived on the wire: ACS3-HMAC-SHA256 (openapi-core clients: ECS, RAM, STS) and the RPC
// HMAC-SHA1 signature v1 (the KMS 1.2.0 client). Canonicalization mirrors the SDKs' own
// (openapi-core/dist/utils.js getAuthorization, rpc-util getSignatureV1), including the
// re-encoding of !'()* and the host header with its port.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError, missing } from './errors';
import type { Account, Principal } from './state';

export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;   // lower-case names
  query: Record<string, string>;     // decoded
  form: Record<string, string>;      // decoded urlencoded body
  body: Buffer;
}

export interface Caller { accessKeyId: string; principal: Principal }

const WINDOW_MS = 15 * 60 * 1000;

/** Percent-encoding of the SDKs: encodeURIComponent plus the five characters it leaves alone. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/!/g, '%21').replace(/'/g, '%27')
    .replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A');
}

export class NonceStore {
  private readonly seen = new Map<string, number>();
  /** False when the nonce was already used inside the timestamp window. */
  use(key: string, now: number): boolean {
    if (this.seen.size > 50_000) for (const [k, t] of this.seen) if (now - t > WINDOW_MS * 2) this.seen.delete(k);
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function checkTimestamp(value: string | undefined, name: string, now: number): void {
  if (!value) throw missing(name);
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new ApiError(400, 'InvalidTimeStamp.Format', `Specified time stamp or date value is not well formatted.`);
  if (Math.abs(now - t) > WINDOW_MS) throw new ApiError(400, 'InvalidTimeStamp.Expired', `Specified time stamp or date value is expired.`);
}

/** Finds the secret of an AccessKeyId and checks the STS token that must (or must not) come with it. */
function resolveKey(account: Account, accessKeyId: string, token: string | undefined, now: number): { secret: string; principal: Principal } {
  const session = account.sessions.get(accessKeyId);
  if (session) {
    if (!token) throw new ApiError(400, 'MissingSecurityToken', 'SecurityToken is mandatory for this action.');
    if (!safeEqual(token, session.token)) {
      throw new ApiError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.');
    }
    if (session.expiration <= now) throw new ApiError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.');
    return { secret: session.secret, principal: { kind: 'role', roleName: session.roleName, sessionName: session.sessionName, session } };
  }
  const key = account.accessKeys.get(accessKeyId);
  if (!key) throw new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  if (token) throw new ApiError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.');
  return { secret: key.secret, principal: { kind: 'user', userName: key.userName } };
}

const signatureMismatch = (stringToSign: string) => new ApiError(400, 'SignatureDoesNotMatch',
  `Specified signature does not match our calculation. server string to sign is:${stringToSign}`);

function verifyAcs3(account: Account, req: WireRequest, nonces: NonceStore, now: number): Caller {
  const auth = req.headers['authorization'];
  const m = /^(ACS3-HMAC-SHA256) Credential=([^,]+),SignedHeaders=([^,]*),Signature=([0-9a-f]+)$/.exec(auth);
  if (!m) throw new ApiError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
  const [, algorithm, accessKeyId, signedHeaderList, signature] = m;
  checkTimestamp(req.headers['x-acs-date'], 'x-acs-date', now);
  const nonce = req.headers['x-acs-signature-nonce'];
  if (!nonce) throw missing('x-acs-signature-nonce');
  const { secret, principal } = resolveKey(account, accessKeyId, req.headers['x-acs-security-token'], now);

  const signed = signedHeaderList.split(';');
  const mustSign = Object.keys(req.headers).filter((h) => h.startsWith('x-acs-') || h === 'host');
  if (mustSign.some((h) => !signed.includes(h))) {
    throw new ApiError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards: host and x-acs-* headers must be signed.');
  }
  // The body's hash as the client declared it; checkPayloadHash compares it with the body once read.
  const payloadHash = req.headers['x-acs-content-sha256'] ?? '';
  const canonicalQuery = Object.keys(req.query).sort().map((k) => `${k}=${percentEncode(req.query[k])}`).join('&');
  const canonicalHeaders = signed.map((h) => `${h}:${(req.headers[h] ?? '').trim()}\n`).join('');
  const canonicalUri = req.path.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
  const canonicalRequest = [req.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaderList, payloadHash].join('\n');
  const stringToSign = `${algorithm}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  const expected = createHmac('sha256', secret).update(stringToSign).digest('hex');
  if (!safeEqual(expected, signature)) throw signatureMismatch(stringToSign);
  if (!nonces.use(`${accessKeyId}:${nonce}`, now)) throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  return { accessKeyId, principal };
}

function verifyRpcV1(account: Account, req: WireRequest, nonces: NonceStore, now: number): Caller {
  const q = req.query;
  if (q.SignatureMethod !== 'HMAC-SHA1') throw new ApiError(400, 'InvalidParameter.SignatureMethod', 'Specified signature method is not supported.');
  if (q.SignatureVersion !== '1.0') throw new ApiError(400, 'InvalidParameter.SignatureVersion', 'Specified signature version is not supported.');
  checkTimestamp(q.Timestamp, 'Timestamp', now);
  if (!q.SignatureNonce) throw missing('SignatureNonce');
  if (!q.AccessKeyId) throw missing('AccessKeyId');
  const { secret, principal } = resolveKey(account, q.AccessKeyId, q.SecurityToken, now);
  // Signed parameters: every query parameter but Signature, plus the form body.
  const params: Record<string, string> = { ...q, ...req.form };
  delete params.Signature;
  const canonicalized = Object.keys(params).sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`).join('&');
  const stringToSign = `${req.method}&${percentEncode('/')}&${percentEncode(canonicalized)}`;
  const expected = createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
  if (!safeEqual(expected, q.Signature)) throw signatureMismatch(stringToSign);
  if (!nonces.use(`${q.AccessKeyId}:${q.SignatureNonce}`, now)) throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  return { accessKeyId: q.AccessKeyId, principal };
}

export const isAcs3 = (req: WireRequest): boolean => req.headers['authorization']?.startsWith('ACS3-') === true;

/** The ACS3 signature covers x-acs-content-sha256: the body must have that hash. */
export function checkPayloadHash(req: WireRequest): void {
  const payloadHash = createHash('sha256').update(req.body).digest('hex');
  if (req.headers['x-acs-content-sha256'] !== payloadHash) {
    throw new ApiError(400, 'SignatureDoesNotMatch', 'The x-acs-content-sha256 header does not match the request body.');
  }
}

/** Authenticates a request: which caller signed it, or the error the service would answer. */
export function authenticate(account: Account, req: WireRequest, nonces: NonceStore, now: number): Caller {
  if (isAcs3(req)) return verifyAcs3(account, req, nonces, now);
  if (req.query.Signature !== undefined) return verifyRpcV1(account, req, nonces, now);
  throw new ApiError(400, 'MissingSignature', 'The request is not signed: no Authorization header or Signature parameter.');
}
