// Turns whatever a call threw into a CloudError with a hint the user can act on.
// Two SDK generations throw differently:
//   openapi-core (ECS/RAM/STS): ClientError/ServerError/ThrottlingError {code, statusCode, requestId, data, accessDeniedDetail}
//   rpc-client (KMS 1.2.0):     tea ResponseError {code: "<Code>Error", message: "code: 403, ... requestid: X", data: body}
// plus Node network errors (ECONNREFUSED, ENOTFOUND...) and httpx's RequestTimeoutError.
import { CloudError, type AccessDeniedInfo } from './cloudError';

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

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'Nothing accepts connections at the endpoint. Check alicloudKms.endpoints and that the service is reachable from this machine.',
  ENOTFOUND: 'The endpoint host name does not resolve (DNS). Check the region, the endpoints setting, and this machine\'s DNS; the VPC KMS endpoint resolves only inside a VPC.',
  EAI_AGAIN: 'DNS lookup failed temporarily. Check this machine\'s DNS and network.',
  ECONNRESET: 'The connection was reset. A proxy or firewall may be interfering; retry later.',
  ETIMEDOUT: 'The connection timed out. The endpoint may be unreachable from this network (e.g. a VPC endpoint outside a VPC).',
  EHOSTUNREACH: 'The endpoint host is unreachable from this machine.',
  ENETUNREACH: 'The network is unreachable from this machine.',
  EPIPE: 'The connection was closed while sending. Retry later.',
  ECONNABORTED: 'The connection was aborted. Retry later.',
};

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

export function hintFor(code: string, accessDenied: AccessDeniedInfo | undefined, httpStatus?: number, message?: string): string | undefined {
  if (code === 'InvalidAccessKeyId.NotFound' || code === 'InvalidAccessKeyId' || code === 'InvalidAccessKeyId.Inactive') {
    return 'The AccessKey ID is unknown or disabled. Check the active profile, or create a new AccessKey in the RAM console.';
  }
  if (code === 'SignatureDoesNotMatch' || code === 'IncompleteSignature') {
    return 'The AccessKey secret does not match the AccessKey ID. Re-enter the secret of the active profile.';
  }
  if (code === 'InvalidTimeStamp.Expired' || code === 'RequestTimeTooSkewed' || code === 'InvalidTimeStamp.Format' || code === 'IllegalTimestamp') {
    return 'This machine\'s clock differs from Alibaba Cloud\'s by more than 15 minutes. Synchronise the clock (NTP) and retry.';
  }
  if (code === 'SignatureNonceUsed') return 'A request was replayed. Retry; if it persists, check the clock.';
  if (code.startsWith('InvalidSecurityToken')) {
    return code.endsWith('Expired')
      ? 'The temporary credential (STS token) has expired. Refresh the profile or the instance credential.'
      : 'The security token does not belong to this AccessKey ID. Refresh the temporary credential.';
  }
  if (code === 'Forbidden.KeyNotFound' || code === 'NotFound.Key' || code === 'EntityNotExist.Key' || code === 'InvalidKeyId.NotFound') {
    return 'The KMS key was not found in this region (or the caller may not see it). Check the key id or alias and the region.';
  }
  if (code === 'Forbidden.KeyNotEnabled' || code === 'Rejected.Disabled' || code === 'Rejected.PendingDeletion' || code === 'Forbidden.KeyPendingDeletion') {
    return /PendingDeletion/i.test(`${code} ${message ?? ''}`)
      ? 'The KMS key is pending deletion. Cancel the deletion in the KMS console to use it.'
      : 'The KMS key is disabled. Enable it in the KMS console first.';
  }
  if (accessDenied?.action || code === 'NoPermission' || code === 'Forbidden.RAM' || code === 'Forbidden' || code === 'Forbidden.NoPermission' || code === 'AccessDenied' || code === 'Forbidden.AccessDenied') {
    if (accessDenied?.action) {
      const on = accessDenied.resource ? ` on ${accessDenied.resource}` : '';
      const passRole = accessDenied.action === 'ram:PassRole'
        ? ' Attaching a role to an instance also needs ram:PassRole on that role.'
        : '';
      return `The caller lacks the permission ${accessDenied.action}${on}. Grant it with a RAM policy.${passRole}`;
    }
    return 'The caller is not allowed to do this. Grant the needed action with a RAM policy.';
  }
  if (code.startsWith('EntityAlreadyExists')) return 'An entity with this name already exists. Choose another name or use the existing one.';
  if (code.startsWith('EntityNotExist')) return 'It does not exist (any more). Refresh the view.';
  if (code === 'DeleteConflict.Role.Policy' || code.startsWith('DeleteConflict')) return 'Detach its policies first.';
  if (code === 'InvalidInstanceId.NotFound' || code === 'InvalidInstanceId.MalFormed' || code === 'InvalidInstanceIds.NotFound') {
    return 'No such instance in this region. Check the instance id and the region.';
  }
  if (code === 'InvalidInstance.NotVpc' || code === 'InvalidInstance.NetworkType' || code === 'InvalidInstanceNetworkType' || code.includes('Classic')) {
    return 'Instance RAM roles work only for instances in a VPC; this one is in the classic network.';
  }
  if (code === 'InvalidRamRole.NotEqual' || code === 'InvalidInstance.RamRoleExists' || code.includes('RamRoleExists') || code === 'InvalidParam.RamRole.Conflict') {
    return 'The instance already has another RAM role. Detach it first (Replace Role does both).';
  }
  if (code === 'InvalidRamRole.NotEcsRole' || code.includes('NotEcsRole')) {
    return 'The role\'s trust policy does not let ECS assume it. Add "ecs.aliyuncs.com" as a trusted service.';
  }
  if (code === 'InvalidRamRole.NotFound') return 'No RAM role with this name. Check the name or create the role first.';
  if (isThrottlingCode(code)) return 'Alibaba Cloud is throttling requests; retried with backoff and still throttled. Wait a moment and retry.';
  if (code.startsWith('InvalidParameter') || code.startsWith('MissingParameter') || code.startsWith('InvalidParam')) {
    return 'A parameter was rejected; the message says which.';
  }
  if (code === 'DryRunOperation') return 'The dry run passed: the request would succeed.';
  if (code === 'RequestTimeout') return 'The service did not answer in time. Check the network and retry.';
  if (NETWORK_CODES[code]) return NETWORK_CODES[code];
  if (httpStatus !== undefined && httpStatus >= 500) return 'The service had an internal error. Retry later.';
  return undefined;
}

function networkError(raw: RawError, apiAction?: string): CloudError | undefined {
  const name = str(raw.name) ?? '';
  const message = str(raw.message) ?? '';
  if (name.includes('RequestTimeout') || /ReadTimeout|ConnectTimeout/.test(message)) {
    return new CloudError({ code: 'RequestTimeout', message: message.replace(/^\.\s*/, '') || 'The request timed out.', hint: hintFor('RequestTimeout', undefined), apiAction, retryable: true });
  }
  const code = str(raw.code) ?? Object.keys(NETWORK_CODES).find((c) => message.includes(c));
  if (code && NETWORK_CODES[code]) {
    const host = str(raw.hostname);
    const text = host ? `${code} ${host}` : message || code;
    return new CloudError({ code, message: text, hint: NETWORK_CODES[code], apiAction, retryable: code !== 'ENOTFOUND' && code !== 'ECONNREFUSED' && code !== 'EHOSTUNREACH' && code !== 'ENETUNREACH' });
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
      hint: 'Something between this machine and Alibaba Cloud (a proxy, a gateway, or an endpoint in alicloudKms.endpoints) answered instead of the service. Check the endpoint and the network, then retry.',
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
    hint: 'Something between this machine and Alibaba Cloud (a proxy, a gateway, or an endpoint in alicloudKms.endpoints) answered instead of the service. Check the endpoint and the network, then retry.',
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
    hint: hintFor(code, accessDenied, httpStatus, message) ?? str(data?.Recommend),
    apiAction,
    accessDenied,
    retryable,
  });
}
