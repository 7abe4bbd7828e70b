// Pure plans behind Edit Policy (five-version limit) and Revoke KMS Access (issue 15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oldestNonDefaultVersion, planPolicyVersionSave } from '../../src/workflows/repair/policyVersionPlan';
import { planRevokeKms } from '../../src/workflows/repair/revokeKmsPlan';
import { enableKeyCommand, updateRoleTrustCommand } from '../../src/workflows/repair/repairCli';
import { parsePolicyDocument } from '../../src/policy';

const v = (n: number, isDefault = false) => ({ versionId: `v${n}`, isDefaultVersion: isDefault, policyDocument: '{}' });
const doc = (statements: unknown[]) => parsePolicyDocument({ Version: '1', Statement: statements });

test('below the limit a save creates a default version and deletes nothing', () => {
  const plan = planPolicyVersionSave('P', [v(1), v(2, true)], { Version: '1', Statement: [] });
  assert.equal(plan.deleteFirst, undefined);
  assert.equal(plan.currentDefault?.versionId, 'v2');
  assert.equal(plan.cli.length, 1);
  assert.match(plan.cli[0], /^aliyun ram CreatePolicyVersion --PolicyName P --PolicyDocument .* --SetAsDefault true$/);
});

test('at the limit the oldest non-default version (by number, not by list order) is deleted first', () => {
  const versions = [v(10), v(3, true), v(7), v(12), v(4)];
  assert.equal(oldestNonDefaultVersion(versions)?.versionId, 'v4');
  const plan = planPolicyVersionSave('P', versions, {});
  assert.equal(plan.deleteFirst?.versionId, 'v4');
  assert.deepEqual(plan.cli.map((c) => c.split(' ')[2]), ['DeletePolicyVersion', 'CreatePolicyVersion']);
});

test('revoke: the KMS-granting policies are detached, a broad one is flagged, an unread one is never detached', () => {
  const plan = planRevokeKms('R', [
    { policyName: 'AliyunKMSFullAccess', policyType: 'System', document: doc([{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]) },
    { policyName: 'AdministratorAccess', policyType: 'System', document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) },
    { policyName: 'OssRead', policyType: 'Custom', document: doc([{ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }]) },
    { policyName: 'Broken', policyType: 'Custom' },
  ]);
  assert.deepEqual(plan.detach.map((d) => [d.policyName, d.broad]), [['AliyunKMSFullAccess', false], ['AdministratorAccess', true]]);
  assert.deepEqual(plan.unread, ['Broken']);
  assert.deepEqual(plan.cli, [
    'aliyun ram DetachPolicyFromRole --PolicyType System --PolicyName AliyunKMSFullAccess --RoleName R',
    'aliyun ram DetachPolicyFromRole --PolicyType System --PolicyName AdministratorAccess --RoleName R',
  ]);
});

test('CLI lines: UpdateRole carries the compact trust policy; EnableKey names the region', () => {
  assert.match(updateRoleTrustCommand({ roleName: 'R', trustPolicy: { Version: '1', Statement: [] } }), /^aliyun ram UpdateRole --RoleName R --NewAssumeRolePolicyDocument '\{"Version":"1","Statement":\[\]\}'$/);
  assert.equal(enableKeyCommand({ regionId: 'cn-hangzhou', keyId: 'key-1' }), 'aliyun kms EnableKey --KeyId key-1 --region cn-hangzhou');
});
