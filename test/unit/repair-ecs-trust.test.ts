// "Add ECS as Trusted Service" (issue 15): after the fix ECS can assume the role without a condition,
// and nothing else in the trust policy changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addEcsTrust } from '../../src/workflows/repair/ecsTrustFix';
import { canServiceAssume, parsePolicyDocument } from '../../src/policy';

const doc = (statements: unknown[]) => parsePolicyDocument({ Version: '1', Statement: statements });
const ok = (d: ReturnType<typeof doc>) => { const c = canServiceAssume(d); return c.canAssume && !c.conditional; };

test('already trusted: no change is proposed', () => {
  assert.equal(addEcsTrust(doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } }])), undefined);
});

test('another service only: ECS joins that statement', () => {
  const fix = addEcsTrust(doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['fc.aliyuncs.com'] } }]))!;
  assert.deepEqual(fix.changes, [{ kind: 'addedToStatement', statementIndex: 0 }]);
  assert.deepEqual(fix.document.Statement[0].Principal, { Service: ['fc.aliyuncs.com', 'ecs.aliyuncs.com'] });
  assert.ok(ok(fix.document));
});

test('an account trust: a new statement for ECS, the account statement kept', () => {
  const fix = addEcsTrust(doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: ['acs:ram::1688000000000001:root'] } }]))!;
  assert.deepEqual(fix.changes, [{ kind: 'addedStatement' }]);
  assert.equal(fix.document.Statement.length, 2);
  assert.deepEqual(fix.document.Statement[0].Principal, { RAM: ['acs:ram::1688000000000001:root'] });
  assert.ok(ok(fix.document));
});

test('a Deny naming ECS with another service: ECS leaves the Deny, an Allow is added', () => {
  const fix = addEcsTrust(doc([
    { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com', 'fc.aliyuncs.com'] } },
    { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } },
  ]))!;
  assert.deepEqual(fix.changes, [{ kind: 'removedFromDeny', statementIndex: 0 }]);
  assert.deepEqual(fix.document.Statement[0].Principal, { Service: ['fc.aliyuncs.com'] });
  assert.ok(ok(fix.document));
});

test('a Deny for ECS alone is removed; a conditioned Allow gets an unconditioned statement beside it', () => {
  const fix = addEcsTrust(doc([
    { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { Service: 'ecs.aliyuncs.com' } },
    { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ecs.aliyuncs.com' }, Condition: { StringEquals: { 'acs:SourceVpc': 'vpc-1' } } },
  ]))!;
  assert.deepEqual(fix.changes.map((c) => c.kind), ['removedDeny', 'addedStatement']);
  assert.equal(fix.document.Statement.length, 2);
  assert.ok(fix.document.Statement[0].Condition, 'the conditioned statement is kept as it was');
  assert.ok(ok(fix.document));
});
