// Injected faults, changeable while the emulator runs, and the random source that decides them
// (seeded for reproducible runs).
export interface Faults {
  /** Added to every API call before it is answered. */
  latencyMs: number;
  /** Share of API calls answered with Throttling.User (0..1). */
  throttleRate: number;
  /** Share of API calls answered with 503 ServiceUnavailable (0..1). */
  errorRate: number;
  /** Share of API calls whose connection is reset without an answer (0..1). */
  resetRate: number;
  /** Added to every metadata service answer ("slow" mode). */
  metadataDelayMs: number;
  /** Offset of the emulator's clock from real time, to test timestamp windows and token expiry. */
  clockSkewMs: number;
  /** Regions whose every API call (by its RegionId parameter) fails with 503 ServiceUnavailable. */
  failingRegions: string[];
}

export function defaultFaults(partial: Partial<Faults> = {}): Faults {
  return { latencyMs: 0, throttleRate: 0, errorRate: 0, resetRate: 0, metadataDelayMs: 0, clockSkewMs: 0, failingRegions: [], ...partial };
}

/** mulberry32: a tiny seeded PRNG; without a seed, Math.random. */
export function randomSource(seed?: number): () => number {
  if (seed === undefined) return Math.random;
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
