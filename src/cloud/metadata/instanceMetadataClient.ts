// The project's own ECS instance metadata client (not @alicloud/credentials', which hard-codes the
// host and re-fetches too often). IMDSv2 first: PUT /latest/api/token, the token reused until near
// its expiry; falls back to the token-less request unless that is disabled (option or
// ALIBABA_CLOUD_IMDSV1_DISABLED=true). The role credential goes through a RefreshingCache.
import { CloudError } from '../cloudError';
import { raceWithSignal } from '../cancel';
import { RefreshingCache } from '../credentials/refreshingCache';
import type { CallOptions, InstanceCredential, InstanceIdentity, InstanceMetadata, MetadataFetchMode, MetadataProbeResult } from '../types';
import { parseInstanceCredential } from './credentialJson';
import { metadataRequest, type MetadataResponse } from './metadataHttp';

export const DEFAULT_METADATA_ENDPOINT = 'http://100.100.100.200';
const TOKEN_HEADER = 'X-aliyun-ecs-metadata-token';
const TOKEN_TTL_HEADER = 'X-aliyun-ecs-metadata-token-ttl-seconds';
const CREDENTIALS_PATH = '/latest/meta-data/ram/security-credentials/';
/**
 * A token request that failed or hung is not repeated for this long: otherwise every read waits for the
 * token deadline again before it falls back (measured: 2,008 ms instead of 34 ms per read).
 */
export const TOKEN_FAILURE_MEMORY_MS = 30_000;

export interface InstanceMetadataOptions {
  readonly endpoint?: string;
  /** Never use the token-less request. */
  readonly imdsv1Disabled?: boolean;
  /** Token lifetime asked for (1..21600 s); default 21600. */
  readonly tokenTtlSeconds?: number;
  /** Per request deadline (default 1000 ms); the probe uses `probeTimeoutMs` (default 400 ms). */
  readonly timeoutMs?: number;
  readonly probeTimeoutMs?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => number;
  /** Told about every fetch (never a secret): for the log. */
  readonly onFetch?: (message: string) => void;
}

export class InstanceMetadataClient implements InstanceMetadata {
  readonly endpoint: string;
  private readonly imdsv1Disabled: boolean;
  private readonly tokenTtlSeconds: number;
  private readonly timeoutMs: number;
  private readonly probeTimeoutMs: number;
  private readonly now: () => number;
  private token: { value: string; expiresAt: number } | undefined;
  private tokenInflight: Promise<{ value: string; expiresAt: number } | undefined> | undefined;
  private lastTokenProblem: string | undefined;
  /** Until then, the last token failure stands and no token request is made. */
  private tokenFailedUntil = 0;
  /** The role the last credential was fetched for, so a refresh need not list it again. */
  private knownRoleName: string | undefined;
  private readonly cache: RefreshingCache<InstanceCredential & { expirationMs: number }>;

  constructor(private readonly options: InstanceMetadataOptions = {}) {
    this.endpoint = (options.endpoint ?? DEFAULT_METADATA_ENDPOINT).replace(/\/+$/, '');
    const env = options.env ?? process.env;
    this.imdsv1Disabled = options.imdsv1Disabled === true || env.ALIBABA_CLOUD_IMDSV1_DISABLED?.toLowerCase() === 'true';
    this.tokenTtlSeconds = Math.min(21600, Math.max(1, options.tokenTtlSeconds ?? 21600));
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 400;
    this.now = options.now ?? Date.now;
    this.cache = new RefreshingCache(() => this.fetchCredential(), { now: this.now });
  }

  /** How many credential fetches reached the service (tests, diagnostics). */
  get credentialFetchCount(): number {
    return this.cache.fetchCount;
  }

  async probe(options: CallOptions = {}): Promise<MetadataProbeResult> {
    const started = this.now();
    try {
      const { mode } = await raceWithSignal(this.get('/latest/meta-data/instance-id', this.probeTimeoutMs), options.signal);
      return { onEcs: true, mode, tokenProblem: this.lastTokenProblem, elapsedMs: this.now() - started };
    } catch (error) {
      const cloud = error instanceof CloudError ? error : undefined;
      if (cloud && (cloud.code === 'Metadata.TokenRequired' || cloud.code === 'Metadata.TokenFailed')) {
        // A service that answers but refuses us is still a metadata service.
        return { onEcs: true, tokenProblem: cloud.message, elapsedMs: this.now() - started };
      }
      return { onEcs: false, reason: cloud?.message ?? String(error), elapsedMs: this.now() - started };
    }
  }

  async getIdentity(options: CallOptions = {}): Promise<InstanceIdentity> {
    const item = async (name: string, required: boolean) => {
      try {
        return await raceWithSignal(this.get(`/latest/meta-data/${name}`), options.signal);
      } catch (error) {
        if (!required && error instanceof CloudError && error.code === 'Metadata.NotFound') return undefined;
        throw error;
      }
    };
    const [instanceId, regionId, zoneId, vpcId, privateIpv4] = await Promise.all([
      item('instance-id', true),
      item('region-id', true),
      item('zone-id', false),
      item('vpc-id', false),
      item('private-ipv4', false),
    ]);
    return {
      instanceId: instanceId!.body.trim(),
      regionId: regionId!.body.trim(),
      zoneId: zoneId?.body.trim() || undefined,
      vpcId: vpcId?.body.trim() || undefined,
      privateIpv4: privateIpv4?.body.trim() || undefined,
      mode: instanceId!.mode,
    };
  }

  async getRoleName(options: CallOptions = {}): Promise<string | undefined> {
    try {
      const { body } = await raceWithSignal(this.get(CREDENTIALS_PATH), options.signal);
      const name = body.split('\n').map((line) => line.trim()).find((line) => line !== '');
      return name || undefined;
    } catch (error) {
      if (error instanceof CloudError && error.code === 'Metadata.NotFound') return undefined;
      throw error;
    }
  }

  getCredential(options: CallOptions & { forceRefresh?: boolean } = {}): Promise<InstanceCredential> {
    return this.cache.get(options);
  }

  reset(): void {
    this.token = undefined;
    this.knownRoleName = undefined;
    this.lastTokenProblem = undefined;
    this.tokenFailedUntil = 0;
    this.cache.clear();
  }

  private async fetchCredential(): Promise<InstanceCredential & { expirationMs: number }> {
    // A refresh first asks for the role it knows: one request instead of two. If the role was
    // replaced or detached, that path answers 404 and the role name is listed again.
    const known = this.knownRoleName;
    if (known) {
      try {
        return await this.fetchCredentialOf(known);
      } catch (error) {
        if (!(error instanceof CloudError && error.code === 'Metadata.NotFound')) throw error;
        this.knownRoleName = undefined;
      }
    }
    const roleName = await this.getRoleName();
    if (!roleName) {
      throw new CloudError({
        code: 'Metadata.NoRole',
        message: 'No RAM role is attached to this ECS instance.',
      });
    }
    const credential = await this.fetchCredentialOf(roleName);
    this.knownRoleName = roleName;
    return credential;
  }

  private async fetchCredentialOf(roleName: string): Promise<InstanceCredential & { expirationMs: number }> {
    const { body, mode } = await this.get(`${CREDENTIALS_PATH}${encodeURIComponent(roleName)}`);
    const credential = parseInstanceCredential(body, roleName, mode, this.now());
    this.options.onFetch?.(`instance credential of role ${roleName} fetched (${mode}), expires ${credential.expiration}`);
    return credential;
  }

  /** One token request in flight; reused until a minute before it expires. */
  private async getToken(): Promise<{ value: string; expiresAt: number } | undefined> {
    if (this.token && this.now() < this.token.expiresAt - 60_000) return this.token;
    this.tokenInflight ??= this.requestToken().finally(() => (this.tokenInflight = undefined));
    return this.tokenInflight;
  }

  private async requestToken(timeoutMs = this.timeoutMs, probing = false): Promise<{ value: string; expiresAt: number } | undefined> {
    if (this.now() < this.tokenFailedUntil) return this.tokenUnavailable(this.lastTokenProblem ?? 'the token request failed');
    let response: MetadataResponse;
    try {
      response = await metadataRequest(this.endpoint, 'PUT', '/latest/api/token', { [TOKEN_TTL_HEADER]: String(this.tokenTtlSeconds) }, timeoutMs);
    } catch (error) {
      // Nothing answers at all: not a token problem, the service is absent.
      if (error instanceof CloudError && error.code === 'Metadata.Unreachable') throw error;
      // While probing, silence means "not on ECS": answer fast rather than try the token-less path too.
      if (probing && error instanceof CloudError && error.code === 'Metadata.Timeout') throw error;
      return this.tokenFailed(`the token request failed (${error instanceof Error ? error.message : String(error)})`);
    }
    if (response.status === 200 && response.body.trim() !== '') {
      this.lastTokenProblem = undefined;
      this.token = { value: response.body.trim(), expiresAt: this.now() + this.tokenTtlSeconds * 1000 };
      return this.token;
    }
    return this.tokenFailed(`the token request was answered with HTTP ${response.status}`);
  }

  private tokenFailed(problem: string): undefined {
    this.tokenFailedUntil = this.now() + TOKEN_FAILURE_MEMORY_MS;
    return this.tokenUnavailable(problem);
  }

  private tokenUnavailable(problem: string): undefined {
    this.lastTokenProblem = problem;
    this.token = undefined;
    if (this.imdsv1Disabled) {
      throw new CloudError({
        code: 'Metadata.TokenFailed',
        message: `The metadata token could not be obtained: ${problem}; the token-less request is disabled.`,
      });
    }
    return undefined;
  }

  private async get(path: string, timeoutMs = this.timeoutMs): Promise<{ body: string; mode: MetadataFetchMode }> {
    let token = await (timeoutMs === this.timeoutMs ? this.getToken() : this.probeToken(timeoutMs));
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = token ? { [TOKEN_HEADER]: token.value } : {};
      const response = await metadataRequest(this.endpoint, 'GET', path, headers, timeoutMs);
      const mode: MetadataFetchMode = token ? 'token' : 'no-token';
      if (response.status === 200) return { body: response.body, mode };
      if ((response.status === 401 || response.status === 403) && token && attempt === 0) {
        // The token expired or was revoked server-side: get a new one once.
        this.token = undefined;
        token = await this.getToken();
        continue;
      }
      if ((response.status === 401 || response.status === 403) && !token) {
        throw new CloudError({
          code: 'Metadata.TokenRequired',
          httpStatus: response.status,
          message: `The metadata service requires a token (hardened mode) and ${this.lastTokenProblem ?? 'none could be obtained'}.`,
        });
      }
      if (response.status === 404) {
        throw new CloudError({ code: 'Metadata.NotFound', httpStatus: 404, message: `The metadata service has no ${path}.` });
      }
      throw new CloudError({ code: 'Metadata.HttpError', httpStatus: response.status, message: `The metadata service answered ${path} with HTTP ${response.status}.` });
    }
  }

  /** The probe uses its own short deadline for the token too. */
  private async probeToken(timeoutMs: number) {
    if (this.token && this.now() < this.token.expiresAt - 60_000) return this.token;
    return this.requestToken(timeoutMs, true);
  }
}
