// What every API handler receives, and the small parameter and paging helpers they share.
import { ApiError, invalid, missing } from '../errors';
import { authorize } from '../authorize';
import type { RequestFacts } from '../conditions';
import type { Caller } from '../signature';
import type { Account } from '../state';

export interface Ctx {
  readonly account: Account;
  readonly params: Record<string, string>;
  readonly caller: Caller;
  /** The product whose API is called: ram, ecs, kms or sts (its permission error is used). */
  readonly product: string;
  /** The Host header the request was sent to (KMS is regional by endpoint: the host names the region). */
  readonly host?: string;
  /** The caller's address as the server's socket sees it (acs:SourceIp). */
  readonly sourceIp?: string;
  /** The emulator's clock (real time plus the injected clock skew). */
  now(): number;
}

export type Handler = (ctx: Ctx) => object | Promise<object>;

/**
 * The request as policy Conditions see it. acs:SourceVpc: a call signed with an instance's metadata
 * credential (its STS session is issued by ecs.aliyuncs.com, named after the instance) that is sent to a
 * VPC endpoint host (`kms-vpc.<region>…`) comes from that instance's VPC; every other call from none.
 * acs:SecureTransport is false: the emulator serves plain HTTP.
 */
export function requestFacts(ctx: Ctx): RequestFacts {
  const principal = ctx.caller.principal;
  const viaVpcEndpoint = /^kms-vpc\./i.test(ctx.host ?? '');
  const instance = viaVpcEndpoint && principal.kind === 'role' && principal.session.issuedBy === 'ecs.aliyuncs.com'
    ? ctx.account.instances.get(principal.session.sessionName) : undefined;
  return {
    sourceIp: ctx.sourceIp?.replace(/^::ffff:/, ''),
    ...(instance ? { sourceVpc: instance.vpcId } : {}),
    secureTransport: false,
    currentTime: ctx.now(),
  };
}

/** Refuses unless the caller's policies allow `action` on every resource (Conditions decided on this request). */
export function can(ctx: Ctx, action: string, ...resources: string[]): void {
  authorize(ctx.account, ctx.caller.principal, resources.map((resource) => ({ action, resource })), ctx.product, requestFacts(ctx));
}

export function required(ctx: Ctx, name: string): string {
  const v = ctx.params[name];
  if (v === undefined || v === '') throw missing(name);
  return v;
}

export function intParam(ctx: Ctx, name: string, fallback: number, min: number, max: number): number {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw invalid('InvalidParameter', `The specified parameter "${name}" is not valid: expected an integer from ${min} to ${max}.`);
  return n;
}

export function boolParam(ctx: Ctx, name: string): boolean {
  return ctx.params[name] === 'true';
}

/** A parameter carrying a JSON array of strings, such as ECS InstanceIds (refused with `code`). */
export function jsonArray(ctx: Ctx, name: string, code = 'InvalidParameter'): string[] | undefined {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: unknown;
  try { parsed = JSON.parse(raw); } catch { parsed = undefined; }
  if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string')) {
    throw invalid(code, `The specified parameter "${name}" is not a valid JSON array of strings.`);
  }
  return parsed as string[];
}

/** A JSON object parameter, or the flattened `Name.key=value` form the RPC SDKs send for maps. */
export function mapParam(ctx: Ctx, name: string): Record<string, string> | undefined {
  const raw = ctx.params[name];
  if (raw !== undefined && raw !== '') {
    let parsed: unknown;
    try { parsed = JSON.parse(raw); } catch { parsed = undefined; }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid('InvalidParameter', `The specified parameter "${name}" is not a valid JSON object.`);
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  }
  const prefix = `${name}.`;
  const entries = Object.entries(ctx.params).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** RAM style paging: an opaque Marker and MaxItems; IsTruncated says whether more follow. */
export function markerPage<T>(ctx: Ctx, items: T[], maxDefault: number, maxLimit: number): { page: T[]; IsTruncated: boolean; Marker?: string } {
  const max = intParam(ctx, 'MaxItems', maxDefault, 1, maxLimit);
  let start = 0;
  const marker = ctx.params.Marker;
  if (marker) {
    start = Number.parseInt(Buffer.from(marker, 'base64url').toString(), 10);
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalid('InvalidParameter.Marker', 'The specified parameter "Marker" is not valid.');
  }
  const page = items.slice(start, start + max);
  const next = start + max;
  return next < items.length
    ? { page, IsTruncated: true, Marker: Buffer.from(String(next)).toString('base64url') }
    : { page, IsTruncated: false };
}

/** Classic paging: PageNumber (from 1) and PageSize. */
export function numberPage<T>(ctx: Ctx, items: T[], sizeDefault: number, sizeLimit: number): { page: T[]; PageNumber: number; PageSize: number; TotalCount: number } {
  const PageNumber = intParam(ctx, 'PageNumber', 1, 1, 1_000_000);
  const PageSize = intParam(ctx, 'PageSize', sizeDefault, 1, sizeLimit);
  return { page: items.slice((PageNumber - 1) * PageSize, PageNumber * PageSize), PageNumber, PageSize, TotalCount: items.length };
}

/** Token paging: NextToken and MaxResults; an empty NextToken means the last page. */
export function tokenPage<T>(ctx: Ctx, items: T[], sizeDefault: number, sizeLimit: number): { page: T[]; NextToken: string; MaxResults: number; TotalCount: number } {
  const MaxResults = intParam(ctx, 'MaxResults', sizeDefault, 1, sizeLimit);
  let start = 0;
  if (ctx.params.NextToken) {
    const m = /^t(\d+)$/.exec(Buffer.from(ctx.params.NextToken, 'base64url').toString());
    if (!m || Number(m[1]) > items.length) throw invalid('InvalidParameter.NextToken', 'The specified parameter "NextToken" is not valid.');
    start = Number(m[1]);
  }
  const next = start + MaxResults;
  return {
    page: items.slice(start, next), MaxResults, TotalCount: items.length,
    NextToken: next < items.length ? Buffer.from(`t${next}`).toString('base64url') : '',
  };
}

export const notFound = (code: string, message: string): ApiError => new ApiError(404, code, message);
