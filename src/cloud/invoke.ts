// Every SDK call goes through here: retries (retry.ts), cancellation, normalised errors, and one
// log line per failure or retry (code and RequestId, never parameters: they may hold secrets).
import { CloudCancelledError } from './cloudError';
import { normalizeError } from './errors';
import type { RequestGate } from './requestGate';
import { withRetry, type RetryPolicy } from './retry';
import type { CancelSignal, CloudLog } from './types';

export interface InvokeContext {
  readonly log?: CloudLog;
  readonly retry?: RetryPolicy;
  /** Client-side flow control: every attempt (retries too) waits for its turn. */
  readonly gate?: RequestGate;
}

export interface InvokeOptions<T> {
  readonly signal?: CancelSignal;
  /** Default true. CreateRole, CreatePolicy, CreatePolicyVersion are not. */
  readonly idempotent?: boolean;
  /** Reads the state back after a lost answer (retry.ts): the result when the change is in place. Every mutating call has one. */
  readonly verify?: () => Promise<T | undefined>;
  /** Told when an answer was lost (the call reads back per item itself: the instance-role batches). */
  readonly onLostAnswer?: () => void;
  /** Codes that are an answer, not a failure (DryRunOperation): not logged as warnings. */
  readonly expectedCodes?: readonly string[];
}

export async function invoke<T>(context: InvokeContext, apiAction: string, call: () => Promise<T>, options: InvokeOptions<T> = {}): Promise<T> {
  const gate = context.gate;
  const gated = gate ? async () => (await gate.acquire(apiAction), call()) : call;
  try {
    return await withRetry(gated, {
      apiAction,
      idempotent: options.idempotent ?? true,
      signal: options.signal,
      policy: context.retry,
      verify: options.verify,
      onRetry: (error, attempt, delay) => context.log?.debug(`${apiAction}: ${error.code} (attempt ${attempt}), retrying in ${delay} ms`),
      onLostAnswer: options.onLostAnswer && (() => options.onLostAnswer?.()),
      onConfirmed: (lost) => context.log?.info(`${apiAction}: the answer was lost (${lost.code}); read back: done, the change is in place`),
    });
  } catch (error) {
    if (error instanceof CloudCancelledError) throw error;
    const cloud = normalizeError(error, apiAction);
    if (options.expectedCodes?.includes(cloud.code)) context.log?.info(`${apiAction}: ${cloud.toLogLine()}`);
    else context.log?.warn(`${apiAction} failed: ${cloud.toLogLine()}`);
    throw cloud;
  }
}
