// Edit and revoke (issue 15) in the real extension against the emulator: every question answered by a
// script, every outcome read back with the real Alibaba Cloud SDKs (not through the extension's code):
// trust policy edited and saved, a concurrent change refused, Add ECS as Trusted Service, a custom
// policy saved as a new version (also at RAM's five-version limit), Set as Default, Detach Policy,
// Revoke KMS Access, Delete Policy, Enable Key.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type RamClient from '@alicloud/ram20150501';
import { clients, codeOf } from '../emulator/sdkClients';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { runScripted, ScriptedPrompter, type Step } from './support/scriptedPrompter';

const ECS_TRUST = { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }], Version: '1' };

describe('repair: edit and revoke (emulator, read back with the real SDK)', function () {
  this.timeout(240_000);
  let s: EmulatorSession;
  let ram: RamClient;
  let sdk: ReturnType<typeof clients>;
  const models = () => require('@alicloud/ram20150501') as typeof import('@alicloud/ram20150501');

  const trustOf = async (roleName: string) =>
    JSON.parse((await ram.getRole(new (models().GetRoleRequest)({ roleName }))).body!.role!.assumeRolePolicyDocument!) as { Statement: { Principal: Record<string, string[]> }[] };
  const versionsOf = async (policyName: string) =>
    ((await ram.listPolicyVersions(new (models().ListPolicyVersionsRequest)({ policyName, policyType: 'Custom' }))).body!.policyVersions!.policyVersion ?? [])
      .map((v) => `${v.versionId}${v.isDefaultVersion ? '*' : ''}`);
  const policiesOf = async (roleName: string) =>
    ((await ram.listPoliciesForRole(new (models().ListPoliciesForRoleRequest)({ roleName }))).body!.policies!.policy ?? []).map((p) => p.policyName);

  /** Polls until `done` holds (the write reaches the provider after VS Code's save participants, not when save() resolves). */
  async function until(done: () => boolean, what: string): Promise<void> {
    for (let waited = 0; !done(); waited += 100) {
      if (waited > 60_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Opens an alicloud-ram: document through the command, replaces its text and saves it with `steps`
   * answering; waits until the save is over: the document is clean (saved) or the refusal was asked
   * and answered (`refused`).
   */
  async function editAndSave(command: string, ref: unknown, newDocument: unknown, steps: Step[], refused?: RegExp): Promise<{ saved: boolean; prompter: ScriptedPrompter }> {
    await vscode.commands.executeCommand(command, ref);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'alicloud-ram');
    const all = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
    await editor.edit((e) => e.replace(all, JSON.stringify(newDocument, null, 4)));
    const prompter = new ScriptedPrompter(steps);
    s.api.usePrompter(prompter);
    try {
      await editor.document.save();
      if (refused) {
        await until(() => prompter.asked.some((a) => refused.test(a.text)), 'the refusal');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      } else {
        await until(() => !editor.document.isDirty || prompter.problems.length > 0, 'the save');
      }
      return { saved: !editor.document.isDirty, prompter };
    } finally {
      s.api.usePrompter(undefined);
    }
  }

  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
    sdk = clients(s.emulator.api, { accessKeyId: s.emulator.accessKeyId, accessKeySecret: s.emulator.accessKeySecret });
    ram = sdk.ram;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it('Edit Trust Policy: the role opens editable; Save shows the UpdateRole confirmation and RAM holds the new policy', async () => {
    const wanted = { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['fc.aliyuncs.com', 'ecs.aliyuncs.com'] } }], Version: '1' };
    const { saved, prompter } = await editAndSave('alicloudKms.editTrustPolicy', { kind: 'role', roleName: 'FcInvokeRole' }, wanted,
      [{ button: 'Update', expect: /Update the trust policy of role FcInvokeRole/ }]);
    prompter.assertDone();
    assert.equal(saved, true);
    assert.deepEqual(await trustOf('FcInvokeRole'), wanted);
    assert.equal(vscode.window.activeTextEditor!.document.isDirty, false);
  });

  it('a trust policy changed in RAM after it was opened is not overwritten: the save is refused, the edits stay', async () => {
    await vscode.commands.executeCommand('alicloudKms.editTrustPolicy', { kind: 'role', roleName: 'EcsNoPermissionRole' });
    const theirs = { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com', 'oos.aliyuncs.com'] } }], Version: '1' };
    await ram.updateRole(new (models().UpdateRoleRequest)({ roleName: 'EcsNoPermissionRole', newAssumeRolePolicyDocument: JSON.stringify(theirs) }));
    const mine = { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['cs.aliyuncs.com'] } }], Version: '1' };
    const { saved, prompter } = await editAndSave('alicloudKms.editTrustPolicy', { kind: 'role', roleName: 'EcsNoPermissionRole' }, mine,
      [{ button: undefined, expect: /changed in RAM after you opened it/ }], /changed in RAM after you opened it/);
    prompter.assertDone();
    assert.equal(saved, false, 'the save must fail');
    assert.deepEqual(await trustOf('EcsNoPermissionRole'), theirs, 'RAM keeps the concurrent change');
    assert.equal(vscode.window.activeTextEditor!.document.isDirty, true, 'the edits are kept');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Add ECS as Trusted Service: an account-trusted role gets an ECS statement, the account statement is kept', async () => {
    const p = await runScripted(s.api, [{ button: 'Update', expect: /Update the trust policy of role OpsAdminRole/ }], 'alicloudKms.addEcsTrust', { kind: 'role', roleName: 'OpsAdminRole' });
    p.assertDone();
    const trust = await trustOf('OpsAdminRole');
    assert.equal(trust.Statement.length, 2);
    assert.ok(trust.Statement[0].Principal.RAM, 'the account statement is kept');
    // The added statement is the normalized form of the ECS trust statement (Action as a one-item list).
    assert.deepEqual(trust.Statement[1], { ...ECS_TRUST.Statement[0], Action: ['sts:AssumeRole'] });
  });

  it('Edit Policy: Save creates a new default version; at the five-version limit the oldest non-default one is deleted first', async () => {
    const doc = (action: string) => ({ Version: '1', Statement: [{ Effect: 'Allow', Action: [action], Resource: '*' }] });
    let r = await editAndSave('alicloudKms.editPolicy', { kind: 'policy', policyName: 'DemoKmsEncryptDecrypt', policyType: 'Custom' }, doc('kms:Decrypt'),
      [{ button: 'Save', expect: /Save the policy DemoKmsEncryptDecrypt as a new default version/ }]);
    r.prompter.assertDone();
    assert.equal(r.saved, true);
    assert.deepEqual(await versionsOf('DemoKmsEncryptDecrypt'), ['v1', 'v2*']);
    for (const action of ['kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey']) {
      await ram.createPolicyVersion(new (models().CreatePolicyVersionRequest)({ policyName: 'DemoKmsEncryptDecrypt', policyDocument: JSON.stringify(doc(action)), setAsDefault: false }));
    }
    assert.deepEqual(await versionsOf('DemoKmsEncryptDecrypt'), ['v1', 'v2*', 'v3', 'v4', 'v5']);
    r = await editAndSave('alicloudKms.editPolicy', { kind: 'policy', policyName: 'DemoKmsEncryptDecrypt', policyType: 'Custom' }, doc('kms:Encrypt'),
      [{ button: 'Save', expect: /new default version/ }]);
    r.prompter.assertDone();
    assert.equal(r.saved, true);
    assert.deepEqual(await versionsOf('DemoKmsEncryptDecrypt'), ['v2', 'v3', 'v4', 'v5', 'v6*'], 'v1 (oldest non-default) made room');
  });

  it('Set as Default Version on a version node', async () => {
    const p = await runScripted(s.api, [{ button: 'Set as Default', expect: /Make version v3 the default of policy DemoKmsEncryptDecrypt/ }],
      'alicloudKms.setDefaultPolicyVersion', { kind: 'policyVersion', policyName: 'DemoKmsEncryptDecrypt', policyType: 'Custom', versionId: 'v3', isDefault: false });
    p.assertDone();
    assert.deepEqual(await versionsOf('DemoKmsEncryptDecrypt'), ['v2', 'v3*', 'v4', 'v5', 'v6']);
  });

  it('Delete Policy deletes the non-default versions first, then the policy', async () => {
    const p = await runScripted(s.api, [{ button: 'Delete', expect: /Delete the custom policy DemoKmsEncryptDecrypt/ }], 'alicloudKms.deletePolicy',
      { kind: 'policy', policyName: 'DemoKmsEncryptDecrypt', policyType: 'Custom' });
    p.assertDone();
    const gone = await ram.getPolicy(new (models().GetPolicyRequest)({ policyName: 'DemoKmsEncryptDecrypt', policyType: 'Custom' })).then(() => 'exists', codeOf);
    assert.equal(gone, 'EntityNotExist.Policy');
  });

  it('Detach Policy removes one policy from the role', async () => {
    const p = await runScripted(s.api, [{ button: 'Detach', expect: /Detach System policy AliyunKMSSecretUserAccess from role EcsSecretsReaderRole/ }],
      'alicloudKms.detachPolicy', { kind: 'policy', policyName: 'AliyunKMSSecretUserAccess', policyType: 'System', roleName: 'EcsSecretsReaderRole' });
    p.assertDone();
    assert.deepEqual(await policiesOf('EcsSecretsReaderRole'), []);
  });

  it('Revoke KMS Access detaches every KMS-granting policy of the role, named first', async () => {
    const p = await runScripted(s.api, [{ button: 'Revoke', expect: /Revoke KMS access from role EcsKmsAccessRole by detaching 1 policies/ }],
      'alicloudKms.revokeKmsAccess', { kind: 'role', roleName: 'EcsKmsAccessRole' });
    p.assertDone();
    assert.deepEqual(await policiesOf('EcsKmsAccessRole'), []);
  });

  it('Enable Key turns the disabled demo key on', async () => {
    const p = await runScripted(s.api, [{ button: 'Enable', expect: /Enable key key-hzzdemo0000000000002 in cn-hangzhou/ }],
      'alicloudKms.enableKey', { kind: 'key', regionId: 'cn-hangzhou', keyId: 'key-hzzdemo0000000000002' });
    p.assertDone();
    const kms = sdk.kms;
    const { DescribeKeyRequest } = require('@alicloud/kms20160120') as typeof import('@alicloud/kms20160120');
    const state = (await kms.describeKey(new DescribeKeyRequest({ keyId: 'key-hzzdemo0000000000002' }))).keyMetadata?.keyState;
    assert.equal(state, 'Enabled');
  });
});
