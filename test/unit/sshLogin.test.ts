// Connect with Remote-SSH's questions (src/commands/sshLogin.ts), with scripted answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EcsInstance } from '../../src/cloud/types';
import { UserCancelledError } from '../../src/commands/cancelled';
import { askSshLogin, rememberedLogin, remoteSshAuthority, validateLinuxUser } from '../../src/commands/sshLogin';
import { englishL10n, FakePrompter } from './support/fakePrompter';

const instance = (publicIpAddress?: string, privateIpAddress?: string): EcsInstance => ({
  instanceId: 'i-web', instanceName: 'web-1', regionId: 'cn-hangzhou', status: 'Running', networkType: 'vpc', securityGroupIds: [], tags: {}, publicIpAddress, privateIpAddress,
});
const BOTH = instance('47.96.10.1', '172.16.0.10');

test('both addresses: asked, each shown with its value; then the user, root and ecs-user offered', async () => {
  const ui = new FakePrompter([{ pick: '172.16.0.10' }, { pick: 'ecs-user' }]);
  assert.deepEqual(await askSshLogin(ui, englishL10n, BOTH, undefined), { user: 'ecs-user', address: 'private', host: '172.16.0.10' });
  assert.deepEqual(ui.asked[0].items, ['47.96.10.1', '172.16.0.10']);
  assert.match(ui.asked[0].shown![0], /^47\.96\.10\.1 \| public IP/);
  assert.match(ui.asked[0].shown![1], /^172\.16\.0\.10 \| private IP/);
  assert.deepEqual(ui.asked[1].items, ['root', 'ecs-user', 'Other…']);
  assert.match(ui.asked[1].text, /Connect to web-1 with Remote-SSH \| Log in to i-web as which user\?/);
  ui.assertDone();
});

test('one address: not asked; no address: a clear message', async () => {
  const ui = new FakePrompter([{ pick: 'root' }]);
  assert.deepEqual(await askSshLogin(ui, englishL10n, instance(undefined, '172.16.0.10'), undefined), { user: 'root', address: 'private', host: '172.16.0.10' });
  assert.equal(ui.asked.length, 1);
  await assert.rejects(askSshLogin(new FakePrompter([]), englishL10n, instance(), undefined), /Instance i-web has no IP address to connect to\./);
});

test('the remembered answers come first', async () => {
  const ui = new FakePrompter([{ pickDefault: true }, { pickDefault: true }]);
  const login = await askSshLogin(ui, englishL10n, BOTH, { user: 'deploy', address: 'private' });
  assert.deepEqual(login, { user: 'deploy', address: 'private', host: '172.16.0.10' });
  assert.deepEqual(ui.asked[1].items, ['deploy', 'root', 'ecs-user', 'Other…']);
  assert.match(ui.asked[1].shown![0], /deploy \| last used for this instance/);
});

test('Other…: a typed user, validated as a Linux user name; Escape cancels', async () => {
  const ui = new FakePrompter([{ pick: '47.96.10.1' }, { pick: 'Other…' }, { input: 'Bad User' }]);
  await assert.rejects(askSshLogin(ui, englishL10n, BOTH, undefined), UserCancelledError);
  assert.match(ui.asked[2].validation ?? '', /Enter a Linux user name/);
  const ok = new FakePrompter([{ pick: '47.96.10.1' }, { pick: 'Other…' }, { input: 'deploy_01' }]);
  assert.deepEqual(await askSshLogin(ok, englishL10n, BOTH, undefined), { user: 'deploy_01', address: 'public', host: '47.96.10.1' });
  await assert.rejects(askSshLogin(new FakePrompter([{ cancel: true }]), englishL10n, BOTH, undefined), UserCancelledError);
});

test('user names: what useradd accepts by default, nothing that could change the authority', () => {
  for (const good of ['root', 'ecs-user', '_svc', 'a1-b_2']) assert.equal(validateLinuxUser(englishL10n, good), undefined, good);
  for (const bad of ['', 'Root', '1user', 'a@b', 'a+b', 'a b', 'a/b', 'x'.repeat(33)]) assert.ok(validateLinuxUser(englishL10n, bad), bad);
  assert.equal(remoteSshAuthority('ecs-user', '47.96.10.1'), 'ssh-remote+ecs-user@47.96.10.1');
});

test('a remembered value is used only when it has the expected shape', () => {
  assert.deepEqual(rememberedLogin({ user: 'root', address: 'public' }), { user: 'root', address: 'public' });
  for (const bad of [undefined, null, 'root', { user: 'root' }, { user: 'a@b', address: 'public' }, { user: 'root', address: 'eip' }]) assert.equal(rememberedLogin(bad), undefined);
});
