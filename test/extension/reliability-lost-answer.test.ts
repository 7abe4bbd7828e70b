// Lost answers in the real extension: between the extension and the emulator sits a loopback proxy
// (test/support/dropAnswerProxy.ts) that forwards a mutating request, lets the emulator act, and then
// resets the connection instead of answering. Each command must report what really happened — read back
// from the service — not "failed" because the resend found the change already made. The outcome is
// checked with the real SDK straight against the emulator, the report in the prompter and the log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type RamClient from '@alicloud/ram20150501';
import { clients, codeOf } from '../emulator/sdkClients';
import { startDropAnswerProxy, type DropAnswerProxy } from '../support/dropAnswerProxy';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { extensionLog } from './support/logCapture';
import { runScripted, type Step } from './support/scriptedPrompter';

describe('reliability: a lost answer is reported as what really happened (drop-answer proxy)', function () {
  this.timeout(180_000);
  let s: EmulatorSession;
  let proxy: DropAnswerProxy;
  let sdk: ReturnType<typeof clients>;
  let ram: RamClient;
  const models = () => require('@alicloud/ram20150501') as typeof import('@alicloud/ram20150501');
  const roleOf = (id: string) => s.emulator.account.instances.get(id)!.ramRole;
  const policiesOf = async (roleName: string) =>
    ((await ram.listPoliciesForRole(new (models().ListPoliciesForRoleRequest)({ roleName }))).body!.policies!.policy ?? []).map((p) => p.policyName);

  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
    sdk = clients(s.emulator.api, { accessKeyId: s.emulator.accessKeyId, accessKeySecret: s.emulator.accessKeySecret });
    ram = sdk.ram;
    proxy = await startDropAnswerProxy(s.emulator.api);
    const through = proxy.endpoint;
    await vscode.workspace.getConfiguration('alicloudKms').update('endpoints', { ram: through, ecs: through, kms: through, sts: through }, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await s?.dispose();
    await proxy?.close();
  });

  /** The extension's log, once it shows `line` (failing the test when it never does). */
  async function logShows(line: RegExp): Promise<string> {
    const log = await extensionLog(line);
    assert.match(log, line);
    return log;
  }

  /** Loses the next answer of each action (one or more) while the command runs with `steps`; the answers must really have been lost. */
  async function losing(actions: string | string[], steps: Step[], command: string, ref: unknown) {
    const list = typeof actions === 'string' ? [actions] : actions;
    const before = proxy.dropped.length;
    for (const action of list) proxy.dropNext(action);
    try {
      const p = await runScripted(s.api, steps, command, ref);
      p.assertDone();
      assert.deepEqual(proxy.dropped.slice(before), list, `the answers of ${list.join(', ')} were lost`);
      return p;
    } finally {
      proxy.clear();
    }
  }

  it('Detach Role: the resend finds the role gone; the instance is reported detached, and the log says the answer was lost', async () => {
    const p = await losing('DetachInstanceRamRole', [{ button: 'Detach', expect: /Detach the RAM role from 1 instance/ }],
      'alicloudKms.detachRole', { kind: 'instance', regionId: 'cn-shanghai', instanceId: 'i-uf6demo0000000000001' });
    assert.equal(roleOf('i-uf6demo0000000000001'), '');
    assert.ok(p.notifications.some((n) => /Detach role: 1 succeeded, 0 failed.*Some answers were lost on the way/.test(n)), p.notifications.join('\n'));
    await logShows(/i-uf6demo0000000000001 .*detach succeeded \(the answer was lost/);
  });

  it('Replace Role with the detach answer lost: the new role is attached, not "Detaching … failed"', async () => {
    const p = await losing('DetachInstanceRamRole', [{ pick: 'EcsNoPermissionRole' }, { button: 'Replace and Attach', expect: /replacing the role of 1/ }],
      'alicloudKms.replaceRole', { kind: 'instance', regionId: 'cn-hangzhou', instanceId: 'i-bp1demo0000000000001' });
    assert.equal(roleOf('i-bp1demo0000000000001'), 'EcsNoPermissionRole');
    assert.ok(p.notifications.some((n) => /Attach EcsNoPermissionRole: 1 succeeded, 0 failed/.test(n)), p.notifications.join('\n'));
  });

  it('Delete Role: the resend\'s EntityNotExist.Role is the deletion that worked', async () => {
    await losing('DeleteRole', [{ button: 'Delete', expect: /Delete the RAM role FcInvokeRole/ }], 'alicloudKms.deleteRole', { kind: 'role', roleName: 'FcInvokeRole' });
    assert.equal(await ram.getRole(new (models().GetRoleRequest)({ roleName: 'FcInvokeRole' })).then(() => 'exists', codeOf), 'EntityNotExist.Role');
    const log = await logShows(/Deleted RAM role FcInvokeRole/);
    assert.match(log, /DeleteRole: the answer was lost \(ECONNRESET\); read back: done/);
    assert.doesNotMatch(log, /DeleteRole failed/);
  });

  it('Detach Policy: the resend\'s EntityNotExist.Role.Policy is the detach that worked', async () => {
    await losing('DetachPolicyFromRole', [{ button: 'Detach', expect: /Detach System policy AliyunKMSSecretUserAccess from role EcsSecretsReaderRole/ }],
      'alicloudKms.detachPolicy', { kind: 'policy', policyName: 'AliyunKMSSecretUserAccess', policyType: 'System', roleName: 'EcsSecretsReaderRole' });
    assert.deepEqual(await policiesOf('EcsSecretsReaderRole'), []);
    await logShows(/Detached System policy AliyunKMSSecretUserAccess from role EcsSecretsReaderRole/);
  });

  it('Set as Default Version, then Delete Policy (its versions first): each reported done once', async () => {
    const doc = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: '*' }] });
    await ram.createPolicyVersion(new (models().CreatePolicyVersionRequest)({ policyName: 'DemoKmsEncryptDecrypt', policyDocument: doc, setAsDefault: false }));
    await losing('SetDefaultPolicyVersion', [{ button: 'Set as Default', expect: /Make version v2 the default of policy DemoKmsEncryptDecrypt/ }],
      'alicloudKms.setDefaultPolicyVersion', { kind: 'policyVersion', policyName: 'DemoKmsEncryptDecrypt', policyType: 'Custom', versionId: 'v2', isDefault: false });
    await logShows(/Set version v2 as the default of policy DemoKmsEncryptDecrypt/);
    await losing(['DeletePolicyVersion', 'DeletePolicy'], [{ button: 'Delete', expect: /Delete the custom policy DemoKmsEncryptDecrypt/ }], 'alicloudKms.deletePolicy',
      { kind: 'policy', policyName: 'DemoKmsEncryptDecrypt', policyType: 'Custom' });
    assert.equal(await ram.getPolicy(new (models().GetPolicyRequest)({ policyName: 'DemoKmsEncryptDecrypt', policyType: 'Custom' })).then(() => 'exists', codeOf), 'EntityNotExist.Policy');
    await logShows(/Deleted custom policy DemoKmsEncryptDecrypt/);
  });

  it('Add ECS as Trusted Service (UpdateRole) and Enable Key: resent, done', async () => {
    await losing('UpdateRole', [{ button: 'Update', expect: /Update the trust policy of role OpsAdminRole/ }], 'alicloudKms.addEcsTrust', { kind: 'role', roleName: 'OpsAdminRole' });
    const trust = (await ram.getRole(new (models().GetRoleRequest)({ roleName: 'OpsAdminRole' }))).body!.role!.assumeRolePolicyDocument!;
    assert.match(trust, /ecs\.aliyuncs\.com/);
    await losing('EnableKey', [{ button: 'Enable', expect: /Enable key key-hzzdemo0000000000002 in cn-hangzhou/ }],
      'alicloudKms.enableKey', { kind: 'key', regionId: 'cn-hangzhou', keyId: 'key-hzzdemo0000000000002' });
    assert.equal(s.emulator.account.keys.get('key-hzzdemo0000000000002')?.state, 'Enabled');
    await logShows(/Enabled key key-hzzdemo0000000000002/);
  });
});
