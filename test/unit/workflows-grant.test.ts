// Grant KMS Access decisions: what is already there changes nothing; otherwise the exact steps and CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALIYUN_KMS_CRYPTO_USER_ACCESS, ALIYUN_KMS_FULL_ACCESS } from '../../src/policy/kmsPolicy';
import { parsePolicyDocument } from '../../src/policy/policyDocument';
import { validatePolicyName } from '../../src/policy/validation';
import { customPolicyName, planGrant, sameDocument, type AttachedPolicyInfo, type GrantChoice } from '../../src/workflows/grantPlan';

const A = '1234567890123456';
const KEY = 'key-hzz62f1cb66fa42qo';
const custom: GrantChoice = { kind: 'custom', access: { keys: [{ region: 'cn-hangzhou', account: A, keyId: KEY }], secrets: [{ region: 'cn-hangzhou', account: A, name: 'db/password' }] } };
const full: AttachedPolicyInfo = { policyName: 'AliyunKMSFullAccess', policyType: 'System', document: ALIYUN_KMS_FULL_ACCESS.document };
const crypto: AttachedPolicyInfo = { policyName: 'AliyunKMSCryptoUserAccess', policyType: 'System', document: ALIYUN_KMS_CRYPTO_USER_ACCESS.document };

test('system policy: attached already (by name, any case) -> nothing to do', () => {
  const plan = planGrant('R', { kind: 'system', policyName: 'AliyunKMSFullAccess' }, [{ ...full, policyName: 'aliyunkmsfullaccess' }]);
  assert.deepEqual(plan, { already: true, because: 'attached', policyName: 'AliyunKMSFullAccess' });
});

test('system policy: covered by what is attached -> nothing to do; not covered -> one AttachPolicyToRole', () => {
  assert.deepEqual(planGrant('R', { kind: 'system', policyName: 'AliyunKMSCryptoUserAccess' }, [full]), { already: true, because: 'covered', policyName: 'AliyunKMSCryptoUserAccess' });
  const plan = planGrant('R', { kind: 'system', policyName: 'AliyunKMSFullAccess' }, [crypto]);
  assert.equal(plan.already, false);
  if (plan.already) return;
  assert.deepEqual(plan.steps, [{ kind: 'attachPolicy', policyName: 'AliyunKMSFullAccess', policyType: 'System', cli: 'aliyun ram AttachPolicyToRole --PolicyType System --PolicyName AliyunKMSFullAccess --RoleName R' }]);
});

test('system policy: a policy whose document could not be read counts for nothing', () => {
  const plan = planGrant('R', { kind: 'system', policyName: 'AliyunKMSCryptoUserAccess' }, [{ policyName: 'Mine', policyType: 'Custom' }]);
  assert.equal(plan.already, false);
});

test('custom: full access covers it; crypto-user access does not (no GetSecretValue); otherwise CreatePolicy then attach', () => {
  assert.equal(planGrant('R', custom, [full]).already, true);
  const plan = planGrant('My.Role', custom, [crypto]);
  assert.equal(plan.already, false);
  if (plan.already) return;
  assert.deepEqual(plan.steps.map((s) => s.kind), ['createPolicy', 'attachPolicy']);
  const [create, attach] = plan.steps;
  assert.match(create.policyName, /^KmsAccess-My-Role-[0-9a-f]{8}$/);
  assert.equal(attach.policyName, create.policyName);
  assert.equal(attach.kind === 'attachPolicy' && attach.policyType, 'Custom');
  assert.match(create.cli, /^aliyun ram CreatePolicy --PolicyName KmsAccess-My-Role-[0-9a-f]{8} --PolicyDocument '\{"Version":"1","Statement":\[/);
  assert.ok(create.kind === 'createPolicy' && JSON.stringify(create.document).includes(`acs:kms:cn-hangzhou:${A}:secret/db/password`));
});

test('custom: the grant the role already has (its own earlier custom policy) changes nothing', () => {
  const first = planGrant('R', custom, []);
  assert.ok(!first.already && first.document);
  assert.equal(planGrant('R', custom, [{ policyName: 'KmsAccess-R-x', policyType: 'Custom', document: first.document }]).already, true);
});

test('customPolicyName: deterministic per document, valid for RAM even for long or dotted role names', () => {
  const doc = parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt'], Resource: ['*'] }] });
  const other = parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['*'] }] });
  assert.equal(customPolicyName('R', doc), customPolicyName('R', doc));
  assert.notEqual(customPolicyName('R', doc), customPolicyName('R', other));
  for (const role of ['a.b.c', 'x'.repeat(64), 'Role-1']) assert.equal(validatePolicyName(customPolicyName(role, doc)), undefined, role);
});

test('sameDocument: ignores formatting and string-vs-array; bad JSON is never the same', () => {
  const doc = parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt'], Resource: ['*'] }] });
  assert.equal(sameDocument(doc, '{ "Version": "1", "Statement": [ { "Effect": "Allow", "Action": "kms:Encrypt", "Resource": "*" } ] }'), true);
  assert.equal(sameDocument(doc, '{"Version":"1","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}'), false);
  assert.equal(sameDocument(doc, '{not json'), false);
});
