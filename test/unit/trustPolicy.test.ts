import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceTrustPolicy, accountTrustPolicy, trustPolicyFor, canServiceAssume, formatPolicy, assumingPrincipals } from '../../src/policy/trustPolicy';
import { parsePolicyDocument } from '../../src/policy/policyDocument';
import { PolicyError } from '../../src/policy/problem';

test('the default trust policy is exactly the one of the product document', () => {
  assert.equal(
    JSON.stringify(serviceTrustPolicy()),
    '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}',
  );
});

test('a trust policy needs at least one service, and valid ones', () => {
  assert.throws(() => serviceTrustPolicy([]), /at least one trusted service/);
  assert.throws(() => serviceTrustPolicy(['ecs']), PolicyError);
});

test('formatPolicy indents like the RAM console', () => {
  assert.match(formatPolicy(serviceTrustPolicy()), /^\{\n {4}"Statement"/);
});

test('account and combined trust policies', () => {
  assert.deepEqual(accountTrustPolicy(['1234567890123456']).Statement[0].Principal, { RAM: ['acs:ram::1234567890123456:root'] });
  const both = trustPolicyFor({ services: ['ecs.aliyuncs.com', 'fc.aliyuncs.com'], accounts: ['1'] });
  assert.equal(both.Statement.length, 2);
  assert.throws(() => trustPolicyFor({}), PolicyError);
});

test('ECS can assume the generated trust policy', () => {
  assert.deepEqual(canServiceAssume(parsePolicyDocument(serviceTrustPolicy())), { canAssume: true, conditional: false });
});

test('ECS cannot assume: wrong principal, no AssumeRole, Deny, with reasons', () => {
  const fcOnly = canServiceAssume(parsePolicyDocument(serviceTrustPolicy(['fc.aliyuncs.com'])));
  assert.ok(!fcOnly.canAssume && fcOnly.reason.code === 'Trust.NoPrincipal');
  const wrongAction = canServiceAssume(parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Principal: { Service: ['ecs.aliyuncs.com'] } }] }));
  assert.ok(!wrongAction.canAssume && wrongAction.reason.code === 'Trust.NoAssumeRole');
  const denied = canServiceAssume(parsePolicyDocument({
    Version: '1',
    Statement: [...serviceTrustPolicy().Statement, { Effect: 'Deny', Action: 'sts:*', Principal: { Service: 'ECS.aliyuncs.com' } }],
  }));
  assert.ok(!denied.canAssume && denied.reason.code === 'Trust.Denied');
  assert.match(denied.canAssume ? '' : denied.reason.message, /explicit Deny always wins/);
});

test('a Condition makes ECS assumption conditional', () => {
  const conditional = canServiceAssume(parsePolicyDocument({
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] }, Condition: { StringEquals: { 'acs:SourceVpc': 'vpc-1' } } }],
  }));
  assert.ok(conditional.canAssume && conditional.conditional && conditional.reason.code === 'Trust.Conditional');
});

test('assumingPrincipals: who the Allow statements for sts:AssumeRole trust (what a role picker says instead of ECS)', () => {
  const doc = parsePolicyDocument({ Version: '1', Statement: [
    { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['fc.aliyuncs.com'] } },
    { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: ['acs:ram::1688000000000001:root'] } },
    { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { Service: ['oos.aliyuncs.com'] } },
    { Effect: 'Allow', Action: 'sts:GetCallerIdentity', Principal: { Service: ['cs.aliyuncs.com'] } },
  ] });
  assert.deepEqual(assumingPrincipals(doc), ['fc.aliyuncs.com', 'acs:ram::1688000000000001:root']);
});
