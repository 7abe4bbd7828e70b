// Cancellation plumbing: the SDKs take no AbortSignal, so a cancelled call is abandoned
// (its answer ignored) and the caller gets CloudCancelledError at once.
import { CloudCancelledError } from './cloudError';
import type { CancelSignal } from './types';

export function throwIfCancelled(signal?: CancelSignal): void {
  if (signal?.aborted) throw new CloudCancelledError();
}

export function raceWithSignal<T>(work: Promise<T>, signal?: CancelSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new CloudCancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined);
      reject(new CloudCancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms`, or rejects with CloudCancelledError as soon as the signal aborts. */
export function sleep(ms: number, signal?: CancelSignal): Promise<void> {
  return raceWithSignal(
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }),
    signal,
  );
}
