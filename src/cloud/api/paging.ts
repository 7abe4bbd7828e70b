// Paging and fan-out.
import type { CloudError } from '../cloudError';
import type { CallOptions } from './host';

/** A list over all pages, fetched as the caller iterates; break early to stop fetching. */
export type Paged<T> = AsyncIterable<T>;

export type RegionOutcome<T> =
  | { readonly regionId: string; readonly ok: true; readonly value: T }
  | { readonly regionId: string; readonly ok: false; readonly error: CloudError };

export interface FanOutOptions extends CallOptions {
  /** At most this many regions at once (default: settings.fanOutConcurrency, else 32). */
  readonly concurrency?: number;
}
