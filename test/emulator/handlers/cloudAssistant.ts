// ECS Cloud Assistant (2014-05-26): RunCommand, DescribeInvocations, DescribeInvocationResults and
// DescribeCloudAssistantStatus, with the fields and error codes of the published metadata. RunCommand
// really runs the script for each instance (cloudAssistant/runner.ts) after answering, as the
// service does: results are polled.
import { randomUUID } from 'node:crypto';
import { ApiError, invalid } from '../errors';
import { regionIds } from '../regions';
import { isoSeconds, type Instance } from '../state';
import { cloudAssistantState, type Invocation, type InvocationRecord } from '../cloudAssistant/state';
import { runInvocation } from '../cloudAssistant/runner';
import { boolParam, can, intParam, notFound, numberPage, required, tokenPage, type Ctx, type Handler } from './context';

/** Documented limits: InstanceId.N of RunCommand 1..100, of DescribeCloudAssistantStatus ..50; pages of 50. */
const RUN_MAX_INSTANCES = 100;
const STATUS_MAX_INSTANCES = 50;
const PAGE_LIMIT = 50;
/** CommandContent may be at most 18 KB (as sent, Base64 included). */
const CONTENT_LIMIT = 18 * 1024;
const TYPES = new Set(['RunShellScript', 'RunBatScript', 'RunPowerShellScript']);

function region(ctx: Ctx): string {
  const id = required(ctx, 'RegionId');
  if (!regionIds.has(id)) throw notFound('InvalidRegionId.NotFound', 'The specified RegionId does not exist.');
  return id;
}
const instanceRes = (ctx: Ctx, regionId: string, id: string) => `acs:ecs:${regionId}:${ctx.account.accountId}:instance/${id}`;

/** A repeatList parameter (`InstanceId.1`, `InstanceId.2`, ...) in order. */
function repeatList(ctx: Ctx, name: string): string[] {
  const re = new RegExp(`^${name}\\.(\\d+)$`);
  return Object.entries(ctx.params).map(([k, v]) => [re.exec(k)?.[1], v] as const)
    .filter((e): e is readonly [string, string] => e[0] !== undefined).sort((a, b) => Number(a[0]) - Number(b[0])).map((e) => e[1]);
}

function regionInstances(ctx: Ctx, regionId: string, ids: string[]): Instance[] {
  return ids.map((id) => {
    const inst = ctx.account.instances.get(id);
    if (!inst || inst.region !== regionId) throw notFound('InvalidInstance.NotFound', `The specified instance does not exist: ${id}.`);
    return inst;
  });
}

function decodedContent(ctx: Ctx): string {
  const raw = required(ctx, 'CommandContent');
  if (raw.length > CONTENT_LIMIT) throw new ApiError(403, 'CmdContent.ExceedLimit', 'The length of the command content exceeds the upper limit.');
  const encoding = ctx.params.ContentEncoding || 'PlainText';
  if (encoding === 'PlainText') return Buffer.from(raw).toString('base64');
  if (encoding !== 'Base64' || raw.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(raw)) {
    throw invalid('CmdContent.DecodeError', 'The command content could not be Base64 decoded.');
  }
  return raw;
}

/** What happens to the command on one instance before anything runs. */
function initialRecord(ctx: Ctx, inst: Instance, type: string): InvocationRecord {
  const state = cloudAssistantState(ctx.account);
  const base: InvocationRecord = { instanceId: inst.id, status: 'Pending', output: '', dropped: 0, exitCode: 0, errorCode: '', errorInfo: '', startTime: '', finishTime: '' };
  const failed = (errorCode: string, errorInfo: string) => ({ ...base, status: 'Failed', exitCode: -1, errorCode, errorInfo, finishTime: isoSeconds(ctx.now()) });
  if (inst.status !== 'Running' || state.withoutAgent.has(inst.id)) return failed('ClientNotRunning', 'the Cloud Assistant client is not running');
  const windows = state.windows.has(inst.id);
  if (windows === (type === 'RunShellScript')) return failed('CommandNotApplicable', `the command type ${type} is not applicable to the instance`);
  return base;
}

const recordStatus = (r: InvocationRecord): string =>
  r.status === 'Pending' || r.status === 'Running' ? r.status : r.errorCode && r.errorCode !== 'ExitCodeNonzero' ? 'Failed' : 'Finished';

function overallStatus(inv: Invocation): string {
  const s = inv.records.map((r) => r.status);
  if (s.some((x) => x === 'Pending' || x === 'Running')) return s.every((x) => x === 'Pending') ? 'Pending' : 'Running';
  if (s.every((x) => x === 'Success')) return 'Success';
  return s.some((x) => x === 'Success') ? 'PartialFailed' : 'Failed';
}

const encodeOutput = (ctx: Ctx, output: string) => (ctx.params.ContentEncoding === 'PlainText' ? output : Buffer.from(output).toString('base64'));

/** Out-of-range paging is refused with the codes the metadata documents for these actions. */
function checkPaging(ctx: Ctx): void {
  const bad = (name: string, max: number) => {
    const raw = ctx.params[name];
    return raw !== undefined && raw !== '' && !(Number.isInteger(Number(raw)) && Number(raw) >= 1 && Number(raw) <= max);
  };
  if (bad('MaxResults', PAGE_LIMIT)) throw invalid('InvalidParameter.MaxResults', `The specified parameter MaxResults is not valid: 1 to ${PAGE_LIMIT}.`);
  if (bad('PageSize', PAGE_LIMIT)) throw invalid('InvalidParam.PageSize', `The specified parameter PageSize is not valid: 1 to ${PAGE_LIMIT}.`);
  if (bad('PageNumber', 1_000_000)) throw invalid('InvalidParam.PageNumber', 'The specified parameter PageNumber is not valid.');
}

function page<T>(ctx: Ctx, items: T[]): { page: T[]; PageNumber?: number; PageSize?: number; TotalCount: number; NextToken?: string } {
  checkPaging(ctx);
  if (ctx.params.NextToken !== undefined || ctx.params.MaxResults !== undefined) {
    const { page: p, TotalCount, NextToken, MaxResults } = tokenPage(ctx, items, 10, PAGE_LIMIT);
    return { page: p, TotalCount, NextToken, PageSize: MaxResults };
  }
  return numberPage(ctx, items, 10, PAGE_LIMIT);
}

/** The invocation's InvokeStatus as DescribeInvocations reports it (and filters on). */
const invokeStatus = (i: Invocation): string => (overallStatus(i) === 'Success' ? 'Finished' : overallStatus(i));

/** The filters both Describe actions share; DescribeInvocations adds CommandName, CommandType and InvokeStatus. */
function invocationsOf(ctx: Ctx, regionId: string): Invocation[] {
  const p = ctx.params;
  return [...cloudAssistantState(ctx.account).invocations.values()].filter((i) => i.regionId === regionId
    && (!p.InvokeId || i.invokeId === p.InvokeId) && (!p.CommandId || i.commandId === p.CommandId)
    && (!p.InstanceId || i.records.some((r) => r.instanceId === p.InstanceId)));
}

function listedInvocations(ctx: Ctx, regionId: string): Invocation[] {
  const p = ctx.params;
  return invocationsOf(ctx, regionId).filter((i) => (!p.CommandName || i.name === p.CommandName)
    && (!p.CommandType || i.type === p.CommandType) && (!p.InvokeStatus || invokeStatus(i) === p.InvokeStatus));
}

export const cloudAssistantHandlers: Record<string, Handler> = {
  RunCommand(ctx) {
    const regionId = region(ctx);
    const type = required(ctx, 'Type');
    if (!TYPES.has(type)) throw notFound('InvalidCmdType.NotFound', 'The specified command type does not exist.');
    const content = decodedContent(ctx);
    const ids = repeatList(ctx, 'InstanceId');
    if (ids.length === 0) throw invalid('MissingParam.InstanceId', 'The parameter InstanceId is required.');
    if (ids.length > RUN_MAX_INSTANCES) throw new ApiError(403, 'InstanceIds.ExceedLimit', `The number of instances exceeds the upper limit of ${RUN_MAX_INSTANCES}.`);
    const timeout = intParam(ctx, 'Timeout', 60, 10, 86_400);
    can(ctx, 'ecs:RunCommand', ...ids.map((id) => instanceRes(ctx, regionId, id)));
    const instances = regionInstances(ctx, regionId, [...new Set(ids)]);
    const state = cloudAssistantState(ctx.account);
    const token = ctx.params.ClientToken;
    const earlier = token ? state.invocations.get(state.byClientToken.get(token) ?? '') : undefined;
    if (earlier) return { CommandId: earlier.commandId, InvokeId: earlier.invokeId };
    const hex = () => randomUUID().replace(/-/g, '');
    const invocation: Invocation = {
      invokeId: `t-${regionId.split('-')[1]?.slice(0, 2) ?? 'xx'}${hex().slice(0, 26)}`, commandId: `c-${hex().slice(0, 28)}`, regionId,
      name: ctx.params.Name ?? '', description: ctx.params.Description ?? '', type, content, timeout, workingDir: ctx.params.WorkingDir ?? '',
      creationTime: isoSeconds(ctx.now()), records: instances.map((i) => initialRecord(ctx, i, type)),
    };
    state.invocations.set(invocation.invokeId, invocation);
    if (token) state.byClientToken.set(token, invocation.invokeId);
    const runtime = state.runtime;
    if (runtime) void runInvocation(ctx.account, invocation, runtime, state.vpcEndpointUnreachable);
    else for (const r of invocation.records) if (r.status === 'Pending') Object.assign(r, { status: 'Failed', errorCode: 'DeliveryTimeout', errorInfo: 'the emulator has no runner' });
    return { CommandId: invocation.commandId, InvokeId: invocation.invokeId };
  },
  DescribeInvocations(ctx) {
    const regionId = region(ctx);
    can(ctx, 'ecs:DescribeInvocations', instanceRes(ctx, regionId, '*'));
    const withOutput = boolParam(ctx, 'IncludeOutput');
    const { page: items, ...rest } = page(ctx, listedInvocations(ctx, regionId));
    return {
      ...rest, Invocations: { Invocation: items.map((i) => ({
        InvokeId: i.invokeId, CommandId: i.commandId, CommandName: i.name, CommandDescription: i.description, CommandType: i.type,
        CommandContent: i.content, Timeout: i.timeout, WorkingDir: i.workingDir, CreationTime: i.creationTime, Timed: false, RepeatMode: 'Once',
        Frequency: '', Parameters: '{}', Username: '', InvocationStatus: overallStatus(i), InvokeStatus: invokeStatus(i),
        InvokeInstances: { InvokeInstance: i.records.map((r) => ({
          InstanceId: r.instanceId, InvocationStatus: r.status, InstanceInvokeStatus: recordStatus(r), CreationTime: i.creationTime, UpdateTime: r.finishTime || r.startTime || i.creationTime,
          StartTime: r.startTime, FinishTime: r.finishTime, StopTime: '', Repeats: r.startTime ? 1 : 0, ExitCode: r.exitCode, Dropped: r.dropped,
          ErrorCode: r.errorCode, ErrorInfo: r.errorInfo, Timed: false, Output: withOutput ? encodeOutput(ctx, r.output) : '',
        })) },
      })) },
    };
  },
  DescribeInvocationResults(ctx) {
    const regionId = region(ctx);
    can(ctx, 'ecs:DescribeInvocationResults', instanceRes(ctx, regionId, '*'));
    const wanted = ctx.params.InvokeRecordStatus;
    const rows = invocationsOf(ctx, regionId).flatMap((i) => i.records.map((r) => ({ i, r })))
      .filter(({ r }) => (!ctx.params.InstanceId || r.instanceId === ctx.params.InstanceId) && (!wanted || recordStatus(r) === wanted));
    const { page: items, ...rest } = page(ctx, rows);
    return {
      Invocation: { ...rest, InvocationResults: { InvocationResult: items.map(({ i, r }) => ({
        InvokeId: i.invokeId, CommandId: i.commandId, InstanceId: r.instanceId, InvocationStatus: r.status, InvokeRecordStatus: recordStatus(r),
        Output: encodeOutput(ctx, r.output), Dropped: r.dropped, ExitCode: r.exitCode, ErrorCode: r.errorCode, ErrorInfo: r.errorInfo,
        StartTime: r.startTime, FinishedTime: r.finishTime, StopTime: '', Repeats: r.startTime ? 1 : 0, Username: 'root', TerminationMode: 'Process',
        Tags: { Tag: [] },
      })) } },
    };
  },
  DescribeCloudAssistantStatus(ctx) {
    const regionId = region(ctx);
    const ids = repeatList(ctx, 'InstanceId');
    if (ids.length > STATUS_MAX_INSTANCES) throw new ApiError(403, 'InstanceIds.ExceedLimit', `The number of instances exceeds the upper limit of ${STATUS_MAX_INSTANCES}.`);
    can(ctx, 'ecs:DescribeCloudAssistantStatus', instanceRes(ctx, regionId, '*'));
    const state = cloudAssistantState(ctx.account);
    const os = (id: string) => (state.windows.has(id) ? 'Windows' : 'Linux');
    const instances = ids.length > 0 ? regionInstances(ctx, regionId, ids)
      : [...ctx.account.instances.values()].filter((i) => i.region === regionId);
    const listed = instances.filter((i) => !ctx.params.OSType || os(i.id).toLowerCase() === ctx.params.OSType.toLowerCase());
    const { page: items, ...rest } = page(ctx, listed);
    const invocations = [...state.invocations.values()];
    return {
      ...rest, InstanceCloudAssistantStatusSet: { InstanceCloudAssistantStatus: items.map((i) => {
        const mine = invocations.filter((v) => v.records.some((r) => r.instanceId === i.id));
        const agent = !state.withoutAgent.has(i.id) && i.status === 'Running';
        return {
          InstanceId: i.id, CloudAssistantStatus: String(agent), OSType: os(i.id), CloudAssistantVersion: state.withoutAgent.has(i.id) ? '' : '2.2.3.857',
          LastHeartbeatTime: agent ? isoSeconds(ctx.now() - 30_000) : '', SupportSessionManager: agent,
          InvocationCount: mine.length, ActiveTaskCount: mine.filter((v) => v.records.some((r) => r.instanceId === i.id && (r.status === 'Running' || r.status === 'Pending'))).length,
          LastInvokedTime: mine.length ? mine[mine.length - 1].creationTime : '',
        };
      }) },
    };
  },
};
