// The refreshing credential cache and the credential document validation, with an injected clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RefreshingCache } from '../../src/cloud/credentials/refreshingCache';
import { parseInstanceCredential } from '../../src/cloud/metadata/credentialJson';
import { CloudCancelledError, CloudError } from '../../src/cloud/cloudError';

const MIN = 60_000;

function fakeFetcher(clock: { now: number }, lifetimeMs: number) {
  const state = { calls: 0, fail: false, release: undefined as undefined | (() => void), gate: false };
  const fetch = async () => {
    state.calls++;
    if (state.gate) await new Promise<void>((resolve) => (state.release = resolve));
    if (state.fail) throw new Error('metadata down');
    return { id: state.calls, expirationMs: clock.now + lifetimeMs };
  };
  return { state, fetch };
}

test('reused until 15 minutes before expiry; one fetch for many concurrent callers', async () => {
  const clock = { now: 1_000_000 };
  const { state, fetch } = fakeFetcher(clock, 60 * MIN);
  const cache = new RefreshingCache(fetch, { now: () => clock.now });
  state.gate = true;
  const waiting = Promise.all(Array.from({ length: 100 }, () => cache.get()));
  await new Promise((r) => setImmediate(r));
  state.release!();
  const values = await waiting;
  assert.equal(state.calls, 1);
  assert.ok(values.every((v) => v.id === 1));
  state.gate = false;
  clock.now += 44 * MIN;
  assert.equal((await cache.get()).id, 1);
  clock.now += 2 * MIN; // 14 minutes left
  assert.equal((await cache.get()).id, 2);
  assert.equal(state.calls, 2);
  assert.equal((await cache.get({ forceRefresh: true })).id, 3);
});

test('a credential that is already inside the window is not re-fetched on every call', async () => {
  const clock = { now: 0 };
  const { state, fetch } = fakeFetcher(clock, 10 * MIN); // the service hands out short credentials
  const cache = new RefreshingCache(fetch, { now: () => clock.now, minRefetchIntervalMs: MIN });
  await cache.get();
  await cache.get();
  clock.now += 30_000;
  await cache.get();
  assert.equal(state.calls, 1);
  clock.now += 31_000;
  await cache.get();
  assert.equal(state.calls, 2);
});

test('a failed refresh keeps serving the unexpired credential; an expired one is not served', async () => {
  const clock = { now: 0 };
  const { state, fetch } = fakeFetcher(clock, 60 * MIN);
  const cache = new RefreshingCache(fetch, { now: () => clock.now });
  await cache.get();
  state.fail = true;
  clock.now += 50 * MIN;
  assert.equal((await cache.get()).id, 1);
  assert.equal((await cache.get()).id, 1);
  assert.equal(state.calls, 2, 'the failure is not retried on every call');
  clock.now += 11 * MIN;
  await assert.rejects(cache.get(), /metadata down/);
});

test('one caller cancelling does not cancel the shared fetch for the others', async () => {
  const clock = { now: 0 };
  const { state, fetch } = fakeFetcher(clock, 60 * MIN);
  state.gate = true;
  const cache = new RefreshingCache(fetch, { now: () => clock.now });
  const controller = new AbortController();
  const cancelled = cache.get({ signal: controller.signal });
  const other = cache.get();
  controller.abort();
  await assert.rejects(cancelled, CloudCancelledError);
  await new Promise((r) => setImmediate(r));
  state.release!();
  assert.equal((await other).id, 1);
});

test('credential JSON validation says precisely what is wrong', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const good = { AccessKeyId: 'STS.a', AccessKeySecret: 's', SecurityToken: 't', Expiration: '2026-01-01T06:00:00Z', LastUpdated: '2026-01-01T00:00:00Z', Code: 'Success' };
  const parsed = parseInstanceCredential(JSON.stringify(good), 'R', 'token', now);
  assert.equal(parsed.expirationMs, Date.parse('2026-01-01T06:00:00Z'));
  assert.equal(parsed.mode, 'token');
  const problem = (doc: unknown) => {
    try {
      parseInstanceCredential(typeof doc === 'string' ? doc : JSON.stringify(doc), 'R', 'token', now);
    } catch (e) {
      assert.ok(e instanceof CloudError);
      return `${e.code}: ${e.message}`;
    }
    return 'no error';
  };
  assert.match(problem('<html>'), /InvalidCredential: .*not JSON/);
  assert.match(problem([1]), /not a JSON object/);
  assert.match(problem({ ...good, Code: 'Failed' }), /CredentialNotReady: .*"Failed"/);
  assert.match(problem({ ...good, AccessKeySecret: '', SecurityToken: undefined }), /missing or empty AccessKeySecret, SecurityToken/);
  assert.match(problem({ ...good, Expiration: '2026-01-01 06:00:00' }), /Expiration "2026-01-01 06:00:00" is not in the format YYYY-MM-DDTHH:MM:SSZ/);
  assert.match(problem({ ...good, LastUpdated: 'yesterday' }), /LastUpdated "yesterday"/);
  assert.match(problem({ ...good, Expiration: '2025-12-31T23:00:00Z' }), /CredentialExpired/);
});
