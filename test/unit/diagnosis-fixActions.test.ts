// The buttons of diagnosis lines and instance problems name our commands through commandIds.ts and
// pass them NodeRefs (src/views/common/nodeRef.ts): the pure layer builds them as plain data, so this
// checks they are what the commands' withRefs adapter accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMAND, COMMAND_IDS } from '../../src/commandIds';
import { attachRoleAction, grantAction, openSettingsAction, refreshAction, roleRef } from '../../src/diagnosis/fixActions';
import { isNodeRef, toNodeRef, type NodeRef } from '../../src/views/common/nodeRef';

test('COMMAND names every command id by its short name', () => {
  assert.equal(COMMAND.grantKmsAccess, 'alicloudKms.grantKmsAccess');
  assert.deepEqual(Object.values(COMMAND).sort(), [...COMMAND_IDS].sort());
});

test('Grant KMS Access gets the role with the key preselected; without a key, the role alone', () => {
  const withKey = grantAction('EcsKmsRole', 'key-1', 'cn-hangzhou');
  assert.equal(withKey.command, COMMAND.grantKmsAccess);
  const expected: NodeRef = { kind: 'role', roleName: 'EcsKmsRole', key: { keyId: 'key-1', regionId: 'cn-hangzhou' } };
  assert.deepEqual(withKey.args, [expected]);
  assert.deepEqual(toNodeRef(withKey.args![0]), expected);
  const alone: NodeRef = roleRef('EcsKmsRole');
  assert.deepEqual(grantAction('EcsKmsRole', undefined, 'cn-hangzhou').args, [alone]);
});

test('Attach Role gets this instance by id; without an identity, nothing (the command asks)', () => {
  const action = attachRoleAction({ instanceId: 'i-1', regionId: 'cn-beijing', zoneId: 'cn-beijing-a', vpcId: 'vpc-1', mode: 'token' });
  assert.equal(action.command, COMMAND.attachRole);
  const expected: NodeRef = { kind: 'instance', regionId: 'cn-beijing', instanceId: 'i-1' };
  assert.deepEqual(action.args, [expected]);
  assert.ok(isNodeRef(action.args![0]));
  assert.deepEqual(attachRoleAction(undefined).args, []);
});

test('Refresh and Open Settings', () => {
  assert.deepEqual(refreshAction(), { label: { template: 'Refresh', args: [] }, command: COMMAND.refreshInstanceCredential });
  assert.deepEqual(openSettingsAction('alicloudKms.defaultKey').args, ['alicloudKms.defaultKey']);
});
