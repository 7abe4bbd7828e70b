// Every SDK call goes through here: retries (retry.ts), cancellation, normalised errors, and one
// log line per failure or retry (code and RequestId, never parameters: they may hold secrets).
import { CloudCancelledError } from './cloudError';
import { normalizeError } from './errors';
import { withRetry, type RetryPolicy } from './retry';
import type { CancelSignal, CloudLog } from './types';

export interface InvokeContext {
  readonly log?: CloudLog;
  readonly retry?: RetryPolicy;
}

export interface InvokeOptions<T> {
  readonly signal?: CancelSignal;
  /** Default true. CreateRole, CreatePolicy, RunInstances are not. */
  readonly idempotent?: boolean;
  readonly verify?: () => Promise<T | undefined>;
  /** Codes that are an answer, not a failure (DryRunOperation): not logged as warnings. */
  readonly expectedCodes?: readonly string[];
}

export async function invoke<T>(context: InvokeContext, apiAction: string, call: () => Promise<T>, options: InvokeOptions<T> = {}): Promise<T> {
  try {
    return await withRetry(call, {
      apiAction,
      idempotent: options.idempotent ?? true,
      signal: options.signal,
      policy: context.retry,
      verify: options.verify,
      onRetry: (error, attempt, delay) => context.log?.debug(`${apiAction}: ${error.code} (attempt ${attempt}), retrying in ${delay} ms`),
    });
  } catch (error) {
    if (error instanceof CloudCancelledError) throw error;
    const cloud = normalizeError(error, apiAction);
    if (options.expectedCodes?.includes(cloud.code)) context.log?.info(`${apiAction}: ${cloud.toLogLine()}`);
    else context.log?.warn(`${apiAction} failed: ${cloud.toLogLine()}`);
    throw cloud;
  }
}
