// CloudAssistantService over @alicloud/ecs20140526 (Cloud Assistant is part of the ECS API). One SDK
// client per region, created on first use.
import { randomUUID } from 'node:crypto';
import { ecsClientsByRegion, type EcsClient } from './clients';
import type { CredentialSupplier } from './credentials/credentialSupplier';
import { invoke, type InvokeContext } from './invoke';
import { collect, tokenPages } from './paging';
import { loadSdk } from './sdkLoader';
import { RESULTS_PAGE_SIZE, RUN_COMMAND_MAX_INSTANCES } from './api/cloudAssistant';
import type {
  CallOptions, CloudAssistantService, CloudAssistantStatus, CloudSettings, InstanceInvokeState, InstanceScriptResult, RunScriptInput, ScriptInvocation,
} from './types';

/** Documented maxima: DescribeCloudAssistantStatus InstanceId.N up to 50; pages (MaxResults) of the Describe actions up to 50. */
const STATUS_MAX_INSTANCES = 50;
const PAGE_SIZE = 50;
const UNFINISHED = new Set(['Pending', 'Scheduled', 'Running', 'Stopping']);

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class CloudAssistantServiceImpl implements CloudAssistantService {
  private readonly client: (regionId: string) => EcsClient;

  constructor(settings: CloudSettings, supplier: CredentialSupplier, private readonly context: InvokeContext) {
    this.client = ecsClientsByRegion(settings, supplier);
  }

  async runScript(input: RunScriptInput, options: CallOptions = {}): Promise<ScriptInvocation[]> {
    const { ecs } = loadSdk();
    const commandContent = Buffer.from(input.script, 'utf8').toString('base64');
    const out: ScriptInvocation[] = [];
    for (const instanceIds of batches(input.instanceIds, RUN_COMMAND_MAX_INSTANCES)) {
      // The same ClientToken on a retry makes the service answer with the first call's invocation
      // instead of running the script twice: so the retry is safe.
      const request = new ecs.RunCommandRequest({
        regionId: input.regionId, type: 'RunShellScript', contentEncoding: 'Base64', commandContent, instanceId: instanceIds,
        name: input.name, description: input.description, timeout: input.timeoutSeconds ?? 60, clientToken: randomUUID(),
      });
      const body = (await invoke(this.context, 'RunCommand', () => this.client(input.regionId).runCommand(request), options)).body;
      out.push({ regionId: input.regionId, invokeId: body?.invokeId ?? '', commandId: body?.commandId ?? '', instanceIds, requestId: body?.requestId });
    }
    return out;
  }

  invocationStates(regionId: string, commandName: string, options: CallOptions = {}): Promise<InstanceInvokeState[]> {
    const { ecs } = loadSdk();
    return collect(tokenPages(async (nextToken) => {
      const body = (await invoke(this.context, 'DescribeInvocations', () => this.client(regionId).describeInvocations(
        new ecs.DescribeInvocationsRequest({ regionId, commandName, includeOutput: false, maxResults: PAGE_SIZE, nextToken })), options)).body;
      const items = (body?.invocations?.invocation ?? []).flatMap((inv) => (inv.invokeInstances?.invokeInstance ?? []).map((r): InstanceInvokeState => ({
        invokeId: inv.invokeId ?? '', instanceId: r.instanceId ?? '',
        finished: !UNFINISHED.has(r.invocationStatus ?? 'Pending') && !UNFINISHED.has(r.instanceInvokeStatus ?? ''),
      })));
      return { items, nextToken: body?.nextToken };
    }, options.signal));
  }

  invocationResults(regionId: string, invokeId: string, options: CallOptions = {}): Promise<InstanceScriptResult[]> {
    const { ecs } = loadSdk();
    return collect(tokenPages(async (nextToken) => {
      const body = (await invoke(this.context, 'DescribeInvocationResults', () => this.client(regionId).describeInvocationResults(
        new ecs.DescribeInvocationResultsRequest({ regionId, invokeId, contentEncoding: 'Base64', maxResults: RESULTS_PAGE_SIZE, nextToken })), options)).body;
      const rows = body?.invocation?.invocationResults?.invocationResult ?? [];
      const items = rows.map((r): InstanceScriptResult => ({
        invokeId: r.invokeId ?? invokeId, instanceId: r.instanceId ?? '', invocationStatus: r.invocationStatus ?? '',
        finished: !UNFINISHED.has(r.invocationStatus ?? '') && !UNFINISHED.has(r.invokeRecordStatus ?? ''),
        output: Buffer.from(r.output ?? '', 'base64').toString('utf8'), exitCode: r.exitCode,
        errorCode: r.errorCode || undefined, errorInfo: r.errorInfo || undefined, startTime: r.startTime || undefined, finishedTime: r.finishedTime || undefined,
      }));
      return { items, nextToken: body?.invocation?.nextToken };
    }, options.signal));
  }

  async cloudAssistantStatus(regionId: string, instanceIds: readonly string[], options: CallOptions = {}): Promise<CloudAssistantStatus[]> {
    const { ecs } = loadSdk();
    const out: CloudAssistantStatus[] = [];
    for (const ids of batches(instanceIds, STATUS_MAX_INSTANCES)) {
      const body = (await invoke(this.context, 'DescribeCloudAssistantStatus', () => this.client(regionId).describeCloudAssistantStatus(
        new ecs.DescribeCloudAssistantStatusRequest({ regionId, instanceId: ids, pageSize: PAGE_SIZE })), options)).body;
      for (const s of body?.instanceCloudAssistantStatusSet?.instanceCloudAssistantStatus ?? []) {
        out.push({ instanceId: s.instanceId ?? '', running: s.cloudAssistantStatus === 'true', osType: s.OSType ?? '', version: s.cloudAssistantVersion || undefined });
      }
    }
    return out;
  }
}
