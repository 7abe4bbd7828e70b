// Turns whatever a call threw into a CloudError with a hint the user can act on.
// Two SDK generations throw differently:
//   openapi-core (ECS/RAM/STS): ClientError/ServerError/ThrottlingError {code, statusCode, requestId, data, accessDeniedDetail}
//   rpc-client (KMS 1.2.0):     tea ResponseError {code: "<Code>Error", message: "code: 403, ... requestid: X", data: body}
// plus Node network errors (ECONNREFUSED, ENOTFOUND...) and httpx's RequestTimeoutError.
import { CloudError, type AccessDeniedInfo } from './cloudError';
import { hintFor } from './hintCatalog';

interface RawError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  statusCode?: unknown;
  requestId?: unknown;
  data?: unknown;
  accessDeniedDetail?: unknown;
  errno?: unknown;
  syscall?: unknown;
  hostname?: unknown;
}

/** Node's network error codes (their hints are in hintCatalog.ts). */
const NETWORK_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED'];
/** A retry cannot help: nothing listens, the name does not resolve, or there is no route. */
const PERMANENT_NETWORK_CODES = ['ENOTFOUND', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH'];

/** Codes whose retry may succeed (DESIGN.md: Throttling codes; plus 5xx and connection resets). */
export function isThrottlingCode(code: string): boolean {
  return code === 'Throttling' || code.startsWith('Throttling.');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== 'undefined' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** AccessDeniedDetail arrives as an object or as a JSON string, with PascalCase or camelCase keys. */
export function parseAccessDeniedDetail(value: unknown): AccessDeniedInfo | undefined {
  let detail = record(value);
  if (!detail && typeof value === 'string' && value.trim().startsWith('{')) {
    try {
      detail = record(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  if (!detail) return undefined;
  const diagnostic = decodeDiagnostic(detail.EncodedDiagnosticMessage ?? detail.encodedDiagnosticMessage);
  const pick = (...keys: string[]) =>
    keys.map((k) => str(detail[k]) ?? str(diagnostic?.[k])).find((v) => v !== undefined);
  const info: AccessDeniedInfo = {
    action: pick('AuthAction', 'authAction', 'Action'),
    resource: pick('AuthResource', 'authResource', 'Resource'),
    principal: pick('AuthPrincipalDisplayName', 'authPrincipalDisplayName', 'AuthPrincipalOwnerId'),
    policyType: pick('NoPermissionType', 'noPermissionType', 'PolicyType', 'policyType'),
  };
  return info.action || info.resource ? info : undefined;
}

/** The service may put the refused resource in a base64 JSON diagnostic message. */
function decodeDiagnostic(value: unknown): Record<string, unknown> | undefined {
  const text = str(value);
  if (!text) return undefined;
  try {
    return record(JSON.parse(Buffer.from(text, 'base64').toString('utf8')));
  } catch {
    return undefined;
  }
}

/** Finds "code: 403" and "request id: X"/"requestid: X" in an SDK message. */
function fromSdkMessage(message: string): { status?: number; requestId?: string; text: string } {
  const status = /(?:^|: )code: (\d{3}),/.exec(message)?.[1];
  const requestId = /request ?id: ([\w-]+)/i.exec(message)?.[1];
  const text = message
    .replace(/^[\w.]+: (?=code: \d{3},)/, '')
    .replace(/^code: \d{3}, /, '')
    .replace(/ request ?id: [\w-]+.*$/i, '')
    .trim();
  return { status: status ? Number(status) : undefined, requestId, text };
}

function networkError(raw: RawError, apiAction?: string): CloudError | undefined {
  const name = str(raw.name) ?? '';
  const message = str(raw.message) ?? '';
  if (name.includes('RequestTimeout') || /ReadTimeout|ConnectTimeout/.test(message)) {
    return new CloudError({ code: 'RequestTimeout', message: message.replace(/^\.\s*/, '') || 'The request timed out.', apiAction, retryable: true });
  }
  const code = str(raw.code) ?? NETWORK_CODES.find((c) => message.includes(c));
  if (code && NETWORK_CODES.includes(code)) {
    const host = str(raw.hostname);
    // httpx appends "<METHOD> <url> failed." to Node's message with no separator ("socket hang upPOST http://…").
    const readable = message.replace(/(?<=\S)(GET|POST|PUT|DELETE|HEAD|PATCH) (\S+) failed\.$/, ' ($1 $2 failed)');
    const text = host ? `${code} ${host}` : readable || code;
    return new CloudError({ code, message: text, apiAction, retryable: !PERMANENT_NETWORK_CODES.includes(code) });
  }
  return undefined;
}

/**
 * The SDKs parse every answer as JSON; a gateway's HTML page, an empty body or a cut-off document ends
 * in a bare SyntaxError ("Unexpected token '<'"). Say what came back instead.
 */
function invalidResponse(raw: RawError, apiAction?: string): CloudError | undefined {
  const message = str(raw.message) ?? '';
  // Valid JSON that is not an object (null, a number, a list): the SDKs' own checks or a TypeError in them.
  const sdkShapeCheck = /type of \w+ is mismatch|The value is not a object/.test(message);
  const sdkTypeError = str(raw.name) === 'TypeError' && /Cannot read properties of (null|undefined)|is not iterable|Cannot use 'in' operator/.test(message);
  if (sdkShapeCheck || sdkTypeError) {
    return new CloudError({
      code: 'InvalidResponse',
      message: `The service answered${apiAction ? ` ${apiAction}` : ''} with a document of an unexpected shape (${message}).`,
      apiAction,
      retryable: true,
    });
  }
  if (str(raw.name) !== 'SyntaxError' && !/is not valid JSON|Unexpected end of JSON input|in JSON at position/.test(message)) return undefined;
  const what = /Unexpected end of JSON input/.test(message) && !/"/.test(message)
    ? 'an empty or cut-off body instead of a JSON document'
    : /["']\s*<|token '<'/i.test(message) ? 'an HTML or XML page instead of a JSON document' : `malformed JSON (${message})`;
  return new CloudError({
    code: 'InvalidResponse',
    message: `The service answered${apiAction ? ` ${apiAction}` : ''} with ${what}.`,
    apiAction,
    retryable: true,
  });
}

/** Normalises anything thrown by an SDK call (or already a CloudError) into a CloudError. */
export function normalizeError(error: unknown, apiAction?: string): CloudError {
  if (error instanceof CloudError) return error;
  const raw = (record(error) ?? { message: String(error) }) as RawError;
  const data = record(raw.data);
  const network = data ? undefined : invalidResponse(raw, apiAction) ?? networkError(raw, apiAction);
  if (network) return network;

  // The KMS rpc-client appends "Error" to the service's code; the body's Code is the real one.
  const rawCode = str(raw.code);
  const unsuffixed = rawCode && data && str(raw.name) !== 'ClientError' && /.Error$/.test(rawCode) ? rawCode.slice(0, -'Error'.length) : rawCode;
  const code = str(data?.Code) ?? str(data?.code) ?? str(unsuffixed) ?? 'UnknownError';
  const parsed = fromSdkMessage(str(raw.message) ?? '');
  const requestId = str(data?.RequestId) ?? str(data?.requestId) ?? str(raw.requestId) ?? parsed.requestId;
  const statusFromData = typeof data?.statusCode === 'number' ? data.statusCode : undefined;
  const httpStatus = typeof raw.statusCode === 'number' ? raw.statusCode : statusFromData ?? parsed.status;
  // An error answer without Code or Message (the SDK then says "undefined"): name the status instead.
  const message = str(data?.Message) ?? str(data?.message) ?? str(parsed.text) ??
    (code === 'UnknownError' ? `The service answered${apiAction ? ` ${apiAction}` : ''}${httpStatus ? ` with HTTP ${httpStatus}` : ''} but gave no error code or message.` : code);
  const accessDenied = parseAccessDeniedDetail(raw.accessDeniedDetail ?? data?.AccessDeniedDetail ?? data?.accessDeniedDetail);
  const retryable = isThrottlingCode(code) || (httpStatus !== undefined && httpStatus >= 500 && httpStatus !== 501);
  return new CloudError({
    code,
    message,
    requestId,
    httpStatus,
    hint: hintFor(code, { accessDenied, httpStatus, message, recommend: str(data?.Recommend) }),
    apiAction,
    accessDenied,
    retryable,
  });
}
