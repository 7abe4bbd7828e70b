// Lists over all pages as async iterables, fetched page by page as the caller iterates.
// Breaking out of the loop stops fetching. Three paging styles exist across the APIs.
import { throwIfCancelled } from './cancel';
import type { CancelSignal } from './types';

/** RAM style: Marker / IsTruncated. */
export async function* markerPages<T>(
  fetch: (marker: string | undefined) => Promise<{ items: T[]; marker?: string; truncated: boolean }>,
  signal?: CancelSignal,
): AsyncGenerator<T> {
  let marker: string | undefined;
  for (;;) {
    throwIfCancelled(signal);
    const page = await fetch(marker);
    yield* page.items;
    if (!page.truncated || !page.marker || page.marker === marker) return;
    marker = page.marker;
  }
}

/** ECS DescribeInstances style: NextToken. */
export async function* tokenPages<T>(
  fetch: (token: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
  signal?: CancelSignal,
): AsyncGenerator<T> {
  let token: string | undefined;
  for (;;) {
    throwIfCancelled(signal);
    const page = await fetch(token);
    yield* page.items;
    if (!page.nextToken || page.nextToken === token) return;
    token = page.nextToken;
  }
}

/** KMS / ECS VPC style: PageNumber / PageSize / TotalCount. */
export async function* numberedPages<T>(
  fetch: (pageNumber: number) => Promise<{ items: T[]; totalCount?: number; pageSize: number }>,
  signal?: CancelSignal,
): AsyncGenerator<T> {
  let seen = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    throwIfCancelled(signal);
    const page = await fetch(pageNumber);
    yield* page.items;
    seen += page.items.length;
    if (page.items.length === 0 || page.items.length < page.pageSize) return;
    if (page.totalCount !== undefined && seen >= page.totalCount) return;
  }
}

/** Collects an iterable into an array (at most `limit` items). */
export async function collect<T>(items: AsyncIterable<T>, limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
