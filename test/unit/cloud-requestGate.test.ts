// The client-side RAM read gate: a burst passes at once, then calls go at the bucket's rate in the
// order they asked; actions the gate does not cover never wait.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RAM_READ_GATE, TokenBucketGate } from '../../src/cloud/requestGate';

test('a burst passes at once, then calls wait their turn in order at the rate', async () => {
  const gate = new TokenBucketGate({ perSecond: 20, burst: 3, applies: () => true });
  const t0 = performance.now();
  const order: number[] = [];
  const times: number[] = [];
  await Promise.all(Array.from({ length: 8 }, (_, n) => gate.acquire('GetRole').then(() => {
    order.push(n);
    times.push(performance.now() - t0);
  })));
  assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7]);
  // The fourth call waits for a token (50 ms at 20/s): the burst of 3 went before it.
  assert.ok(times[3] - times[2] >= 30, `the burst of 3 goes at once, the fourth waits (${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
  assert.ok(times[7] >= 245, `5 more at 20/s take at least 250 ms (${times[7].toFixed(1)} ms)`);
});

test('the RAM gate covers read APIs only, under the service rate of 20 a second', async () => {
  assert.ok(RAM_READ_GATE.perSecond < 20 && RAM_READ_GATE.burst < 20);
  assert.ok(RAM_READ_GATE.applies('ListRoles') && RAM_READ_GATE.applies('GetPolicyVersion'));
  assert.ok(!RAM_READ_GATE.applies('CreateRole') && !RAM_READ_GATE.applies('AttachPolicyToRole'));
  const gate = new TokenBucketGate({ ...RAM_READ_GATE, burst: 1 });
  await gate.acquire('GetRole');
  const t0 = performance.now();
  await gate.acquire('CreateRole');
  assert.ok(performance.now() - t0 < 5, 'a write does not wait behind reads');
});
