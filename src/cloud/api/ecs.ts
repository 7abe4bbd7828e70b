// EcsService: regions, instances, instance RAM roles, networks, RunInstances.
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
  runInstances(input: RunInstancesInput, options?: CallOptions): Promise<RunInstancesResult>;
}
