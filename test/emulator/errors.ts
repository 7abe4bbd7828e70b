// The one error type every handler throws: the code, message and HTTP status the real service
// answers with. The server turns it into {"RequestId","HostId","Code","Message","Recommend"}.
export interface AccessDeniedDetail {
  AuthAction: string;
  AuthPrincipalType: string;
  AuthPrincipalOwnerId: string;
  AuthPrincipalDisplayName: string;
  PolicyType: string;
  NoPermissionType: 'ImplicitDeny' | 'ExplicitDeny';
  EncodedDiagnosticMessage: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly accessDeniedDetail?: AccessDeniedDetail,
  ) {
    super(message);
  }
}

export const missing = (name: string): ApiError =>
  new ApiError(400, `MissingParameter`, `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);

export const invalid = (code: string, message: string): ApiError => new ApiError(400, code, message);
