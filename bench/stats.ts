// Pure helpers of the benchmarks: summaries of samples and the fan-out's critical path.

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/** The median (mean of the two middle values for an even count). Throws on no samples. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), n: samples.length };
}

/** Rounds for display and JSON: 0.1 ms is the resolution that matters here. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface PagingShape {
  /** DescribeInstances page size (the service asks for 100). */
  readonly pageSize: number;
  /** DescribeInstanceRamRole takes the ids of a page in chunks of this size, one call per chunk. */
  readonly roleChunk: number;
  readonly includeRamRoles: boolean;
}

/**
 * Calls that must happen one after another to list a region of `count` instances: each page is a
 * DescribeInstances (the next page needs its NextToken) followed by the page's role lookups, which the
 * service makes in sequence. An empty region still costs one DescribeInstances.
 */
export function sequentialCallsForRegion(count: number, shape: PagingShape): number {
  if (count <= 0) return 1;
  let calls = 0;
  for (let left = count; left > 0; left -= shape.pageSize) {
    const onPage = Math.min(shape.pageSize, left);
    calls += 1 + (shape.includeRamRoles ? Math.ceil(onPage / shape.roleChunk) : 0);
  }
  return calls;
}

/**
 * The lower bound of an all-regions listing with unlimited parallelism, in calls: DescribeRegions,
 * then the longest chain of dependent calls of any one region.
 */
export function criticalPathCalls(regionSizes: readonly number[], shape: PagingShape): number {
  return 1 + Math.max(0, ...regionSizes.map((n) => sequentialCallsForRegion(n, shape)));
}
