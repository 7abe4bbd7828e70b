// Caches an expiring credential: reused until `refreshBeforeMs` (15 minutes) before it expires,
// ONE fetch in flight however many callers wait. The SDK's own provider re-fetches on every
// call when less than an hour is left; this one does not.
import { raceWithSignal } from '../cancel';
import type { CancelSignal } from '../types';

export interface Expiring {
  readonly expirationMs?: number;
}

export interface RefreshingCacheOptions {
  readonly refreshBeforeMs?: number;
  /** After a fetch that returned a credential already inside the refresh window (the service had not
   * rotated it yet), wait at least this long before asking again, so callers do not hammer it. */
  readonly minRefetchIntervalMs?: number;
  readonly now?: () => number;
}

export const REFRESH_BEFORE_EXPIRY_MS = 15 * 60 * 1000;

export class RefreshingCache<T extends Expiring> {
  private value: T | undefined;
  private nextRefreshAt = 0;
  private inflight: Promise<T> | undefined;
  private readonly refreshBeforeMs: number;
  private readonly minRefetchIntervalMs: number;
  private readonly now: () => number;
  /** How many fetches ran (for tests and the log). */
  fetchCount = 0;

  constructor(private readonly fetch: () => Promise<T>, options: RefreshingCacheOptions = {}) {
    this.refreshBeforeMs = options.refreshBeforeMs ?? REFRESH_BEFORE_EXPIRY_MS;
    this.minRefetchIntervalMs = options.minRefetchIntervalMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The cached value if it is still fresh, without fetching. */
  peek(): T | undefined {
    return this.value && this.now() < this.nextRefreshAt ? this.value : undefined;
  }

  get(options: { forceRefresh?: boolean; signal?: CancelSignal } = {}): Promise<T> {
    const fresh = options.forceRefresh ? undefined : this.peek();
    if (fresh) return Promise.resolve(fresh);
    if (!this.inflight) {
      this.inflight = this.refresh().finally(() => {
        this.inflight = undefined;
      });
    }
    // One caller's cancellation abandons its wait, not the shared fetch.
    return raceWithSignal(this.inflight, options.signal);
  }

  clear(): void {
    this.value = undefined;
    this.nextRefreshAt = 0;
  }

  private async refresh(): Promise<T> {
    this.fetchCount++;
    try {
      const value = await this.fetch();
      const now = this.now();
      this.value = value;
      if (value.expirationMs === undefined) {
        this.nextRefreshAt = Number.POSITIVE_INFINITY;
      } else {
        const byExpiry = value.expirationMs - this.refreshBeforeMs;
        const floor = Math.min(now + this.minRefetchIntervalMs, now + (value.expirationMs - now) / 2);
        this.nextRefreshAt = Math.max(byExpiry, floor);
      }
      return value;
    } catch (error) {
      // A failed refresh keeps serving a credential that has not expired yet.
      const now = this.now();
      if (this.value?.expirationMs !== undefined && now < this.value.expirationMs - 30_000) {
        this.nextRefreshAt = Math.min(now + this.minRefetchIntervalMs, this.value.expirationMs - 30_000);
        return this.value;
      }
      throw error;
    }
  }
}
