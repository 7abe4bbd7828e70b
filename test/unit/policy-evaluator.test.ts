import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, isAllowed, missingAccess, allowedActions, grantedActions } from '../../src/policy/evaluator';
import { wildcardMatch, actionMatches, resourceMatches, patternsOverlap } from '../../src/policy/wildcard';
import { parsePolicyDocument } from '../../src/policy/policyDocument';

const KEY = 'acs:kms:cn-hangzhou:1234567890123456:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const doc = (statements: unknown[]) => parsePolicyDocument({ Version: '1', Statement: statements });

test('wildcards: * spans any characters, ? exactly one', () => {
  assert.ok(wildcardMatch('acs:kms:*:*:key/*', KEY));
  assert.ok(wildcardMatch('a?c', 'abc'));
  assert.ok(!wildcardMatch('a?c', 'ac'));
  assert.ok(!wildcardMatch('a?c', 'abbc'));
  assert.ok(wildcardMatch('a*', 'a'));
  assert.ok(wildcardMatch('a.b', 'a.b') && !wildcardMatch('a.b', 'axb'), 'regex characters are literal');
  assert.ok(wildcardMatch('(x)+[y]', '(x)+[y]'));
});

test('actions match case-insensitively, resources as written (product part aside)', () => {
  assert.ok(actionMatches('KMS:decrypt', 'kms:Decrypt'));
  assert.ok(actionMatches('kms:Gen*', 'kms:GenerateDataKey'));
  assert.ok(!actionMatches('kms:Gen*', 'ecs:GenerateX'));
  assert.ok(resourceMatches('acs:KMS:cn-hangzhou:*:key/*', KEY));
  assert.ok(!resourceMatches(KEY.toUpperCase(), KEY));
});

test('Allow grants, nothing else is implicitly not allowed', () => {
  const d = doc([{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: [KEY] }]);
  assert.ok(isAllowed([d], 'kms:Encrypt', KEY));
  assert.equal(evaluate([d], 'kms:GenerateDataKey', KEY).decision, 'NotAllowed');
  assert.equal(evaluate([d], 'kms:Encrypt', KEY.replace('1234abcd', 'ffffffff')).decision, 'NotAllowed');
});

test('explicit Deny wins over Allow, across documents', () => {
  const allow = doc([{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]);
  const deny = doc([{ Effect: 'Deny', Action: 'kms:Decrypt', Resource: 'acs:kms:*:*:key/*' }]);
  assert.equal(evaluate([allow, deny], 'kms:Decrypt', KEY).decision, 'Deny');
  assert.ok(isAllowed([allow, deny], 'kms:Encrypt', KEY));
});

test('NotAction and NotResource invert the match', () => {
  const d = doc([{ Effect: 'Allow', NotAction: ['kms:Delete*', 'kms:ScheduleKeyDeletion'], NotResource: ['acs:kms:*:*:key/secret-key*'] }]);
  assert.ok(isAllowed([d], 'kms:Encrypt', KEY));
  assert.ok(!isAllowed([d], 'kms:ScheduleKeyDeletion', KEY));
  assert.ok(!isAllowed([d], 'kms:Encrypt', 'acs:kms:cn-hangzhou:1:key/secret-key-1'));
  const deny = doc([{ Effect: 'Deny', NotAction: 'kms:Encrypt', Resource: '*' }]);
  assert.equal(evaluate([d, deny], 'kms:Decrypt', KEY).decision, 'Deny');
  assert.ok(isAllowed([d, deny], 'kms:Encrypt', KEY));
});

test('conditions make the answer conditional, not certain', () => {
  const d = doc([{ Effect: 'Allow', Action: 'kms:*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } }]);
  const e = evaluate([d], 'kms:Encrypt', KEY);
  assert.equal(e.decision, 'Allow');
  assert.equal(e.conditional, true);
  assert.ok(!isAllowed([d], 'kms:Encrypt', KEY));
  const conditionalDeny = doc([{ Effect: 'Deny', Action: 'kms:*', Resource: '*', Condition: { Bool: { 'acs:SecureTransport': 'false' } } }]);
  const plain = doc([{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]);
  assert.deepEqual([evaluate([plain, conditionalDeny], 'kms:Encrypt', KEY).decision, evaluate([plain, conditionalDeny], 'kms:Encrypt', KEY).conditional], ['Allow', true]);
});

test('missingAccess, allowedActions and grantedActions', () => {
  const d = doc([{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: [KEY] }]);
  assert.deepEqual(missingAccess([d], [{ action: 'kms:Encrypt', resource: KEY }, { action: 'kms:GenerateDataKey', resource: KEY }]), [{ action: 'kms:GenerateDataKey', resource: KEY }]);
  assert.deepEqual(allowedActions([d], ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], KEY), ['kms:Encrypt', 'kms:Decrypt']);
  assert.deepEqual(grantedActions([d], ['kms:Encrypt', 'kms:GenerateDataKey']), [{ action: 'kms:Encrypt', scope: 'some' }]);
  const full = doc([{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]);
  assert.deepEqual(grantedActions([full], ['kms:Encrypt']), [{ action: 'kms:Encrypt', scope: 'all' }]);
  const deniedAll = doc([{ Effect: 'Deny', Action: 'kms:Encrypt', Resource: '*' }]);
  assert.deepEqual(grantedActions([full, deniedAll], ['kms:Encrypt', 'kms:Decrypt']), [{ action: 'kms:Decrypt', scope: 'all' }]);
});

test('patternsOverlap', () => {
  assert.ok(patternsOverlap('acs:kms:*:*:key/*', KEY));
  assert.ok(patternsOverlap('acs:kms:*', 'acs:kms:cn-*:*:key/*'));
  assert.ok(!patternsOverlap('acs:ecs:*', 'acs:kms:*'));
});
