// Differential test: this module's evaluator against the emulator's independent one (test/emulator,
// which imports nothing from src). On the common ground (Action/NotAction/Resource, no Condition, no
// NotResource, which the emulator does not model) both must decide every request the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluate as emulatorEvaluate } from '../emulator/authorize';
import { evaluate } from '../../src/policy/evaluator';
import { parsePolicyDocument } from '../../src/policy/policyDocument';

const SEED = 20261130;
const actionPart = fc.constantFrom('kms:Encrypt', 'kms:Decrypt', 'KMS:decrypt', 'kms:*', 'kms:Gen*', 'kms:?ecrypt', 'ecs:*', '*', 'ram:PassRole', 'sts:AssumeRole', 'kms:List*');
const resourcePart = fc.constantFrom('*', 'acs:kms:*:*:key/*', 'acs:kms:cn-hangzhou:1:key/k1', 'acs:kms:cn-hangzhou:1:key/k?', 'acs:ram:*:1:role/ecs*', 'acs:ecs:*:*:instance/*', 'acs:kms:cn-*:1:secret/db*');
const list = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 3 });
const statement = fc.tuple(fc.constantFrom('Allow', 'Deny'), fc.boolean(), list(actionPart), list(resourcePart)).map(([Effect, not, actions, Resource]) =>
  not ? { Effect, NotAction: actions, Resource } : { Effect, Action: actions, Resource });
const requestAction = fc.constantFrom('kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:ListKeys', 'ecs:AttachInstanceRamRole', 'ram:PassRole', 'sts:AssumeRole');
const requestResource = fc.constantFrom('acs:kms:cn-hangzhou:1:key/k1', 'acs:kms:cn-hangzhou:1:key/k22', 'acs:kms:cn-shanghai:1:secret/db-pass', 'acs:ram:*:1:role/ecskms', 'acs:ecs:cn-hangzhou:1:instance/i-1');

test('this evaluator and the emulator\'s decide every request alike', (t) => {
  let cases = 0;
  const decisions = new Map<string, number>();
  fc.assert(fc.property(fc.array(statement, { maxLength: 4 }), requestAction, requestResource, (statements, action, resource) => {
    cases++;
    const mine = evaluate([parsePolicyDocument({ Version: '1', Statement: statements })], action, resource).decision;
    const theirs = emulatorEvaluate(statements, action, resource);
    const expected = { Allow: 'Allow', Deny: 'ExplicitDeny', NotAllowed: 'ImplicitDeny' }[mine];
    assert.equal(theirs, expected, JSON.stringify({ statements, action, resource }));
    decisions.set(mine, (decisions.get(mine) ?? 0) + 1);
  }), { seed: SEED, numRuns: 2000 });
  t.diagnostic(`evaluator vs emulator: ${cases} cases (seed ${SEED}), decisions ${JSON.stringify(Object.fromEntries(decisions))}`);
  assert.ok((decisions.get('Allow') ?? 0) > 100 && (decisions.get('Deny') ?? 0) > 100 && (decisions.get('NotAllowed') ?? 0) > 100, 'all three outcomes were exercised');
});
