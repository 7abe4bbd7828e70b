// The wildcard matcher: the same answers as the RegExp it replaced on short inputs, and no input that
// makes it slow (issue 17: `kms:*?*?…!` compiled to a backtracking RegExp blocked the host for 18 s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wildcardMatch, actionMatches } from '../../src/policy/wildcard';
import { checkPolicyText } from '../../src/policy/semanticChecks';

/** Generous: the linear matcher needs about a millisecond; the backtracking one took seconds. */
const BUDGET_MS = 1000;

function timed<T>(what: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  assert.ok(ms < BUDGET_MS, `${what} took ${ms.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
  return result;
}

/** The reference: what the old RegExp translation answered (safe here because inputs are short). */
function reference(pattern: string, value: string, ignoreCase: boolean): boolean {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '').test(value);
}

test('wildcardMatch answers like the RegExp translation on short inputs', () => {
  const alphabet = fc.constantFrom('a', 'b', 'A', ':', '/', '.', '*', '?', '(', '\\');
  const pattern = fc.array(alphabet, { maxLength: 8 }).map((c) => c.join(''));
  const value = fc.array(fc.constantFrom('a', 'b', 'A', ':', '/', '.', '(', '\\', '*'), { maxLength: 10 }).map((c) => c.join(''));
  fc.assert(fc.property(pattern, value, fc.boolean(), (p, v, ignoreCase) => {
    assert.equal(wildcardMatch(p, v, ignoreCase), reference(p, v, ignoreCase), JSON.stringify({ p, v, ignoreCase }));
  }), { seed: 20261130, numRuns: 3000 });
});

test('a pattern of many * and ? that cannot match fails at once', () => {
  const pattern = 'kms:' + '*?'.repeat(16) + '!';
  assert.equal(timed('one match', () => actionMatches(pattern, 'kms:' + 'GenerateDataKeyWithoutPlaintext'.repeat(4))), false);
  assert.equal(timed('a long value', () => wildcardMatch('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(100_000))), false);
  assert.equal(timed('a long pattern', () => wildcardMatch('?*'.repeat(5_000) + 'b', 'a'.repeat(20_000))), false);
});

test('a 100-byte policy with that action is checked within the budget', () => {
  const action = 'kms:' + '*?'.repeat(16) + '!';
  const text = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"${action}","Resource":"*"}]}`;
  const problems = timed('checkPolicyText', () => checkPolicyText(text, { kind: 'permission' }));
  assert.ok(problems.some((p) => p.code === 'Action.BadFormat'), 'the action is still reported');
});
