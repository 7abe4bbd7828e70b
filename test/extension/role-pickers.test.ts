// The pickers of the instance-role commands in the real extension against the emulator (issue 15):
// roles ECS cannot assume are marked with the reason and listed apart (verdicts reused from the RAM Roles
// view: no GetRole of their own), picking one offers Add ECS as Trusted Service before going on; Attach
// Role's region pick lists the regions with instances first; Connect with Remote-SSH without the Remote - SSH
// extension asks nothing. Outcomes are read back with the real SDK, not through the extension's code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type RamClient from '@alicloud/ram20150501';
import { clients } from '../emulator/sdkClients';
import { extensionLog } from './support/logCapture';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { runScripted } from './support/scriptedPrompter';
import { instanceNodes, roleNode } from './support/workflowTrees';

const WEB2 = 'i-bp1demo0000000000002'; // cn-hangzhou, no role
const WEB1 = 'i-bp1demo0000000000001'; // cn-hangzhou, public IP 47.96.10.1

describe('role pickers: trust marks, the fix, regions with instances (emulator, scripted answers)', function () {
  this.timeout(120_000);
  let s: EmulatorSession;
  let ram: RamClient;
  const models = () => require('@alicloud/ram20150501') as typeof import('@alicloud/ram20150501');
  const trustOf = async (roleName: string) => (await ram.getRole(new (models().GetRoleRequest)({ roleName }))).body!.role!.assumeRolePolicyDocument!;
  const calls = (action: string) => s.emulator.calls.byAction[action] ?? 0;

  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
    // Discovered regions (no choice in the settings): the Instances view then knows where instances are.
    await vscode.workspace.getConfiguration('alicloudKms').update('regions', undefined, vscode.ConfigurationTarget.Global);
    ram = clients(s.emulator.api, { accessKeyId: s.emulator.accessKeyId, accessKeySecret: s.emulator.accessKeySecret }).ram;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it('Attach Role: FcInvokeRole and OpsAdminRole are marked with why, after the others, at no GetRole; picking FcInvokeRole offers the fix, which makes ECS trusted before the attach', async () => {
    const web2 = (await instanceNodes(s.api, 'cn-hangzhou')).get(WEB2)!;
    await roleNode(s.api, 'EcsKmsAccessRole'); // the RAM Roles view has read the trust policies
    const getRoles = calls('GetRole');
    let getRolesOfThePick = -1;
    const p = await runScripted(s.api, [
      { pick: 'FcInvokeRole', expect: /Select the RAM role to attach/ },
      {
        button: 'Add ECS as Trusted Service', expect: /^Role FcInvokeRole: ECS cannot assume it: its trust policy trusts fc\.aliyuncs\.com\..*InvalidRamRole\.NotEcsRole/,
        then: () => { getRolesOfThePick = calls('GetRole') - getRoles; },
      },
      { button: 'Update', expect: /Update the trust policy of role FcInvokeRole/ },
      { button: 'Attach', expect: /Attach the RAM role FcInvokeRole to 1 instance/ },
    ], 'alicloudKms.attachRole', web2);
    p.assertDone();
    assert.equal(getRolesOfThePick, 0, 'the verdicts came from the Roles view');
    const shown = p.asked[0].shown!;
    const separator = shown.indexOf('--- ECS cannot assume these roles');
    assert.ok(separator > 0, JSON.stringify(shown));
    assert.deepEqual(shown.slice(0, separator).map((x) => x.split(' | ')[0]).sort(), ['EcsKmsAccessRole', 'EcsNoPermissionRole', 'EcsSecretsReaderRole']);
    assert.deepEqual(shown.slice(separator + 1).map((x) => x.split(' | ')[0]).sort(), ['FcInvokeRole', 'OpsAdminRole']);
    assert.ok(shown.includes('FcInvokeRole | ECS cannot assume it · Function Compute service role. | ECS cannot assume it: its trust policy trusts fc.aliyuncs.com'), JSON.stringify(shown));
    assert.match(shown.find((x) => x.startsWith('OpsAdminRole'))!, /ECS cannot assume it: its trust policy trusts acs:ram::1688000000000001:root/);
    assert.ok(!shown.some((x) => x.startsWith('AliyunServiceRoleFor')), 'no service-linked role for an instance');
    assert.match(await trustOf('FcInvokeRole'), /ecs\.aliyuncs\.com/);
    assert.equal(s.emulator.account.instances.get(WEB2)!.ramRole, 'FcInvokeRole');
  });

  it('Create Instance with Role: Choose Another Role shows the same list again; the dry run still refuses a role whose trust changed after the pick', async () => {
    const runs = calls('RunInstances');
    const p = await runScripted(s.api, [
      { pick: 'cn-hangzhou', expect: /region/ },
      { pick: 'demo-vpc-cn-hangzhou', expect: /VPC/ },
      { pick: 'demo-vsw-cn-hangzhou-b', expect: /vSwitch/ },
      { input: 'ecs.g7.large', expect: /instance type/ },
      { pickDefault: true, expect: /image/ },
      { pick: 'demo-web', expect: /security group/ },
      { pick: 'No public IP', expect: /public IP/ },
      { input: 'picker-1', expect: /instance name/ },
      { pick: 'Set later', expect: /login/ },
      { pick: 'OpsAdminRole', expect: /instance RAM role/ },
      {
        button: 'Choose Another Role', expect: /^Role OpsAdminRole: .*InvalidRamRole\.NotEcsRole/,
        // Someone takes ECS out of EcsNoPermissionRole's trust while the list is open.
        then: () => { s.emulator.account.roles.get('ecsnopermissionrole')!.trustPolicy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['fc.aliyuncs.com'] } }] }); },
      },
      { pick: 'EcsNoPermissionRole', expect: /instance RAM role/ },
    ], 'alicloudKms.createInstanceWithRole');
    p.assertDone();
    assert.equal(calls('RunInstances') - runs, 1, 'only the dry run, which ECS refused');
    assert.ok(!p.asked.some((a) => a.kind === 'modal' && /Create this ECS instance/.test(a.text)), 'no confirmation after a refused dry run');
    assert.match(await extensionLog(/createInstanceWithRole failed:[\s\S]*InvalidRamRole\.NotEcsRole/), /createInstanceWithRole failed:[\s\S]*InvalidRamRole\.NotEcsRole/);
    s.emulator.account.roles.get('ecsnopermissionrole')!.trustPolicy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } }] });
  });

  it('Attach Role from a role node: the regions with instances first, with their count when the view has listed them', async () => {
    s.api.trees.instances.refresh();
    await instanceNodes(s.api, 'cn-hangzhou'); // discovery, and cn-hangzhou's list
    const p = await runScripted(s.api, [
      { pick: 'cn-beijing', expect: /region/i },
      { pick: ['report-1'], expect: /Attach EcsSecretsReaderRole to instances/ },
      { button: undefined, expect: /Attach the RAM role EcsSecretsReaderRole to 1 instance/ },
    ], 'alicloudKms.attachRole', await roleNode(s.api, 'EcsSecretsReaderRole'));
    p.assertDone();
    const regions = p.asked[0].shown!;
    assert.deepEqual(regions.slice(0, 4).map((x) => x.split(' | ')[0]), ['cn-hangzhou', 'cn-beijing', 'cn-shanghai', '--- Regions without instances in the ECS Instances view']);
    assert.match(regions[0], /· 4 instance\(s\)/);
    assert.match(regions[1], /· has instances/);
    assert.ok(regions.length > 20, 'the other regions stay offered');
    assert.equal(s.emulator.account.instances.get('i-2zedemo0000000000001')!.ramRole, '', 'dismissed: nothing attached');
  });

  it('Connect with Remote-SSH without the Remote - SSH extension: a clear message, no question asked', async function () {
    if (vscode.extensions.getExtension('ms-vscode-remote.remote-ssh')) this.skip();
    const web1 = (await instanceNodes(s.api, 'cn-hangzhou')).get(WEB1)!;
    const p = await runScripted(s.api, [], 'alicloudKms.connectRemoteSsh', web1);
    p.assertDone();
    assert.deepEqual(p.asked, []);
    assert.match(await extensionLog(/connectRemoteSsh failed/), /connectRemoteSsh failed:[\s\S]*Install the Remote - SSH extension/);
  });
});

describe('role pickers: the call budget over 2,000 roles (emulator, scripted answers)', function () {
  this.timeout(120_000);
  let s: EmulatorSession;

  before(async () => { s = await connectToEmulator({ scenario: 'large' }); });
  after(async () => { await s?.dispose(); });

  it('Grant KMS Access from the palette, the Roles view not loaded: ListRoles pages, 25 GetRole for the list, one more for a role picked beyond them', async () => {
    s.emulator.resetCalls();
    const p = await runScripted(s.api, [
      { pick: 'role-1500', expect: /Grant KMS access to which RAM role/ },
      { pick: 'AliyunKMSCryptoUserAccess' },
      { button: undefined, expect: /AliyunKMSCryptoUserAccess/ },
    ], 'alicloudKms.grantKmsAccess');
    p.assertDone();
    const calls = s.emulator.calls.byAction;
    assert.equal(calls.ListRoles, 20, '2,000 roles, 100 a page');
    assert.equal(calls.GetRole, 26, JSON.stringify(calls));
    assert.equal(p.asked[0].items!.length, 1910, 'every role but the 90 service-linked ones');
  });
});
