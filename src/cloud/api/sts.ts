// StsService.
import type { CallOptions } from './host';

export interface CallerIdentity {
  readonly accountId: string;
  readonly arn: string;
  /** Account, RAMUser, AssumedRoleUser. */
  readonly identityType: string;
  readonly userId?: string;
  readonly principalId?: string;
  readonly roleId?: string;
  readonly requestId?: string;
}

export interface StsService {
  getCallerIdentity(options?: CallOptions): Promise<CallerIdentity>;
}
