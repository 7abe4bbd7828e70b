// The one error type every cloud failure becomes (SDK errors of both generations, metadata
// failures, network errors). Plain data plus a hint the UI can show; never carries a secret: the message
// passes the one secret scrubber here, whoever made the error.
import { scrubSecrets } from './scrubSecrets';
import { formatHint, hintForCode, type HintRef } from './hintCatalog';

export interface AccessDeniedInfo {
  /** The RAM action that was refused, e.g. `kms:Encrypt`. */
  readonly action?: string;
  /** The resource ARN it was refused on. */
  readonly resource?: string;
  /** The refusing principal (ARN or id) when the service names it. */
  readonly principal?: string;
  /** `ImplicitDeny` (no policy allows) or `ExplicitDeny`. */
  readonly policyType?: string;
}

export interface CloudErrorInit {
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** What the user can do: a catalog entry (hintCatalog.ts). Default: the catalog's entry for `code`. */
  readonly hint?: HintRef;
  /** The API action that failed (`AttachInstanceRamRole`), for logs. */
  readonly apiAction?: string;
  readonly accessDenied?: AccessDeniedInfo;
  /** True when retrying the same call may succeed (throttling, 5xx, connection reset). */
  readonly retryable?: boolean;
}

export class CloudError extends Error {
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** The hint as a catalog reference: the UI localizes it by key (session/localizeHint.ts). */
  readonly hintRef?: HintRef;
  readonly apiAction?: string;
  readonly accessDenied?: AccessDeniedInfo;
  readonly retryable?: boolean;

  constructor(init: CloudErrorInit) {
    super(scrubSecrets(init.message));
    this.name = 'CloudError';
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.hintRef = init.hint ?? hintForCode(init.code);
    this.apiAction = init.apiAction;
    this.accessDenied = init.accessDenied;
    this.retryable = init.retryable;
  }

  /** The hint in English, for logs and tests. */
  get hint(): string | undefined {
    return this.hintRef && formatHint(this.hintRef);
  }

  /** One line for logs: code, message, RequestId. */
  toLogLine(): string {
    const parts = [`${this.code}: ${this.message}`];
    if (this.apiAction) parts.push(`action=${this.apiAction}`);
    if (this.httpStatus) parts.push(`status=${this.httpStatus}`);
    if (this.requestId) parts.push(`RequestId=${this.requestId}`);
    return parts.join(' ');
  }
}

export function isCloudError(value: unknown): value is CloudError {
  return value instanceof CloudError;
}

/** Raised when the caller's signal aborted the operation. Commands treat it as a silent cancel. */
export class CloudCancelledError extends CloudError {
  constructor() {
    super({ code: 'Cancelled', message: 'The operation was cancelled.' });
    this.name = 'CloudCancelledError';
  }
}
