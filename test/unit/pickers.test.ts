// The palette's pickers (src/commands/pickers.ts), with scripted answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudServices } from '../../src/cloud/types';
import { pickRegion, pickRole } from '../../src/commands/pickers';
import { FakePrompter } from './support/fakePrompter';

test('pickRegion: the profile\'s region comes first and is preselected', async () => {
  const ui = new FakePrompter([{ pickDefault: true }]);
  const services = { regionId: 'cn-shanghai', ecs: { describeRegions: async () => ['cn-qingdao', 'cn-beijing', 'cn-shanghai', 'cn-hangzhou'].map((regionId) => ({ regionId })) } };
  assert.equal(await pickRegion(ui, services as unknown as CloudServices, 'Region'), 'cn-shanghai');
  assert.deepEqual(ui.asked[0].items, ['cn-shanghai', 'cn-qingdao', 'cn-beijing', 'cn-hangzhou']);
});

test('pickRole: every role for a role command; no service-linked role when the role is for an instance', async () => {
  async function* roles() { yield* ['AppRole', 'AliyunServiceRoleForOss', 'OpsRole'].map((roleName) => ({ roleName })); }
  const services = { ram: { listRoles: roles } } as unknown as CloudServices;
  const any = new FakePrompter([{ pick: 'AliyunServiceRoleForOss' }]);
  assert.equal(await pickRole(any, services, 'Role'), 'AliyunServiceRoleForOss');
  const forInstance = new FakePrompter([{ pick: 'AppRole' }]);
  await pickRole(forInstance, services, 'Role', { instanceRoles: true });
  assert.deepEqual(forInstance.asked[0].items, ['AppRole', 'OpsRole']);
});
