import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPolicyText, closestAction } from '../../src/policy/semanticChecks';
import { serviceTrustPolicy, formatPolicy } from '../../src/policy/trustPolicy';
import { leastPrivilegeKmsPolicy } from '../../src/policy/kmsPolicy';

const find = (text: string, code: string, kind?: 'trust' | 'permission') => checkPolicyText(text, { kind }).find((p) => p.code === code);

test('the generated trust and least-privilege policies have no findings', () => {
  assert.deepEqual(checkPolicyText(formatPolicy(serviceTrustPolicy()), { kind: 'trust' }), []);
  const kms = leastPrivilegeKmsPolicy({ keys: [{ region: 'cn-hangzhou', account: '1', keyId: 'key-abcdef12' }], secrets: [{ region: 'cn-hangzhou', account: '1', name: 's' }] });
  assert.deepEqual(checkPolicyText(formatPolicy(kms), { kind: 'permission' }), []);
});

test('kms:* on * is flagged on the action, with the narrower alternative', () => {
  const text = '{"Version":"1","Statement":[{"Effect":"Allow","Action":["kms:*"],"Resource":["*"]}]}';
  const p = find(text, 'Kms.WildcardEverything');
  assert.ok(p);
  assert.equal(p.severity, 'warning');
  assert.equal(text.slice(p.offset, p.offset + p.length), '"kms:*"');
  assert.match(p.message, /kms:Encrypt, kms:Decrypt and kms:GenerateDataKey/);
  assert.equal(find('{"Version":"1","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"acs:kms:*:1:key/*"}]}', 'Kms.WildcardEverything'), undefined);
  assert.equal(find('{"Version":"1","Statement":[{"Effect":"Deny","Action":"kms:*","Resource":"*"}]}', 'Kms.WildcardEverything'), undefined);
  assert.ok(find('{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', 'Policy.WildcardEverything'));
});

test('unknown actions get a suggestion; unknown products are left alone', () => {
  const text = '{"Version":"1","Statement":[{"Effect":"Allow","Action":["kms:Decrypted","kms:Frobnicate*","oss:GetObject","ecs:DescribeInstancez"],"Resource":"*"}]}';
  const found = checkPolicyText(text);
  const unknown = found.find((p) => p.code === 'Action.Unknown' && p.args[0] === 'kms:Decrypted');
  assert.match(unknown!.message, /Did you mean "kms:Decrypt"/);
  assert.equal(unknown!.severity, 'warning');
  assert.ok(found.some((p) => p.code === 'Action.MatchesNothing'));
  assert.equal(found.find((p) => p.args[0] === 'ecs:DescribeInstancez')?.severity, 'information');
  assert.ok(!found.some((p) => p.args[0] === 'oss:GetObject'));
  assert.equal(closestAction('kms:encrypt'), 'kms:Encrypt');
  assert.equal(closestAction('kms:CompletelyDifferent'), undefined);
});

test('empty statements and Principal in a permission policy', () => {
  assert.ok(find('{"Version":"1","Statement":[]}', 'Policy.NoStatements'));
  assert.ok(find('{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ecs.aliyuncs.com"}}]}', 'Permission.Principal', 'permission'));
});

test('a trust policy ECS cannot assume, and why', () => {
  const fc = formatPolicy(serviceTrustPolicy(['fc.aliyuncs.com']));
  const info = find(fc, 'Trust.NoPrincipal', 'trust');
  assert.equal(info?.severity, 'information', 'trusting another service on purpose is not a mistake');
  const deny = JSON.stringify({ Version: '1', Statement: [...serviceTrustPolicy().Statement, { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } }] });
  const p = find(deny, 'Trust.Denied');
  assert.equal(p?.severity, 'warning');
  assert.match(p!.message, /A Deny statement stops ecs\.aliyuncs\.com from assuming this role/);
  const nobody = find('{"Version":"1","Statement":[{"Effect":"Deny","Action":"sts:AssumeRole","Principal":{"Service":"fc.aliyuncs.com"}}]}', 'Trust.NoPrincipal', 'trust');
  assert.equal(nobody?.severity, 'warning', 'a trust policy that trusts nobody is a mistake');
  const resource = find('{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ecs.aliyuncs.com"},"Resource":"*"}]}', 'Trust.Resource', 'trust');
  assert.ok(resource);
  assert.ok(find('{"Version":"1","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Principal":{"Service":"ecs.aliyuncs.com"}}]}', 'Trust.Action'));
});

test('syntax errors come through with their place and nothing else', () => {
  const found = checkPolicyText('{"Version": "1", "Statement": [}');
  assert.equal(found.length, 1);
  assert.equal(found[0].code, 'Json.Syntax');
  assert.equal(found[0].offset, 31);
});
