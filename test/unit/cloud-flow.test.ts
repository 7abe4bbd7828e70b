// Retry/backoff, fan-out and paging logic with fakes of our own (no SDK, no network).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, withRetry } from '../../src/cloud/retry';
import { fanOut } from '../../src/cloud/fanOut';
import { collect, markerPages, numberedPages, tokenPages } from '../../src/cloud/paging';
import { CloudCancelledError, CloudError } from '../../src/cloud/cloudError';

const fast = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 4, random: () => 0.5 };
const throttled = () => Object.assign(new Error('x'), { code: 'Throttling.User', data: { Code: 'Throttling.User', Message: 'flow control' } });
const serverError = () => Object.assign(new Error('x'), { code: 'InternalError', statusCode: 500, data: { Code: 'InternalError', Message: 'oops' } });
const timeout = () => Object.assign(new Error('ReadTimeout(1)'), { name: 'RequestTimeoutError' });

test('exponential backoff with jitter, capped', () => {
  const policy = { maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 };
  assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy)), [100, 200, 400, 799, 999]);
  assert.equal(backoffDelay(3, { ...policy, random: () => 0 }), 0);
});

test('idempotent calls retry throttling and 5xx, not client errors', async () => {
  let n = 0;
  assert.equal(await withRetry(async () => (++n < 3 ? Promise.reject(throttled()) : 'ok'), { apiAction: 'A', idempotent: true, policy: fast }), 'ok');
  assert.equal(n, 3);
  n = 0;
  await assert.rejects(withRetry(async () => { n++; throw serverError(); }, { apiAction: 'A', idempotent: true, policy: fast }), (e: CloudError) => e.code === 'InternalError');
  assert.equal(n, 4);
  n = 0;
  const notFound = Object.assign(new Error('x'), { code: 'EntityNotExist.Role', statusCode: 404, data: { Code: 'EntityNotExist.Role', Message: 'gone' } });
  await assert.rejects(withRetry(async () => { n++; throw notFound; }, { apiAction: 'A', idempotent: true, policy: fast }));
  assert.equal(n, 1);
});

test('non-idempotent calls: throttling is resent; a timeout is checked, not repeated blindly', async () => {
  let sends = 0;
  let checks = 0;
  const result = await withRetry(async () => { sends++; throw timeout(); }, {
    apiAction: 'CreateRole', idempotent: false, policy: fast,
    verify: async () => { checks++; return 'found-it'; },
  });
  assert.equal(result, 'found-it');
  assert.deepEqual([sends, checks], [1, 1]);
  sends = 0;
  await assert.rejects(withRetry(async () => { sends++; throw timeout(); }, { apiAction: 'CreateRole', idempotent: false, policy: fast }), (e: CloudError) => e.code === 'RequestTimeout');
  assert.equal(sends, 1, 'without a check, an ambiguous failure is not resent');
  sends = 0;
  assert.equal(await withRetry(async () => (++sends < 2 ? Promise.reject(throttled()) : 'made'), { apiAction: 'CreateRole', idempotent: false, policy: fast }), 'made');
});

test('retry waits are cancellable', async () => {
  const controller = new AbortController();
  const work = withRetry(async () => { throw throttled(); }, { apiAction: 'A', idempotent: true, policy: { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000, random: () => 1 }, signal: controller.signal });
  setTimeout(() => controller.abort(), 10);
  await assert.rejects(work, CloudCancelledError);
});

test('fan-out: bounded concurrency, outcomes as they finish, failures isolated, duplicates once', async () => {
  let running = 0;
  let peak = 0;
  const order: string[] = [];
  const delays: Record<string, number> = { a: 30, b: 5, c: 15, d: 1, e: 1 };
  for await (const outcome of fanOut(['a', 'b', 'c', 'd', 'e', 'b'], async (region) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, delays[region]));
    running--;
    if (region === 'c') throw new Error('region c is down');
    return region.toUpperCase();
  }, { concurrency: 2 })) {
    order.push(outcome.ok ? `${outcome.regionId}=${outcome.value}` : `${outcome.regionId}!${outcome.error.message}`);
  }
  assert.equal(peak, 2);
  assert.equal(order.length, 5);
  assert.ok(order.includes('c!region c is down'));
  assert.notEqual(order[0], 'a=A', 'the slow first region does not hold back the others');
});

test('paging helpers stop on the last page and when the caller breaks', async () => {
  const data = Array.from({ length: 7 }, (_, i) => i);
  let fetches = 0;
  const marker = markerPages(async (m) => {
    fetches++;
    const start = m ? Number(m) : 0;
    return { items: data.slice(start, start + 3), marker: String(start + 3), truncated: start + 3 < data.length };
  });
  assert.deepEqual(await collect(marker), data);
  assert.equal(fetches, 3);
  fetches = 0;
  const tokens = tokenPages(async (t) => {
    fetches++;
    const start = t ? Number(t) : 0;
    return { items: data.slice(start, start + 2), nextToken: start + 2 < data.length ? String(start + 2) : undefined };
  });
  assert.deepEqual(await collect(tokens, 3), [0, 1, 2]);
  assert.equal(fetches, 2);
  fetches = 0;
  const numbered = numberedPages(async (page) => {
    fetches++;
    return { items: data.slice((page - 1) * 3, page * 3), totalCount: data.length, pageSize: 3 };
  });
  assert.deepEqual(await collect(numbered), data);
  assert.equal(fetches, 3);
  const same = tokenPages(async () => ({ items: [1], nextToken: 'loop' }));
  assert.deepEqual(await collect(same), [1, 1], 'a repeated token ends the listing instead of looping');
});
