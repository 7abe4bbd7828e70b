// Runs a planned fleet check: RunCommand per region (batched by the service), then polls
// DescribeInvocationResults with backoff, handing each instance's result over as soon as it is final.
// Stops at the deadline or on cancel and says which invocations may still be running. No vscode.
import type { CancelSignal, CloudAssistantService, EcsInstance, InstanceScriptResult, ScriptInvocation } from '../../cloud/types';

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
  /** Polling rounds done (for the budget: DescribeInvocationResults calls ≈ rounds × pages). */
  readonly rounds: number;
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
  const byId = new Map<string, EcsInstance>();
  const invocations: ScriptInvocation[] = [];
  for (const [regionId, instances] of input.instancesByRegion) {
    if (hooks.signal?.aborted) break;
    for (const i of instances) byId.set(i.instanceId, i);
    invocations.push(...await service.runScript({
      regionId, instanceIds: instances.map((i) => i.instanceId), script: input.script, timeoutSeconds: input.timeoutSeconds, name: input.name,
    }, { signal: hooks.signal }));
  }
  hooks.onStarted?.(invocations);
  // Waiting for the script's own timeout plus one slow round is enough: after that Cloud Assistant
  // has ended the script, and a record still "Running" will not change.
  const deadline = now() + input.timeoutSeconds * 1000 + 2 * policy.maxDelayMs;
  const pending = new Map(invocations.map((inv) => [inv.invokeId, { invocation: inv, open: new Set(inv.instanceIds) }]));
  let delay = policy.firstDelayMs;
  let rounds = 0;
  while (pending.size > 0 && !hooks.signal?.aborted && now() < deadline) {
    await sleep(Math.min(delay, Math.max(0, deadline - now())), hooks.signal);
    if (hooks.signal?.aborted) break;
    rounds++;
    for (const [invokeId, entry] of pending) {
      let results: InstanceScriptResult[];
      try {
        results = await service.invocationResults(entry.invocation.regionId, invokeId, { signal: hooks.signal });
      } catch (error) {
        if (hooks.signal?.aborted) break;
        throw error;
      }
      for (const result of results) {
        if (!result.finished || !entry.open.has(result.instanceId)) continue;
        entry.open.delete(result.instanceId);
        const instance = byId.get(result.instanceId);
        if (instance) hooks.onResult(instance, result);
      }
      if (entry.open.size === 0) pending.delete(invokeId);
    }
    delay = Math.min(delay * policy.factor, policy.maxDelayMs);
  }
  return {
    invocations, rounds, cancelled: hooks.signal?.aborted === true,
    unfinished: [...pending.values()].map((e) => ({ invocation: e.invocation, instanceIds: [...e.open] })),
  };
}
