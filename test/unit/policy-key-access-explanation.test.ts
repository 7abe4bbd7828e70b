// Explain Access's logic: per action, the deciding statements with their policy names, and conditions in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainKeyAccess, describeCondition } from '../../src/policy/keyAccessExplanation';
import { parsePolicyDocument } from '../../src/policy/policyDocument';
import { renderKeyAccessReport, somethingMissing } from '../../src/diagnosis/keyAccessReport';
import { english } from '../../src/util/message';

const KEY = 'acs:kms:cn-hangzhou:1:key/key-abc123';
const named = (name: string, Statement: object[]) => ({ name, document: parsePolicyDocument({ Version: '1', Statement }) });
const ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'];

test('names the Allow, the Deny that wins, and says when nothing allows', () => {
  const policies = [
    named('KmsUse', [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: 'acs:kms:*:*:key/key-abc*' }]),
    named('NoDecrypt', [{ Sid: 'stop', Effect: 'Allow', Action: 'ecs:*', Resource: '*' }, { Sid: 'block', Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }]),
  ];
  const [encrypt, decrypt, gdk] = explainKeyAccess({ policies, resource: KEY, actions: ACTIONS });
  assert.deepEqual([encrypt.verdict, encrypt.allowedBy.map((r) => [r.policy, r.position])], ['allowed', [['KmsUse', 1]]]);
  assert.deepEqual([decrypt.verdict, decrypt.deniedBy.map((r) => [r.policy, r.position, r.sid])], ['denied', [['NoDecrypt', 2, 'block']]]);
  assert.deepEqual([gdk.verdict, gdk.allowedBy, gdk.deniedBy], ['notAllowed', [], []]);
  assert.ok(somethingMissing([encrypt, decrypt, gdk]));
  assert.ok(!somethingMissing([encrypt]));
});

test('a condition it cannot decide is "allowed if" with key, operator and values; a context decides it', () => {
  const policies = [named('VpcOnly', [{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*', Condition: { StringEquals: { 'acs:SourceVpc': ['vpc-1', 'vpc-2'] } } }])];
  const [maybe] = explainKeyAccess({ policies, resource: KEY, actions: ['kms:Encrypt'] });
  assert.equal(maybe.verdict, 'allowedIf');
  assert.deepEqual(maybe.allowedIf.map((c) => c.map(english)), [['acs:SourceVpc is vpc-1 | vpc-2 (StringEquals)']]);
  assert.equal(explainKeyAccess({ policies, resource: KEY, actions: ['kms:Encrypt'], context: { sourceVpc: 'vpc-2', sourceIp: '10.0.0.1' } })[0].verdict, 'allowed');
  assert.equal(explainKeyAccess({ policies, resource: KEY, actions: ['kms:Encrypt'], context: { sourceIp: '10.0.0.1' } })[0].verdict, 'notAllowed');
  assert.deepEqual(describeCondition({ IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] }, Bool: { 'acs:SecureTransport': ['true'] } }).map(english),
    ['acs:SourceIp is in 10.0.0.0/8 (IpAddress)', 'acs:SecureTransport is true (Bool)']);
});

test('a session policy that does not allow decides first, and the report says so', () => {
  const policies = [named('Full', [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }])];
  const sessionPolicy = parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }] });
  const explanations = explainKeyAccess({ policies, sessionPolicy, resource: KEY, actions: ['kms:Encrypt', 'kms:Decrypt'] });
  assert.deepEqual(explanations.map((e) => [e.verdict, e.decidedBy]), [['allowed', 'role'], ['notAllowed', 'session']]);
  const report = renderKeyAccessReport({ roleName: 'app', target: { kind: 'key', keyId: 'key-abc123' }, resource: KEY, policies: ['Full (Custom)'], unreadable: [], explanations }, english);
  assert.match(report, /^# Explain Access: role app and key key-abc123/);
  assert.match(report, /## kms:Encrypt: allowed\n\n- Allowed by session policy, statement 1: `[^`]+`\n- Allowed by policy Full, statement 1: `\{"Effect":"Allow","Action":\["kms:\*"\],"Resource":\["\*"\]\}`/);
  assert.match(report, /## kms:Decrypt: not allowed \(nothing allows it\)\n\n- The session policy does not allow it\./);
  assert.match(report, /Grant KMS Access gives role app/);
});
