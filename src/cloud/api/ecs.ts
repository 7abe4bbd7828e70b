// EcsService: regions, instances, instance RAM roles, networks, images, RunInstances.
import type { CloudError } from '../cloudError';
import type { CallOptions } from './host';
import type { HintRef } from '../hintCatalog';
import type { FanOutOptions, Paged, RegionOutcome } from './paging';

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
  /** The hint in English (logs); `hintRef` is the catalog entry the UI localizes. */
  readonly hint?: string;
  readonly hintRef?: HintRef;
  /** The RequestId of a call that failed as a whole (then every id of that call has its code). */
  readonly requestId?: string;
  /** The error of a call that failed as a whole (code, hint, RequestId, the refused action). */
  readonly error?: CloudError;
  /** The call's answer was lost and this result is the instance's role read back (DescribeInstanceRamRole). */
  readonly readBackAfterLostAnswer?: boolean;
}

export interface AttachRoleInput {
  readonly regionId: string;
  readonly ramRoleName: string;
  /** Any number: sent in batches of 100 (the API's limit, src/cloud/ecsBatches.ts). */
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
  /** Mbit/s; above 0 the instance gets a public IP at creation (0 or absent: reachable only inside its VPC). */
  readonly internetMaxBandwidthOut?: number;
  /** How the public bandwidth is billed (PayByTraffic / PayByBandwidth); only sent with a bandwidth. */
  readonly internetChargeType?: string;
  readonly dryRun?: boolean;
  /** Idempotency token; generated when absent so a timed-out call can be checked, not repeated. */
  readonly clientToken?: string;
}

/** One image of DescribeImages, as the image step shows it. */
export interface EcsImage {
  readonly imageId: string;
  readonly imageName?: string;
  /** `acs:alibaba_cloud_linux_3_2104_lts_x64` for public images; a user-defined family for custom ones. */
  readonly imageFamily?: string;
  /** English OS name (OSNameEn), else OSName. */
  readonly osName?: string;
  /** linux or windows. */
  readonly osType?: string;
  readonly platform?: string;
  /** x86_64, arm64 or i386. */
  readonly architecture?: string;
  /** GiB: the smallest system disk the image fits on. */
  readonly size?: number;
  /** system, self, others, marketplace. */
  readonly imageOwnerAlias?: string;
  readonly creationTime?: string;
  readonly status?: string;
}

/** DescribeImages filters (the service's own: no client-side filtering). */
export interface ImageQuery {
  readonly imageOwnerAlias?: 'system' | 'self' | 'others' | 'marketplace';
  readonly osType?: 'linux' | 'windows';
  readonly architecture?: 'x86_64' | 'arm64' | 'i386';
  /** Only images this instance type can run (the service knows which architecture the type has). */
  readonly instanceType?: string;
  /** Default Available. */
  readonly status?: string;
  readonly imageId?: string;
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
  /** Instances of a region; an id filter may hold any number of ids (queried 100 at a time). */
  listInstances(regionId: string, options?: ListInstancesOptions): Paged<EcsInstance>;
  /** Every region (or the given ones) at bounded concurrency; each region's outcome as soon as it is known. */
  listInstancesAllRegions(
    options?: FanOutOptions & { regions?: readonly string[]; filter?: InstanceFilter; includeRamRoles?: boolean },
  ): AsyncIterable<RegionOutcome<EcsInstance[]>>;
  /**
   * One result per id; never rejects for a failed call. Sent in batches of 100: a batch whose call fails
   * as a whole fails each of its ids with that call's code, hint and RequestId; once `signal` is aborted
   * no further batch is sent (its ids fail as `Cancelled`).
   */
  attachInstanceRamRole(input: AttachRoleInput, options?: CallOptions): Promise<InstanceRoleResult[]>;
  /** As attachInstanceRamRole. */
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
  /** DescribeImages over all pages (100 a page, the API's maximum), at most `limit` images. */
  listImages(regionId: string, query?: ImageQuery, options?: CallOptions & { limit?: number }): Promise<EcsImage[]>;
  runInstances(input: RunInstancesInput, options?: CallOptions): Promise<RunInstancesResult>;
}
