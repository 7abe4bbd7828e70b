import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainAccess } from '../../src/policy/explain';
import { parsePolicyDocument, readPolicyLeniently, analyzePolicyText } from '../../src/policy/policyDocument';
import { ALIYUN_KMS_FULL_ACCESS } from '../../src/policy/kmsPolicy';
import { checkPolicyText } from '../../src/policy/semanticChecks';

const KEY = 'acs:kms:cn-hangzhou:1:key/key-abcdef12';
const full = { name: 'AliyunKMSFullAccess', document: ALIYUN_KMS_FULL_ACCESS.document };
const denyDecrypt = { name: 'NoDecrypt', document: parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }] }) };

test('explains allow, explicit deny, missing grant and missing PassRole, naming the policies', () => {
  const allowed = explainAccess([full], 'kms:Encrypt', KEY);
  assert.equal(allowed.explanation.message, `kms:Encrypt on ${KEY} is allowed by AliyunKMSFullAccess.`);
  const denied = explainAccess([full, denyDecrypt], 'kms:Decrypt', KEY);
  assert.deepEqual([denied.decision, denied.policies], ['Deny', ['NoDecrypt']]);
  assert.match(denied.explanation.message, /explicitly denied by NoDecrypt; an explicit Deny wins/);
  assert.match(explainAccess([], 'kms:Decrypt', KEY).explanation.message, /Use Grant KMS Access/);
  assert.equal(explainAccess([], 'ram:PassRole', 'acs:ram:*:1:role/r').explanation.code, 'Access.NoPassRole');
  assert.equal(explainAccess([], 'ecs:DescribeInstances', '*').explanation.code, 'Access.NotAllowed');
  const conditional = explainAccess([{ name: 'Vpc', document: parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'acs:SourceVpc': 'vpc-1' } } }] }) }], 'kms:Encrypt', KEY);
  assert.deepEqual([conditional.decision, conditional.conditional, conditional.explanation.code], ['Allow', true, 'Access.Conditional']);
});

test('lenient reading leaves out statements with errors and says so', () => {
  const text = '{"Version":"1","Statement":[{"Effect":"allow","Action":"kms:*","Resource":"*"},{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}]}';
  const { document, skipped } = readPolicyLeniently(text);
  assert.deepEqual(document.Statement, [{ Effect: 'Allow', Action: ['kms:Encrypt'], Resource: ['*'] }]);
  assert.equal(skipped[0].code, 'Statement.BadEffect');
  assert.deepEqual(analyzePolicyText(text).statements.map((s) => s.valid), [false, true]);
  assert.deepEqual(readPolicyLeniently('not json').document.Statement, []);
});

test('a half-read statement does not make a trust policy look assumable', () => {
  const text = '{"Version":"1","Statement":[{"Effect":"Alow","Action":"sts:AssumeRole","Principal":{"Service":"ecs.aliyuncs.com"}}]}';
  assert.ok(checkPolicyText(text, { kind: 'trust' }).some((p) => p.code === 'Trust.NoPrincipal'));
});
