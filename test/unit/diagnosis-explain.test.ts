import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError } from '../../src/cloud/types';
import { explainKmsFailure, type KmsCallContext } from '../../src/diagnosis/explainKmsFailure';
import { english } from '../../src/util/message';

const instance: KmsCallContext = {
  action: 'kms:Encrypt', principal: 'EcsKmsRole', isInstanceRole: true, resource: 'key-abc', resourceKind: 'key',
  regionId: 'cn-hangzhou', endpoint: 'kms.cn-hangzhou.aliyuncs.com', vpcEndpoint: false,
};
const explain = (init: Partial<ConstructorParameters<typeof CloudError>[0]> & { code: string }, c: Partial<KmsCallContext> = {}) => {
  const e = explainKmsFailure(new CloudError({ message: 'm', ...init }), { ...instance, ...c });
  return { code: e.code, summary: english(e.summary), fix: english(e.fix), remedy: e.remedy, requestId: e.requestId };
};

test('a refused Encrypt names the role, the action and the key, and offers Grant KMS Access', () => {
  const e = explain({ code: 'Forbidden.NoPermission', requestId: 'R-1', accessDenied: { action: 'kms:Encrypt', resource: 'acs:kms:cn-hangzhou:1:key/key-abc' } });
  assert.equal(e.summary, 'Role EcsKmsRole lacks kms:Encrypt on key key-abc.');
  assert.equal(e.remedy, 'grantKmsAccess');
  assert.equal(e.requestId, 'R-1');
  const profile = explain({ code: 'Forbidden.NoPermission' }, { isInstanceRole: false, principal: 'dev' });
  assert.equal(profile.summary, 'Profile dev lacks kms:Encrypt on key key-abc.');
  assert.equal(profile.remedy, undefined, 'Grant KMS Access is for instance roles');
});

test('not found, disabled and pending deletion keys are told apart', () => {
  assert.equal(explain({ code: 'Forbidden.KeyNotFound' }).summary, 'The key key-abc was not found in region cn-hangzhou.');
  assert.match(explain({ code: 'Forbidden.AliasNotFound' }).fix, /another region than cn-hangzhou/);
  assert.equal(explain({ code: 'Forbidden.KeyNotEnabled', message: 'The key is not enabled: its state is Disabled.' }).summary, 'Key key-abc is disabled.');
  assert.match(explain({ code: 'Forbidden.KeyNotEnabled', message: 'The key is not enabled: its state is PendingDeletion.' }).summary, /pending deletion/);
  assert.match(explain({ code: 'Rejected.Disabled' }).summary, /is disabled/);
});

test('an expired token, clock skew and an unreachable endpoint each get their own fix', () => {
  const expired = explain({ code: 'InvalidSecurityToken.Expired' });
  assert.equal(expired.summary, 'The temporary credential has expired.');
  assert.equal(expired.remedy, 'refreshCredential');
  const skew = explain({ code: 'InvalidTimeStamp.Expired' });
  assert.match(skew.summary, /clock differs/);
  assert.equal(skew.remedy, 'checkClock');
  const vpc = explain({ code: 'ENOTFOUND' }, { vpcEndpoint: true, endpoint: 'kms-vpc.cn-hangzhou.aliyuncs.com' });
  assert.equal(vpc.summary, 'The VPC endpoint of KMS (kms-vpc.cn-hangzhou.aliyuncs.com) is unreachable from this machine: ENOTFOUND.');
  assert.match(vpc.fix, /Try the public endpoint/);
  assert.equal(vpc.remedy, 'otherEndpoint');
  assert.match(explain({ code: 'ECONNREFUSED' }).fix, /try the VPC endpoint kms-vpc\.cn-hangzhou\.aliyuncs\.com/);
});

test('secrets: a refused GetSecretValue names the secret', () => {
  const e = explain({ code: 'Forbidden.NoPermission' }, { action: 'kms:GetSecretValue', resource: 'app/db', resourceKind: 'secret' });
  assert.equal(e.summary, 'Role EcsKmsRole lacks kms:GetSecretValue on secret app/db.');
  assert.equal(explain({ code: 'Forbidden.ResourceNotFound' }, { resource: 'app/db', resourceKind: 'secret' }).summary, 'The secret app/db was not found in region cn-hangzhou.');
});

test('metadata failures and unknown errors still explain themselves', () => {
  assert.equal(explain({ code: 'Metadata.NoRole' }).remedy, 'attachRole');
  assert.equal(explain({ code: 'Metadata.Timeout', message: 'no answer' }).summary, 'The instance credential could not be read: no answer');
  assert.equal(explain({ code: 'Weird', message: 'boom', hint: { key: 'do this', args: [] } }).fix, 'do this');
  assert.equal(english(explainKmsFailure(new Error('plain'), instance).summary), 'kms:Encrypt failed: plain');
});
