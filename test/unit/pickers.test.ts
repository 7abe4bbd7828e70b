// The palette's pickers (src/commands/pickers.ts), with scripted answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudServices } from '../../src/cloud/types';
import { pickRegion, pickRole } from '../../src/commands/pickers';
import { englishL10n, FakePrompter } from './support/fakePrompter';

const regionServices = (regionId: string) => ({
  regionId,
  ecs: { describeRegions: async () => ['cn-qingdao', 'cn-beijing', 'cn-shanghai', 'cn-hangzhou', 'cn-shenzhen'].map((r) => ({ regionId: r, localName: `name ${r}` })) },
}) as unknown as CloudServices;

test('pickRegion: the profile\'s region comes first and is preselected', async () => {
  const ui = new FakePrompter([{ pickDefault: true }]);
  assert.equal(await pickRegion(ui, regionServices('cn-shanghai'), 'Region'), 'cn-shanghai');
  assert.deepEqual(ui.asked[0].items, ['cn-shanghai', 'cn-qingdao', 'cn-beijing', 'cn-hangzhou', 'cn-shenzhen']);
});

test('pickRegion with the Instances view\'s knowledge: regions with instances first, with their count; then the rest', async () => {
  const known = [
    { regionId: 'cn-beijing', instances: 2, more: false },
    { regionId: 'cn-shanghai' },
    { regionId: 'cn-shenzhen', instances: 100, more: true },
  ];
  const ui = new FakePrompter([{ pickDefault: true }]);
  // The profile's region (cn-shanghai) has instances: first among them, preselected.
  assert.equal(await pickRegion(ui, regionServices('cn-shanghai'), 'Region', { l10n: englishL10n, known }), 'cn-shanghai');
  assert.deepEqual(ui.asked[0].items, ['cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-qingdao', 'cn-hangzhou']);
  assert.deepEqual(ui.asked[0].shown, [
    'cn-shanghai | name cn-shanghai · has instances | ',
    'cn-beijing | name cn-beijing · 2 instance(s) | ',
    'cn-shenzhen | name cn-shenzhen · 100+ instances | ',
    '--- Regions without instances in the ECS Instances view',
    'cn-qingdao | name cn-qingdao | ',
    'cn-hangzhou | name cn-hangzhou | ',
  ]);

  // The profile's region has none: the first region with instances is the default answer.
  const elsewhere = new FakePrompter([{ pickDefault: true }]);
  assert.equal(await pickRegion(elsewhere, regionServices('cn-hangzhou'), 'Region', { l10n: englishL10n, known }), 'cn-beijing');
  // Nothing known (the view has not loaded): the catalogue order, the profile's region first.
  const none = new FakePrompter([{ pickDefault: true }]);
  assert.equal(await pickRegion(none, regionServices('cn-hangzhou'), 'Region', { l10n: englishL10n, known: [] }), 'cn-hangzhou');
  assert.deepEqual(none.asked[0].shown?.filter((s) => s.startsWith('---')), []);
});

test('pickRole: every role, service-linked ones included (a role command, not a role for an instance)', async () => {
  async function* roles() { yield* ['AppRole', 'AliyunServiceRoleForOss', 'OpsRole'].map((roleName) => ({ roleName })); }
  const services = { ram: { listRoles: roles } } as unknown as CloudServices;
  const any = new FakePrompter([{ pick: 'AliyunServiceRoleForOss' }]);
  assert.equal(await pickRole(any, services, 'Role'), 'AliyunServiceRoleForOss');
  assert.deepEqual(any.asked[0].items, ['AppRole', 'AliyunServiceRoleForOss', 'OpsRole']);
});
