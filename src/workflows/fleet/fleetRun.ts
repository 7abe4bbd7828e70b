// Runs a planned fleet check: RunCommand per region (batched by the service), then polls with backoff,
// handing each instance's result over as soon as it is final. Each round asks for the state of every
// instance in one DescribeInvocations listing per region (the run's unique command name; 50 invocations
// = 5,000 instances a page), then reads DescribeInvocationResults only for invocations with a newly
// finished instance, at most RESULT_CALLS_PER_ROUND calls a round whatever the fleet's size.
// Stops at the deadline or on cancel and says which invocations may still be running. No vscode.
import { randomUUID } from 'node:crypto';
import { RESULTS_PAGE_SIZE } from '../../cloud/api/cloudAssistant';
import type { CancelSignal, CloudAssistantService, EcsInstance, InstanceScriptResult, ScriptInvocation } from '../../cloud/types';

/** The polling budget (issue 16): DescribeInvocationResults calls per round, for any number of instances. */
export const RESULT_CALLS_PER_ROUND = 3;

export interface PollPolicy {
  /** First wait after RunCommand, then each wait grows by `factor` up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_POLL: PollPolicy = { firstDelayMs: 1000, factor: 1.5, maxDelayMs: 5000 };

export interface FleetRunInput {
  readonly instancesByRegion: ReadonlyMap<string, readonly EcsInstance[]>;
  readonly script: string;
  readonly timeoutSeconds: number;
  /** The command's name; a suffix unique to this run is added so DescribeInvocations can list the run alone. */
  readonly name: string;
}

export interface FleetRunHooks {
  /** Each instance's final record, once. */
  onResult(instance: EcsInstance, result: InstanceScriptResult): void;
  /** After RunCommand: the invocations (for the cancel message and the log). */
  onStarted?(invocations: readonly ScriptInvocation[]): void;
  readonly signal?: CancelSignal;
  readonly policy?: PollPolicy;
  readonly sleep?: (ms: number, signal?: CancelSignal) => Promise<void>;
  readonly now?: () => number;
}

export interface FleetRunEnd {
  readonly invocations: readonly ScriptInvocation[];
  /** Instances with no final result: still running when polling stopped (cancel or deadline). */
  readonly unfinished: readonly { readonly invocation: ScriptInvocation; readonly instanceIds: readonly string[] }[];
  readonly cancelled: boolean;
  /** Polling rounds done. */
  readonly rounds: number;
  /** The name RunCommand was given (the DescribeInvocations filter). */
  readonly commandName: string;
}

/** DescribeInvocationResults calls that reading one invocation costs (pages of 50 records). */
export function resultPages(invocation: ScriptInvocation): number {
  return Math.max(1, Math.ceil(invocation.instanceIds.length / RESULTS_PAGE_SIZE));
}

/**
 * The round's reads: invocations with a finished, unread instance, in RunCommand order, while their
 * pages fit the budget; the others wait for the next round. An invocation has at most 100 instances
 * (2 pages), so one always fits a budget of 3 and every round makes progress.
 */
export function pickResultReads<T extends ScriptInvocation>(ready: readonly T[], budget = RESULT_CALLS_PER_ROUND): { read: T[]; deferred: T[] } {
  const read: T[] = [];
  const deferred: T[] = [];
  let used = 0;
  for (const invocation of ready) {
    const cost = resultPages(invocation);
    if (used + cost <= budget || read.length === 0) {
      read.push(invocation);
      used += cost;
    } else deferred.push(invocation);
  }
  return { read, deferred };
}

interface PendingInvocation {
  readonly invocation: ScriptInvocation;
  /** Instances without a final result handed over yet. */
  readonly open: Set<string>;
  /** Open instances DescribeInvocations reported finished: their results are worth reading. */
  readonly ready: Set<string>;
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function cancellableSleep(ms: number, signal?: CancelSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function runFleetCheck(service: CloudAssistantService, input: FleetRunInput, hooks: FleetRunHooks): Promise<FleetRunEnd> {
  const policy = hooks.policy ?? DEFAULT_POLL;
  const sleep = hooks.sleep ?? cancellableSleep;
  const now = hooks.now ?? Date.now;
  const signal = hooks.signal;
  const commandName = `${input.name}-${randomUUID().slice(0, 8)}`;
  const byId = new Map<string, EcsInstance>();
  const invocations: ScriptInvocation[] = [];
  for (const [regionId, instances] of input.instancesByRegion) {
    if (signal?.aborted) break;
    for (const i of instances) byId.set(i.instanceId, i);
    invocations.push(...await service.runScript({
      regionId, instanceIds: instances.map((i) => i.instanceId), script: input.script, timeoutSeconds: input.timeoutSeconds, name: commandName,
    }, { signal }));
  }
  hooks.onStarted?.(invocations);
  // Waiting for the script's own timeout plus one slow round is enough: after that Cloud Assistant
  // has ended the script, and a record still "Running" will not change.
  const deadline = now() + input.timeoutSeconds * 1000 + 2 * policy.maxDelayMs;
  const pending = new Map<string, PendingInvocation>(invocations.map((inv) => [inv.invokeId, { invocation: inv, open: new Set(inv.instanceIds), ready: new Set() }]));
  let delay = policy.firstDelayMs;
  let rounds = 0;
  // A failed call after cancel is the cancel itself, not an error to report.
  const unlessCancelled = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      if (signal?.aborted) return undefined;
      throw error;
    }
  };
  while (pending.size > 0 && !signal?.aborted && now() < deadline) {
    await sleep(Math.min(delay, Math.max(0, deadline - now())), signal);
    if (signal?.aborted) break;
    rounds++;
    for (const regionId of new Set([...pending.values()].map((e) => e.invocation.regionId))) {
      const states = await unlessCancelled(() => service.invocationStates(regionId, commandName, { signal }));
      for (const state of states ?? []) {
        const entry = pending.get(state.invokeId);
        if (state.finished && entry?.open.has(state.instanceId)) entry.ready.add(state.instanceId);
      }
    }
    const { read, deferred } = pickResultReads([...pending.values()].filter((e) => e.ready.size > 0).map((e) => e.invocation));
    for (const invocation of read) {
      if (signal?.aborted) break;
      const results = await unlessCancelled(() => service.invocationResults(invocation.regionId, invocation.invokeId, { signal }));
      const entry = pending.get(invocation.invokeId)!;
      for (const result of results ?? []) deliver(entry, result);
      if (entry.open.size === 0) pending.delete(invocation.invokeId);
    }
    // Results left unread for lack of budget are read after the shortest wait, not a backed-off one.
    delay = deferred.length > 0 ? policy.firstDelayMs : Math.min(delay * policy.factor, policy.maxDelayMs);
  }
  return {
    invocations, rounds, commandName, cancelled: signal?.aborted === true,
    unfinished: [...pending.values()].map((e) => ({ invocation: e.invocation, instanceIds: [...e.open] })),
  };

  function deliver(entry: PendingInvocation, result: InstanceScriptResult): void {
    if (!result.finished || !entry.open.has(result.instanceId)) return;
    entry.open.delete(result.instanceId);
    entry.ready.delete(result.instanceId);
    const instance = byId.get(result.instanceId);
    if (instance) hooks.onResult(instance, result);
  }
}
