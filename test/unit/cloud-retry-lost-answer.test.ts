// withRetry after a LOST ANSWER (a reset after the service may have acted), with fakes of our own: the
// resend's failure is not the end, the state read back (`verify`) decides, and a failure says what the
// read-back found. The same paths against the emulator through a proxy that drops answers:
// test/integration/cloud-lost-answer.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withRetry } from '../../src/cloud/retry';
import { CloudError } from '../../src/cloud/cloudError';

const fast = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, random: () => 0.5 };
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const notExist = () => Object.assign(new Error('x'), { code: 'EntityNotExist.Role', statusCode: 404, data: { Code: 'EntityNotExist.Role', Message: 'The role not exists: R.' } });

/** A DeleteRole whose first answer is lost: the service deleted, the resend finds nothing to delete. */
function deleteWithLostAnswer() {
  let sends = 0;
  return { call: async () => { sends++; throw sends === 1 ? reset() : notExist(); }, sends: () => sends };
}

test('the resend\'s "not found" after a lost answer is success when the read-back shows the change', async () => {
  const d = deleteWithLostAnswer();
  const confirmed: string[] = [];
  const result = await withRetry(d.call, { apiAction: 'DeleteRole', idempotent: true, policy: fast, verify: async () => 'gone', onConfirmed: (lost) => confirmed.push(lost.code) });
  assert.equal(result, 'gone');
  assert.equal(d.sends(), 2);
  assert.deepEqual(confirmed, ['ECONNRESET']);
});

test('without a lost answer the same error is the failure (no read-back)', async () => {
  let reads = 0;
  await assert.rejects(withRetry(async () => { throw notExist(); }, { apiAction: 'DeleteRole', idempotent: true, policy: fast, verify: async () => (reads++, 'gone') }),
    (e: CloudError) => e.code === 'EntityNotExist.Role' && !/lost/.test(e.message));
  assert.equal(reads, 0);
});

test('a read-back that shows no change: the failure says the answer was lost and the change was not made', async () => {
  const d = deleteWithLostAnswer();
  await assert.rejects(withRetry(d.call, { apiAction: 'DeleteRole', idempotent: true, policy: fast, verify: async () => undefined }),
    (e: CloudError) => e.code === 'EntityNotExist.Role' && /an earlier answer was lost \(ECONNRESET\); reading back shows the change was not made/.test(e.message));
});

test('a read-back that fails: the failure says the outcome could not be read back', async () => {
  let sends = 0;
  await assert.rejects(withRetry(async () => { sends++; throw reset(); }, {
    apiAction: 'DeleteRole', idempotent: true, policy: fast, verify: async () => { throw new Error('read failed'); },
  }), (e: CloudError) => e.code === 'ECONNRESET' && /whether the change was made could not be read back/.test(e.message));
  assert.equal(sends, 3, 'a lost answer of an idempotent call is resent until the attempts run out');
});

test('every answer lost but the change is in place: success after the last attempt, read once', async () => {
  let reads = 0;
  const result = await withRetry(async () => { throw reset(); }, { apiAction: 'AttachPolicyToRole', idempotent: true, policy: fast, verify: async () => (reads++, true as const) });
  assert.equal(result, true);
  assert.equal(reads, 1);
});

test('onLostAnswer is told once, at the first lost answer', async () => {
  let told = 0;
  let sends = 0;
  const result = await withRetry(async () => (++sends < 3 ? Promise.reject(reset()) : 'ok'), { apiAction: 'DetachInstanceRamRole', idempotent: true, policy: fast, onLostAnswer: () => told++ });
  assert.equal(result, 'ok');
  assert.equal(told, 1);
});
