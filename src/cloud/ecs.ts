// EcsService over @alicloud/ecs20140526 (openapi-core, ACS3). ECS endpoints are regional, so one
// SDK client per region, created on first use.
import { randomUUID } from 'node:crypto';
import { ecsClientsByRegion, type EcsClient } from './clients';
import type { CredentialSupplier } from './credentials/credentialSupplier';
import { DESCRIBE_INSTANCES_IDS, instanceRoleBatches, ROLE_PAGE } from './ecsBatches';
import { formatHint, hintFor } from './hintCatalog';
import { fanOut } from './fanOut';
import { invoke, type InvokeContext } from './invoke';
import { collect, numberedPages, tokenPages } from './paging';
import { loadSdk } from './sdkLoader';
import { chunk } from '../util/chunk';
import { CloudError, isCloudError } from './cloudError';
import { toInstance } from './ecsMapping';
import { listImages } from './ecsImages';
import { readBackInstanceRoles, type RoleWanted } from './instanceRoleReadBack';
import type {
  AttachRoleInput, CallOptions, CloudSettings, DetachRoleInput, EcsImage, EcsInstance, EcsRegion, EcsSecurityGroup, EcsService,
  EcsVpc, EcsVSwitch, FanOutOptions, ImageQuery, InstanceFilter, InstanceRamRole, InstanceRoleResult, ListInstancesOptions, Paged,
  RegionOutcome, RunInstancesInput, RunInstancesResult,
} from './types';


export class EcsServiceImpl implements EcsService {
  private readonly client: (regionId: string) => EcsClient;

  constructor(
    private readonly defaultRegion: string,
    private readonly settings: CloudSettings,
    private readonly supplier: CredentialSupplier,
    private readonly context: InvokeContext,
  ) {
    this.client = ecsClientsByRegion(settings, supplier);
  }

  private get models() {
    return loadSdk().ecs;
  }

  async describeRegions(options: CallOptions = {}): Promise<EcsRegion[]> {
    const body = (await invoke(this.context, 'DescribeRegions', () =>
      this.client(this.defaultRegion).describeRegions(new this.models.DescribeRegionsRequest({ acceptLanguage: 'en-US' })), options)).body;
    return (body?.regions?.region ?? []).map((r) => ({ regionId: r.regionId ?? '', localName: r.localName, regionEndpoint: r.regionEndpoint }));
  }

  async *listInstances(regionId: string, options: ListInstancesOptions = {}): Paged<EcsInstance> {
    const ids = options.filter?.instanceIds;
    // More ids than one DescribeInstances call takes: one query per slice, in order.
    const groups = ids && ids.length > DESCRIBE_INSTANCES_IDS ? chunk(ids, DESCRIBE_INSTANCES_IDS) : [ids];
    for (const instanceIds of groups) yield* this.listInstancesOnce(regionId, { ...options, filter: { ...options.filter, instanceIds } });
  }

  private listInstancesOnce(regionId: string, options: ListInstancesOptions): Paged<EcsInstance> {
    const filter = options.filter ?? {};
    const withRoles = options.includeRamRoles !== false;
    return tokenPages(async (nextToken) => {
        const body = (await invoke(this.context, 'DescribeInstances', () => this.client(regionId).describeInstances(new this.models.DescribeInstancesRequest({
          regionId,
          maxResults: Math.min(100, Math.max(1, options.pageSize ?? 100)),
          nextToken,
          instanceIds: filter.instanceIds && filter.instanceIds.length > 0 ? JSON.stringify(filter.instanceIds) : undefined,
          vpcId: filter.vpcId,
          status: filter.status,
          instanceName: filter.instanceName,
        })), options)).body;
        const items = (body?.instances?.instance ?? []).map((i) => toInstance(i, regionId));
        if (!withRoles || items.length === 0) return { items, nextToken: body?.nextToken };
        const roles = await this.describeInstanceRamRoles(regionId, { instanceIds: items.map((i) => i.instanceId) }, options);
        const byId = new Map(roles.map((r) => [r.instanceId, r.ramRoleName]));
        return { items: items.map((i) => ({ ...i, ramRoleName: byId.get(i.instanceId) || undefined })), nextToken: body?.nextToken };
    }, options.signal);
  }

  async *listInstancesAllRegions(
    options: FanOutOptions & { regions?: readonly string[]; filter?: InstanceFilter; includeRamRoles?: boolean } = {},
  ): AsyncIterable<RegionOutcome<EcsInstance[]>> {
    const regions = options.regions ?? (await this.describeRegions(options)).map((r) => r.regionId);
    yield* fanOut(regions, (regionId, callOptions) =>
      collect(this.listInstances(regionId, { ...callOptions, filter: options.filter, includeRamRoles: options.includeRamRoles })), {
      concurrency: options.concurrency ?? this.settings.fanOutConcurrency,
      signal: options.signal,
    });
  }

  async attachInstanceRamRole(input: AttachRoleInput, options: CallOptions = {}): Promise<InstanceRoleResult[]> {
    return inBatches(input.instanceIds, input.ramRoleName, options, (batch) => this.withReadBack(input.regionId, batch, input.ramRoleName, { kind: 'attached', roleName: input.ramRoleName }, options,
      async (onLostAnswer) => {
        // Attaching twice is harmless (the second says the role is already there), so retries are safe.
        const body = (await invoke(this.context, 'AttachInstanceRamRole', () => this.client(input.regionId).attachInstanceRamRole(new this.models.AttachInstanceRamRoleRequest({
          regionId: input.regionId, ramRoleName: input.ramRoleName, instanceIds: JSON.stringify(batch), policy: input.policy,
        })), { ...options, onLostAnswer })).body;
        return perInstance(batch, body?.attachInstanceRamRoleResults?.attachInstanceRamRoleResult ?? [], input.ramRoleName);
      }));
  }

  async detachInstanceRamRole(input: DetachRoleInput, options: CallOptions = {}): Promise<InstanceRoleResult[]> {
    return inBatches(input.instanceIds, input.ramRoleName, options, (batch) => this.withReadBack(input.regionId, batch, input.ramRoleName, { kind: 'detached' }, options,
      async (onLostAnswer) => {
        const body = (await invoke(this.context, 'DetachInstanceRamRole', () => this.client(input.regionId).detachInstanceRamRole(new this.models.DetachInstanceRamRoleRequest({
          regionId: input.regionId, ramRoleName: input.ramRoleName, instanceIds: JSON.stringify(batch),
        })), { ...options, onLostAnswer })).body;
        return perInstance(batch, body?.detachInstanceRamRoleResults?.detachInstanceRamRoleResult ?? [], input.ramRoleName ?? body?.ramRoleName);
      }));
  }

  /** One batch call; when one of its answers was lost, the failed ids are read back (instanceRoleReadBack.ts). */
  private async withReadBack(
    regionId: string, batch: string[], ramRoleName: string | undefined, wanted: RoleWanted, options: CallOptions,
    call: (onLostAnswer: () => void) => Promise<InstanceRoleResult[]>,
  ): Promise<InstanceRoleResult[]> {
    let lost = false;
    let results: InstanceRoleResult[];
    try {
      results = await call(() => { lost = true; });
    } catch (error) {
      if (!lost) throw error;
      results = batchFailure(batch, ramRoleName, error);
    }
    return lost ? readBackInstanceRoles(results, wanted, (ids) => this.describeInstanceRamRoles(regionId, { instanceIds: ids }, { signal: options.signal })) : results;
  }

  async describeInstanceRamRoles(
    regionId: string,
    query: { instanceIds?: readonly string[]; ramRoleName?: string },
    options: CallOptions = {},
  ): Promise<InstanceRamRole[]> {
    const groups = query.instanceIds ? chunk(query.instanceIds, ROLE_PAGE) : [undefined];
    const out: InstanceRamRole[] = [];
    for (const ids of groups) {
      const pages = numberedPages(async (pageNumber) => {
        const body = (await invoke(this.context, 'DescribeInstanceRamRole', () => this.client(regionId).describeInstanceRamRole(new this.models.DescribeInstanceRamRoleRequest({
          regionId, instanceIds: ids ? JSON.stringify(ids) : undefined, ramRoleName: query.ramRoleName, pageNumber, pageSize: ROLE_PAGE,
        })), options)).body;
        const items = (body?.instanceRamRoleSets?.instanceRamRoleSet ?? []).map((s) => ({ instanceId: s.instanceId ?? '', ramRoleName: s.ramRoleName ?? '' }));
        return { items, totalCount: body?.totalCount, pageSize: ROLE_PAGE };
      }, options.signal);
      for await (const item of pages) if (item.ramRoleName) out.push(item);
    }
    return out;
  }

  async listVpcs(regionId: string, options: CallOptions = {}): Promise<EcsVpc[]> {
    return collect(numberedPages(async (pageNumber) => {
      const body = (await invoke(this.context, 'DescribeVpcs', () =>
        this.client(regionId).describeVpcs(new this.models.DescribeVpcsRequest({ regionId, pageNumber, pageSize: 50 })), options)).body;
      const items = (body?.vpcs?.vpc ?? []).map((v) => ({ vpcId: v.vpcId ?? '', vpcName: v.vpcName || undefined, cidrBlock: v.cidrBlock, isDefault: v.isDefault, status: v.status }));
      return { items, totalCount: body?.totalCount, pageSize: 50 };
    }, options.signal));
  }

  async listVSwitches(regionId: string, query: { vpcId?: string; zoneId?: string } = {}, options: CallOptions = {}): Promise<EcsVSwitch[]> {
    return collect(numberedPages(async (pageNumber) => {
      const body = (await invoke(this.context, 'DescribeVSwitches', () => this.client(regionId).describeVSwitches(new this.models.DescribeVSwitchesRequest({
        regionId, vpcId: query.vpcId, zoneId: query.zoneId, pageNumber, pageSize: 50,
      })), options)).body;
      const items = (body?.vSwitches?.vSwitch ?? []).map((v) => ({
        vSwitchId: v.vSwitchId ?? '', vSwitchName: v.vSwitchName || undefined, vpcId: v.vpcId ?? '', zoneId: v.zoneId ?? '',
        cidrBlock: v.cidrBlock, availableIpAddressCount: v.availableIpAddressCount, status: v.status,
      }));
      return { items, totalCount: body?.totalCount, pageSize: 50 };
    }, options.signal));
  }

  async listSecurityGroups(regionId: string, query: { vpcId?: string } = {}, options: CallOptions = {}): Promise<EcsSecurityGroup[]> {
    return collect(tokenPages(async (nextToken) => {
      const body = (await invoke(this.context, 'DescribeSecurityGroups', () => this.client(regionId).describeSecurityGroups(new this.models.DescribeSecurityGroupsRequest({
        regionId, vpcId: query.vpcId, maxResults: 100, nextToken,
      })), options)).body;
      const items = (body?.securityGroups?.securityGroup ?? []).map((g) => ({
        securityGroupId: g.securityGroupId ?? '', securityGroupName: g.securityGroupName || undefined, vpcId: g.vpcId || undefined, description: g.description || undefined,
      }));
      return { items, nextToken: body?.nextToken };
    }, options.signal));
  }

  listImages(regionId: string, query: ImageQuery = {}, options: CallOptions & { limit?: number } = {}): Promise<EcsImage[]> {
    return listImages(this.context, this.client(regionId), regionId, query, options);
  }

  async runInstances(input: RunInstancesInput, options: CallOptions = {}): Promise<RunInstancesResult> {
    const clientToken = input.clientToken ?? randomUUID();
    const request = new this.models.RunInstancesRequest({
      regionId: input.regionId, instanceType: input.instanceType, imageId: input.imageId, vSwitchId: input.vSwitchId,
      securityGroupId: input.securityGroupId, ramRoleName: input.ramRoleName, instanceName: input.instanceName, zoneId: input.zoneId,
      keyPairName: input.keyPairName, password: input.password, amount: input.amount ?? 1, dryRun: input.dryRun === true, clientToken,
      // Bandwidth above 0 gives the instance a public IP at creation; without it the service's default (0: none).
      internetMaxBandwidthOut: input.internetMaxBandwidthOut || undefined,
      internetChargeType: input.internetMaxBandwidthOut ? input.internetChargeType : undefined,
    });
    try {
      const body = (await invoke(this.context, 'RunInstances', () => this.client(input.regionId).runInstances(request), {
        ...options,
        // The ClientToken makes the call idempotent: the service answers a resend of the SAME token (after
        // a lost answer) with the first call's instances instead of creating more (the only read-back:
        // no lookup by ClientToken exists).
        idempotent: true,
        expectedCodes: input.dryRun ? ['DryRunOperation'] : undefined,
      })).body;
      return { dryRun: input.dryRun === true, instanceIds: body?.instanceIdSets?.instanceIdSet ?? [], requestId: body?.requestId, clientToken };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (input.dryRun && code === 'DryRunOperation') {
        return { dryRun: true, wouldSucceed: true, instanceIds: [], requestId: (error as { requestId?: string }).requestId, clientToken };
      }
      throw error;
    }
  }
}

/**
 * Runs one call per batch of at most INSTANCE_ROLE_BATCH ids and answers one result per id: a batch whose
 * call fails as a whole fails each of its ids with that call's error (the other batches keep their
 * results), and once the signal is aborted no further batch is sent (its ids fail as `Cancelled`), so a
 * retry can run exactly the failed ids.
 */
async function inBatches(
  instanceIds: readonly string[], ramRoleName: string | undefined, options: CallOptions,
  call: (batch: string[]) => Promise<InstanceRoleResult[]>,
): Promise<InstanceRoleResult[]> {
  const results: InstanceRoleResult[] = [];
  for (const batch of instanceRoleBatches(instanceIds)) {
    if (options.signal?.aborted) {
      results.push(...batch.map((instanceId) => ({ instanceId, ramRoleName, success: false, code: 'Cancelled', message: 'Cancelled before this batch was sent.' })));
      continue;
    }
    try {
      results.push(...(await call(batch)));
    } catch (error) {
      results.push(...batchFailure(batch, ramRoleName, error));
    }
  }
  return results;
}

/** Every id of a batch whose call failed as a whole, failed with that call's code, message, hint and RequestId. */
function batchFailure(batch: readonly string[], ramRoleName: string | undefined, error: unknown): InstanceRoleResult[] {
  const cloud = isCloudError(error) ? error : new CloudError({ code: 'Error', message: error instanceof Error ? error.message : String(error) });
  // The hint is the error's own (already a catalog sentence): passed on, not made here.
  const { code, message, hint, hintRef, requestId } = cloud;
  return batch.map((instanceId) => ({ instanceId, ramRoleName, success: false, code, message, hint, hintRef, requestId, error: cloud }));
}

/** One result per requested id, even when the service's list omits some. */
function perInstance(
  requested: readonly string[],
  listed: Array<{ instanceId?: string; success?: boolean; code?: string; message?: string }>,
  ramRoleName: string | undefined,
): InstanceRoleResult[] {
  const byId = new Map(listed.map((r) => [r.instanceId ?? '', r]));
  return requested.map((instanceId) => {
    const r = byId.get(instanceId);
    if (!r) return { instanceId, ramRoleName, success: false, code: 'NoResult', message: 'The service returned no result for this instance.' };
    const success = r.success === true || r.code === '200';
    const hint = success || !r.code ? undefined : hintFor(r.code, { message: r.message });
    return {
      instanceId, ramRoleName, success,
      code: success ? undefined : r.code, message: success ? undefined : r.message,
      hint: hint && formatHint(hint), hintRef: hint,
    };
  });
}
