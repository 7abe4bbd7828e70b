// The contract between the cloud layer and the rest of the extension (views, commands, extension.ts).
// Plain data in and out: no @alicloud/* type appears here, so importing this file loads no SDK.
// Views and commands code against these interfaces; `src/cloud/index.ts` builds the implementations.

export { CloudError, CloudCancelledError, isCloudError } from './cloudError';
export type { AccessDeniedInfo, CloudErrorInit } from './cloudError';

// ---------------------------------------------------------------------------------------------
// What the cloud layer receives from VS Code (small interfaces, so it never imports vscode).

/** AbortSignal-compatible: pass an `AbortController().signal` (commands link it to a CancellationToken). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface CallOptions {
  readonly signal?: CancelSignal;
}

/** vscode.SecretStorage fits this shape. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** vscode.LogOutputChannel fits this shape. Nothing passed here ever contains a secret. */
export interface CloudLog {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type CloudProduct = 'ecs' | 'ram' | 'sts' | 'kms';

/** The settings the cloud layer reads (alicloudKms.*), read again each time services are created. */
export interface CloudSettings {
  /** alicloudKms.endpoints: per product, e.g. {"ecs":"http://127.0.0.1:1234"}; scheme = protocol. */
  readonly endpoints?: Partial<Record<CloudProduct, string>>;
  /** alicloudKms.metadataEndpoint, default http://100.100.100.200. */
  readonly metadataEndpoint?: string;
  /** Use kms-vpc.<region>.aliyuncs.com instead of the public KMS endpoint. */
  readonly kmsVpcEndpoint?: boolean;
  /** Regions queried at once by a fan-out (default 8). */
  readonly fanOutConcurrency?: number;
  /** Forbid the token-less (IMDSv1) metadata request; ALIBABA_CLOUD_IMDSV1_DISABLED=true does too. */
  readonly imdsv1Disabled?: boolean;
  /** Default region when a profile has none (default cn-hangzhou). */
  readonly defaultRegion?: string;
}

/** Everything the factory needs from its host. HOME and env are injectable for tests. */
export interface CloudEnvironment {
  readonly secrets: SecretStore;
  readonly settings: () => CloudSettings;
  readonly log?: CloudLog;
  /** Defaults to os.homedir(). */
  readonly home?: string;
  /** Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

// ---------------------------------------------------------------------------------------------
// Profiles (management credentials). Display data only: never a secret.

export type ProfileSource = 'aliyunCli' | 'environment' | 'credentialsFile' | 'secretStorage' | 'ecsInstance';

/** Credential modes (the aliyun CLI's names). */
export type ProfileKind =
  | 'AK'
  | 'StsToken'
  | 'RamRoleArn'
  | 'EcsRamRole'
  | 'ChainableRamRoleArn'
  | 'OIDC'
  | 'CloudSSO'
  | 'External'
  | 'CredentialsURI'
  | 'RsaKeyPair'
  | 'Unknown';

export interface Profile {
  /** Stable id `${source}:${name}` (what the status bar and settings remember). */
  readonly id: string;
  readonly name: string;
  readonly source: ProfileSource;
  readonly kind: ProfileKind;
  /** The profile's own default region, when it has one. */
  readonly region?: string;
  /** e.g. `LTAI****wxyz`; absent for modes without a stored AccessKey. */
  readonly accessKeyIdMasked?: string;
  /** Role the profile assumes (RamRoleArn, EcsRamRole...). */
  readonly roleName?: string;
  /** False when this extension cannot use the profile; `unusableReason` says why (English). */
  readonly usable: boolean;
  readonly unusableReason?: string;
  /** File the profile came from (config.json / credentials), for "Open" actions. */
  readonly file?: string;
}

export interface ProfileList {
  readonly profiles: readonly Profile[];
  /** The id the environment or the aliyun CLI marks as current (ALIBABA_CLOUD_PROFILE, `current`). */
  readonly preferredId?: string;
  /** Problems reading sources (unreadable file, bad JSON): shown in the log, the rest still listed. */
  readonly warnings: readonly string[];
}

export interface AccessKeyInput {
  /** Display name of the stored profile (default "default"). */
  readonly name?: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly region?: string;
}

// ---------------------------------------------------------------------------------------------
// Paging and fan-out.

/** A list over all pages, fetched as the caller iterates; break early to stop fetching. */
export type Paged<T> = AsyncIterable<T>;

export type RegionOutcome<T> =
  | { readonly regionId: string; readonly ok: true; readonly value: T }
  | { readonly regionId: string; readonly ok: false; readonly error: import('./cloudError').CloudError };

export interface FanOutOptions extends CallOptions {
  /** At most this many regions at once (default: settings.fanOutConcurrency, else 8). */
  readonly concurrency?: number;
}

// ---------------------------------------------------------------------------------------------
// RAM

export type PolicyType = 'System' | 'Custom';

export interface RamRole {
  readonly roleName: string;
  readonly roleId: string;
  readonly arn: string;
  readonly description?: string;
  readonly createDate?: string;
  readonly updateDate?: string;
  readonly maxSessionDuration?: number;
  /** The trust policy JSON text; present from getRole/createRole/updateRole, not from listRoles. */
  readonly assumeRolePolicyDocument?: string;
}

export interface RamPolicy {
  readonly policyName: string;
  readonly policyType: PolicyType;
  readonly description?: string;
  readonly defaultVersion?: string;
  readonly createDate?: string;
  readonly updateDate?: string;
  readonly attachmentCount?: number;
  /** Only from listPoliciesForRole. */
  readonly attachDate?: string;
}

export interface RamPolicyWithDocument extends RamPolicy {
  /** The default version's policy document (JSON text). */
  readonly policyDocument: string;
}

export interface CreateRoleInput {
  readonly roleName: string;
  readonly assumeRolePolicyDocument: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
}

export interface UpdateRoleInput {
  readonly roleName: string;
  readonly newAssumeRolePolicyDocument?: string;
  readonly newDescription?: string;
  readonly newMaxSessionDuration?: number;
}

export interface PolicyAttachment {
  readonly roleName: string;
  readonly policyName: string;
  readonly policyType: PolicyType;
}

export interface CreatePolicyInput {
  readonly policyName: string;
  readonly policyDocument: string;
  readonly description?: string;
}

export interface PolicyEntities {
  readonly roles: readonly string[];
  readonly users: readonly string[];
  readonly groups: readonly string[];
}

export interface RamService {
  listRoles(options?: CallOptions & { pageSize?: number }): Paged<RamRole>;
  getRole(roleName: string, options?: CallOptions): Promise<RamRole>;
  createRole(input: CreateRoleInput, options?: CallOptions): Promise<RamRole>;
  updateRole(input: UpdateRoleInput, options?: CallOptions): Promise<RamRole>;
  deleteRole(roleName: string, options?: CallOptions): Promise<void>;

  listPoliciesForRole(roleName: string, options?: CallOptions): Promise<RamPolicy[]>;
  attachPolicyToRole(input: PolicyAttachment, options?: CallOptions): Promise<void>;
  detachPolicyFromRole(input: PolicyAttachment, options?: CallOptions): Promise<void>;
  createPolicy(input: CreatePolicyInput, options?: CallOptions): Promise<RamPolicy>;
  /** The policy with its default version's document. */
  getPolicy(policyName: string, policyType: PolicyType, options?: CallOptions): Promise<RamPolicyWithDocument>;
  getPolicyVersion(policyName: string, policyType: PolicyType, versionId: string, options?: CallOptions): Promise<string>;
  listPolicies(options?: CallOptions & { policyType?: PolicyType; pageSize?: number }): Paged<RamPolicy>;
  listEntitiesForPolicy(policyName: string, policyType: PolicyType, options?: CallOptions): Promise<PolicyEntities>;
}

// ---------------------------------------------------------------------------------------------
// ECS

export interface EcsRegion {
  readonly regionId: string;
  readonly localName?: string;
  readonly regionEndpoint?: string;
}

export interface EcsInstance {
  readonly instanceId: string;
  readonly instanceName?: string;
  readonly regionId: string;
  readonly zoneId?: string;
  /** Running, Stopped, Starting, Stopping, Pending... */
  readonly status: string;
  /** `vpc` or `classic` (instance RAM roles need a VPC). */
  readonly networkType: string;
  readonly vpcId?: string;
  readonly vSwitchId?: string;
  readonly privateIpAddress?: string;
  readonly publicIpAddress?: string;
  readonly instanceType?: string;
  readonly osName?: string;
  readonly creationTime?: string;
  readonly securityGroupIds: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
  /** The attached instance RAM role (from DescribeInstanceRamRole), undefined when none. */
  readonly ramRoleName?: string;
}

export interface InstanceFilter {
  readonly instanceIds?: readonly string[];
  readonly vpcId?: string;
  readonly status?: string;
  readonly instanceName?: string;
}

export interface ListInstancesOptions extends CallOptions {
  readonly filter?: InstanceFilter;
  readonly pageSize?: number;
  /** Also look up each page's attached RAM roles (default true). */
  readonly includeRamRoles?: boolean;
}

/** One instance's result from AttachInstanceRamRole / DetachInstanceRamRole. */
export interface InstanceRoleResult {
  readonly instanceId: string;
  readonly ramRoleName?: string;
  readonly success: boolean;
  readonly code?: string;
  readonly message?: string;
  readonly hint?: string;
}

export interface AttachRoleInput {
  readonly regionId: string;
  readonly ramRoleName: string;
  /** Any number: sent in batches of 100 (the API's limit). */
  readonly instanceIds: readonly string[];
  /** Extra policy that narrows the role on these instances. */
  readonly policy?: string;
}

export interface DetachRoleInput {
  readonly regionId: string;
  readonly instanceIds: readonly string[];
  readonly ramRoleName?: string;
}

export interface InstanceRamRole {
  readonly instanceId: string;
  readonly ramRoleName: string;
}

export interface EcsVpc {
  readonly vpcId: string;
  readonly vpcName?: string;
  readonly cidrBlock?: string;
  readonly isDefault?: boolean;
  readonly status?: string;
}

export interface EcsVSwitch {
  readonly vSwitchId: string;
  readonly vSwitchName?: string;
  readonly vpcId: string;
  readonly zoneId: string;
  readonly cidrBlock?: string;
  readonly availableIpAddressCount?: number;
  readonly status?: string;
}

export interface EcsSecurityGroup {
  readonly securityGroupId: string;
  readonly securityGroupName?: string;
  readonly vpcId?: string;
  readonly description?: string;
}

export interface RunInstancesInput {
  readonly regionId: string;
  readonly instanceType: string;
  readonly imageId: string;
  readonly vSwitchId: string;
  readonly securityGroupId: string;
  readonly ramRoleName?: string;
  readonly instanceName?: string;
  readonly zoneId?: string;
  readonly keyPairName?: string;
  /** Never logged. */
  readonly password?: string;
  readonly amount?: number;
  readonly dryRun?: boolean;
  /** Idempotency token; generated when absent so a timed-out call can be checked, not repeated. */
  readonly clientToken?: string;
}

export interface RunInstancesResult {
  readonly dryRun: boolean;
  /** For a dry run: true when the service answered DryRunOperation (the real call would be accepted). */
  readonly wouldSucceed?: boolean;
  readonly instanceIds: readonly string[];
  readonly requestId?: string;
  readonly clientToken: string;
}

export interface EcsService {
  describeRegions(options?: CallOptions): Promise<EcsRegion[]>;
  listInstances(regionId: string, options?: ListInstancesOptions): Paged<EcsInstance>;
  /** Every region (or the given ones) at bounded concurrency; each region's outcome as soon as it is known. */
  listInstancesAllRegions(
    options?: FanOutOptions & { regions?: readonly string[]; filter?: InstanceFilter; includeRamRoles?: boolean },
  ): AsyncIterable<RegionOutcome<EcsInstance[]>>;
  attachInstanceRamRole(input: AttachRoleInput, options?: CallOptions): Promise<InstanceRoleResult[]>;
  detachInstanceRamRole(input: DetachRoleInput, options?: CallOptions): Promise<InstanceRoleResult[]>;
  /** The roles of the given instances, or every instance that has `ramRoleName` in the region. */
  describeInstanceRamRoles(
    regionId: string,
    query: { instanceIds?: readonly string[]; ramRoleName?: string },
    options?: CallOptions,
  ): Promise<InstanceRamRole[]>;
  listVpcs(regionId: string, options?: CallOptions): Promise<EcsVpc[]>;
  listVSwitches(regionId: string, query?: { vpcId?: string; zoneId?: string }, options?: CallOptions): Promise<EcsVSwitch[]>;
  listSecurityGroups(regionId: string, query?: { vpcId?: string }, options?: CallOptions): Promise<EcsSecurityGroup[]>;
  runInstances(input: RunInstancesInput, options?: CallOptions): Promise<RunInstancesResult>;
}

// ---------------------------------------------------------------------------------------------
// KMS (a KmsService is bound to one region's endpoint)

export interface KmsKeyRef {
  readonly keyId: string;
  readonly keyArn?: string;
}

export interface KmsKey {
  readonly keyId: string;
  readonly arn?: string;
  /** Enabled, Disabled, PendingDeletion, PendingImport. */
  readonly keyState: string;
  readonly keySpec?: string;
  readonly keyUsage?: string;
  /** SOFTWARE or HSM. */
  readonly protectionLevel?: string;
  /** Enabled, Disabled, Suspended. */
  readonly automaticRotation?: string;
  readonly lastRotationDate?: string;
  readonly creationDate?: string;
  readonly description?: string;
  readonly primaryKeyVersion?: string;
  readonly deleteDate?: string;
}

export interface KmsAlias {
  readonly aliasName: string;
  readonly keyId: string;
  readonly aliasArn?: string;
}

export interface EncryptInput {
  /** Key id, alias (`alias/...`) or ARN. */
  readonly keyId: string;
  readonly plaintext: string;
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

export interface EncryptResult {
  readonly ciphertextBlob: string;
  readonly keyId: string;
  readonly keyVersionId?: string;
  readonly requestId?: string;
}

export interface DecryptResult {
  readonly plaintext: string;
  readonly keyId: string;
  readonly keyVersionId?: string;
  readonly requestId?: string;
}

export interface GenerateDataKeyInput {
  readonly keyId: string;
  readonly keySpec?: 'AES_256' | 'AES_128';
  readonly numberOfBytes?: number;
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

export interface DataKeyResult {
  /** The data key, base64. Never log it. */
  readonly plaintext: string;
  readonly ciphertextBlob: string;
  readonly keyId: string;
  readonly keyVersionId?: string;
  readonly requestId?: string;
}

export interface KmsSecretSummary {
  readonly secretName: string;
  readonly secretType?: string;
  readonly createTime?: string;
  readonly updateTime?: string;
  readonly plannedDeleteTime?: string;
}

export interface KmsSecret extends KmsSecretSummary {
  readonly arn?: string;
  readonly description?: string;
  readonly encryptionKeyId?: string;
  readonly automaticRotation?: string;
  readonly lastRotationDate?: string;
  readonly nextRotationDate?: string;
  readonly rotationInterval?: string;
}

export interface SecretValue {
  readonly secretName: string;
  /** The value. Never log it; show masked unless the user asks. */
  readonly secretData: string;
  readonly secretDataType?: string;
  readonly secretType?: string;
  readonly versionId?: string;
  readonly versionStages: readonly string[];
  readonly createTime?: string;
  readonly requestId?: string;
}

export interface KmsService {
  readonly regionId: string;
  /** The endpoint calls go to (host[:port]), for "which endpoint was used" reports. */
  readonly endpoint: string;
  readonly protocol: 'https' | 'http';
  listKeys(options?: CallOptions & { pageSize?: number }): Paged<KmsKeyRef>;
  describeKey(keyId: string, options?: CallOptions): Promise<KmsKey>;
  listAliases(options?: CallOptions & { pageSize?: number }): Paged<KmsAlias>;
  listAliasesByKeyId(keyId: string, options?: CallOptions): Promise<KmsAlias[]>;
  encrypt(input: EncryptInput, options?: CallOptions): Promise<EncryptResult>;
  decrypt(
    input: { ciphertextBlob: string; encryptionContext?: Readonly<Record<string, string>> },
    options?: CallOptions,
  ): Promise<DecryptResult>;
  generateDataKey(input: GenerateDataKeyInput, options?: CallOptions): Promise<DataKeyResult>;
  listSecrets(options?: CallOptions & { pageSize?: number }): Paged<KmsSecretSummary>;
  describeSecret(secretName: string, options?: CallOptions): Promise<KmsSecret>;
  getSecretValue(
    secretName: string,
    query?: { versionId?: string; versionStage?: string },
    options?: CallOptions,
  ): Promise<SecretValue>;
}

// ---------------------------------------------------------------------------------------------
// STS

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

// ---------------------------------------------------------------------------------------------
// The ECS instance metadata service (this machine)

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

// ---------------------------------------------------------------------------------------------
// The services and their factory

export interface CloudServices {
  readonly profile: Profile;
  /** The default region of these services (the profile's, else settings.defaultRegion, else cn-hangzhou). */
  readonly regionId: string;
  readonly ram: RamService;
  readonly ecs: EcsService;
  readonly sts: StsService;
  /** KMS in a region (default: regionId). */
  kms(regionId?: string): KmsService;
  /** Run `task` per region at bounded concurrency; outcomes streamed as they finish, failures isolated. */
  fanOut<T>(
    regions: readonly string[],
    task: (regionId: string, options: CallOptions) => Promise<T>,
    options?: FanOutOptions,
  ): AsyncIterable<RegionOutcome<T>>;
}

export interface CloudServicesFactory {
  /** Every profile from every source (aliyun CLI, env, credentials file, SecretStorage, ECS instance). */
  listProfiles(): Promise<ProfileList>;
  /** Store an AccessKey in SecretStorage; returns its profile. */
  addAccessKey(input: AccessKeyInput): Promise<Profile>;
  /** Delete a SecretStorage profile (only source `secretStorage`). */
  removeAccessKey(profileId: string): Promise<void>;
  /** Files whose change should refresh the profile list (aliyun CLI config, credentials file). */
  watchedFiles(): string[];
  /** Build services for a profile. Cheap and synchronous: the SDK loads on the first call. */
  createServices(profile: Profile, regionId?: string): CloudServices;
  /**
   * Services that sign ONLY with this machine's instance RAM role credential (through the shared
   * metadata cache), whatever the active profile is: for Test Encrypt / Diagnose on the instance.
   * Pass the instance's region (InstanceMetadata.getIdentity().regionId).
   */
  createInstanceServices(regionId?: string): CloudServices;
  /** The shared metadata client for this machine (also backs the `ecsInstance` profile). */
  readonly metadata: InstanceMetadata;
}
