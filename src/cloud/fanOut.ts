// Runs one task per region with bounded concurrency and yields each region's outcome as soon as
// it is known. A failing region becomes {ok:false, error}; the others still arrive.
import { CloudCancelledError } from './cloudError';
import { normalizeError } from './errors';
import type { CallOptions, CancelSignal, RegionOutcome } from './types';

// Every public region at once: each region is its own endpoint, so no endpoint sees more than one
// chain of calls, and the listing is as long as the slowest region (bench: fanout_wall_ms).
export const DEFAULT_FAN_OUT_CONCURRENCY = 32;

export async function* fanOut<T>(
  regions: readonly string[],
  task: (regionId: string, options: CallOptions) => Promise<T>,
  options: { concurrency?: number; signal?: CancelSignal } = {},
): AsyncGenerator<RegionOutcome<T>> {
  const limit = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_FAN_OUT_CONCURRENCY));
  const queue = [...new Set(regions)];
  const done: RegionOutcome<T>[] = [];
  let running = 0;
  let wake: (() => void) | undefined;
  let cancelled = false;

  const start = () => {
    while (running < limit && queue.length > 0 && !options.signal?.aborted) {
      const regionId = queue.shift()!;
      running++;
      task(regionId, { signal: options.signal }).then(
        (value) => done.push({ regionId, ok: true, value }),
        (error: unknown) => {
          if (error instanceof CloudCancelledError) cancelled = true;
          else done.push({ regionId, ok: false, error: normalizeError(error) });
        },
      ).finally(() => {
        running--;
        wake?.();
      });
    }
  };

  start();
  while (running > 0 || done.length > 0) {
    if (done.length === 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      start();
      continue;
    }
    yield done.shift()!;
    start();
  }
  if (cancelled || options.signal?.aborted) throw new CloudCancelledError();
}
