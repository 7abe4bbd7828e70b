// Retries with exponential backoff and full jitter for calls that are safe to repeat.
// Idempotent calls are retried on throttling, 5xx, connection resets and timeouts.
// Non-idempotent calls (CreateRole, CreatePolicy, RunInstances) are retried only on errors that prove
// the request was not processed (throttling, connection refused); after a timeout or reset the caller's
// `verify` checks whether it happened instead of sending it again.
import { CloudCancelledError, CloudError } from './cloudError';
import { raceWithSignal, sleep, throwIfCancelled } from './cancel';
import { isThrottlingCode, normalizeError } from './errors';
import type { CancelSignal } from './types';

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Injectable for tests: [0,1). */
  readonly random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5000 };

export interface RetryOptions<T> {
  readonly apiAction: string;
  readonly idempotent: boolean;
  readonly signal?: CancelSignal;
  readonly policy?: RetryPolicy;
  /** For non-idempotent calls: after an ambiguous failure, find out whether the call took effect. */
  readonly verify?: () => Promise<T | undefined>;
  /** Called before each retry (for the log). */
  readonly onRetry?: (error: CloudError, attempt: number, delayMs: number) => void;
}

/** Errors after which the request certainly did not run (safe to resend even when not idempotent). */
function notProcessed(error: CloudError): boolean {
  return isThrottlingCode(error.code) || error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN';
}

/** Errors after which we cannot know whether the request ran. */
function ambiguous(error: CloudError): boolean {
  return error.code === 'RequestTimeout' || error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.code === 'ECONNABORTED' ||
    (error.httpStatus !== undefined && error.httpStatus >= 500);
}

export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round((policy.random ?? Math.random)() * ceiling);
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions<T>): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY;
  for (let attempt = 1; ; attempt++) {
    throwIfCancelled(options.signal);
    let error: CloudError;
    try {
      return await raceWithSignal(call(), options.signal);
    } catch (thrown) {
      if (thrown instanceof CloudCancelledError) throw thrown;
      error = normalizeError(thrown, options.apiAction);
    }
    if (!options.idempotent && ambiguous(error) && options.verify) {
      const done = await options.verify().catch(() => undefined);
      if (done !== undefined) return done;
    }
    const retryable = options.idempotent ? error.retryable === true : notProcessed(error) || (ambiguous(error) && options.verify !== undefined);
    if (!retryable || attempt >= policy.maxAttempts) {
      if (isThrottlingCode(error.code) && attempt > 1) {
        throw new CloudError({ ...error, code: error.code, message: `${error.message} (still throttled after ${attempt} attempts)` });
      }
      throw error;
    }
    const delay = backoffDelay(attempt, policy);
    options.onRetry?.(error, attempt, delay);
    await sleep(delay, options.signal);
  }
}
