import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchPolicyFile, policyFindings } from '../../src/language/policyFiles';
import { checkPolicyText } from '../../src/policy/semanticChecks';
import { DeadlineExceeded, deadlineAfter } from '../../src/policy/deadline';

test('file patterns decide the kind; untitled JSON that looks like a policy is checked too', () => {
  assert.deepEqual(matchPolicyFile('/w/ecs.trust-policy.json', 'json', false, '{}'), { kind: 'trust', schemaApplies: true });
  assert.deepEqual(matchPolicyFile('/w/KMS.RAM-Policy.json', 'json', false, '{}'), { kind: 'permission', schemaApplies: true });
  assert.deepEqual(matchPolicyFile('Untitled-1', 'json', true, '{"Version":"1","Statement":[]}'), { kind: 'auto', schemaApplies: false });
  assert.equal(matchPolicyFile('Untitled-1', 'json', true, '{"name":"x"}'), undefined);
  assert.equal(matchPolicyFile('/w/package.json', 'json', false, '{"Version":"1","Statement":[]}'), undefined);
});

test('no doubles with the JSON service: syntax never, shapes only when no schema applies', () => {
  const text = '{"Version":"2","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}';
  const withSchema = policyFindings(text, { kind: 'permission', schemaApplies: true }).map((p) => p.code);
  assert.deepEqual(withSchema, ['Kms.WildcardEverything']);
  const untitled = policyFindings(text, { kind: 'auto', schemaApplies: false }).map((p) => p.code);
  assert.deepEqual(untitled, ['Policy.BadVersion', 'Kms.WildcardEverything']);
  assert.deepEqual(policyFindings('{"Version": ', { kind: 'trust', schemaApplies: true }), []);
});

test('a check past its time budget stops and gives one finding that says so', () => {
  const text = `{"Version":"1","Statement":[${Array(50).fill('{"Effect":"Allow","Action":"kms:*","Resource":"*"}').join(',')}]}`;
  const match = { kind: 'permission' as const, schemaApplies: true };
  assert.ok(policyFindings(text, match, 10_000).length >= 50, 'within the budget: every finding');
  const late = policyFindings(text, match, 0);
  assert.equal(late.length, 1);
  assert.equal(late[0].code, 'Policy.CheckTimedOut');
  assert.equal(late[0].severity, 'warning');
  assert.match(late[0].message, /took longer than 0 ms/);
});

test('the deadline is asked between statements and throws DeadlineExceeded once spent', () => {
  let clock = 0;
  const deadline = deadlineAfter(5, () => clock);
  deadline.check();
  clock = 4;
  deadline.check();
  clock = 5;
  assert.throws(() => deadline.check(), DeadlineExceeded);
  let asked = 0;
  const counting = { budgetMs: 1, check: () => { asked++; } };
  checkPolicyText(`{"Version":"1","Statement":[${Array(7).fill('{}').join(',')}]}`, { deadline: counting });
  assert.ok(asked >= 7, `asked ${asked} times`);
});
