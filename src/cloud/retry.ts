// Retries with exponential backoff and full jitter for calls that are safe to repeat.
// Idempotent calls are retried on throttling, 5xx, connection resets and timeouts.
// Non-idempotent calls (CreateRole, CreatePolicy, RunInstances) are retried only on errors that prove
// the request was not processed (throttling, connection refused); after a timeout or reset the caller's
// `verify` checks whether it happened instead of sending it again.
// A LOST ANSWER (a reset or timeout after the service may have acted) also changes how a mutating call
// ends: its resend can fail only because the first attempt worked (DeleteRole -> EntityNotExist.Role,
// AttachPolicyToRole -> EntityAlreadyExists.Role.Policy), so before failing, `verify` reads the state
// back and the call succeeds when the change is in place. A failure after a lost answer says so.
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
  /**
   * Reads the state back: the call's result when its change is in place, undefined when it is not (a
   * throw: could not tell). Non-idempotent calls use it after every ambiguous failure instead of
   * resending blindly; every call uses it before failing when an earlier answer was lost.
   */
  readonly verify?: () => Promise<T | undefined>;
  /** Called before each retry (for the log). */
  readonly onRetry?: (error: CloudError, attempt: number, delayMs: number) => void;
  /** Called once, at the first answer lost (a call that reads back per item, like the instance-role batches). */
  readonly onLostAnswer?: (lost: CloudError) => void;
  /** Called when an answer was lost and reading back showed the change in place (for the log). */
  readonly onConfirmed?: (lost: CloudError) => void;
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

type ReadBack<T> = { done: true; value: T } | { done: false; unknown: boolean };

async function readBack<T>(verify: () => Promise<T | undefined>): Promise<ReadBack<T>> {
  try {
    const value = await verify();
    return value === undefined ? { done: false, unknown: false } : { done: true, value };
  } catch {
    return { done: false, unknown: true };
  }
}

/** The last error of a call whose earlier answer was lost, saying what the read-back found. */
function afterLostAnswer(error: CloudError, lost: CloudError, found: ReadBack<unknown> | undefined): CloudError {
  const what = !found || (!found.done && found.unknown)
    ? 'whether the change was made could not be read back'
    : 'reading back shows the change was not made';
  return new CloudError({ ...error, code: error.code, hint: error.hintRef, message: `${error.message} (an earlier answer was lost (${lost.code}); ${what})` });
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions<T>): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY;
  let lost: CloudError | undefined;
  for (let attempt = 1; ; attempt++) {
    throwIfCancelled(options.signal);
    let error: CloudError;
    try {
      return await raceWithSignal(call(), options.signal);
    } catch (thrown) {
      if (thrown instanceof CloudCancelledError) throw thrown;
      error = normalizeError(thrown, options.apiAction);
    }
    if (ambiguous(error) && !lost) {
      lost = error;
      options.onLostAnswer?.(error);
    }
    let found: ReadBack<T> | undefined;
    if (!options.idempotent && ambiguous(error) && options.verify) {
      found = await readBack(options.verify);
      if (found.done) {
        options.onConfirmed?.(error);
        return found.value;
      }
    }
    const retryable = options.idempotent ? error.retryable === true : notProcessed(error) || (ambiguous(error) && options.verify !== undefined);
    if (!retryable || attempt >= policy.maxAttempts) {
      if (lost && options.verify) {
        found ??= await readBack(options.verify);
        if (found.done) {
          options.onConfirmed?.(lost);
          return found.value;
        }
        throw afterLostAnswer(error, lost, found);
      }
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
