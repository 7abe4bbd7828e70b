// The ECS instance metadata service of this machine.
import type { CallOptions } from './host';

/** How a metadata answer was obtained: with an IMDSv2 token or the token-less request. */
export type MetadataFetchMode = 'token' | 'no-token';

export interface MetadataProbeResult {
  readonly onEcs: boolean;
  /** Set when onEcs: how the service answered. */
  readonly mode?: MetadataFetchMode;
  /** When the token path was refused or failed, why (e.g. token required but the PUT failed). */
  readonly tokenProblem?: string;
  /** When not on ECS: why we think so (connection refused, timeout...). */
  readonly reason?: string;
  readonly elapsedMs: number;
}

export interface InstanceIdentity {
  readonly instanceId: string;
  readonly regionId: string;
  readonly zoneId?: string;
  readonly vpcId?: string;
  readonly privateIpv4?: string;
  readonly mode: MetadataFetchMode;
}

export interface InstanceCredential {
  readonly roleName: string;
  readonly accessKeyId: string;
  /** Never log or show in full. */
  readonly accessKeySecret: string;
  /** Never log or show in full. */
  readonly securityToken: string;
  /** `YYYY-MM-DDTHH:MM:SSZ` as the service sent it. */
  readonly expiration: string;
  readonly expirationMs: number;
  readonly lastUpdated?: string;
  readonly mode: MetadataFetchMode;
  /** When this process fetched it (epoch ms). */
  readonly fetchedAt: number;
}

export interface InstanceMetadata {
  /** The metadata base URL in use. */
  readonly endpoint: string;
  /** Is a metadata service reachable? Fast (< 0.5 s) when nothing listens. Never throws. */
  probe(options?: CallOptions): Promise<MetadataProbeResult>;
  getIdentity(options?: CallOptions): Promise<InstanceIdentity>;
  /** The attached role's name, or undefined when no role is attached. */
  getRoleName(options?: CallOptions): Promise<string | undefined>;
  /**
   * The role credential from the shared cache: reused until 15 minutes before Expiration,
   * one fetch in flight however many callers. `forceRefresh` skips the cache.
   * Throws CloudError Metadata.NoRole / Metadata.NotOnEcs / Metadata.InvalidCredential...
   */
  getCredential(options?: CallOptions & { forceRefresh?: boolean }): Promise<InstanceCredential>;
  /** Forget the cached token and credential (after "Refresh" or a settings change). */
  reset(): void;
}
