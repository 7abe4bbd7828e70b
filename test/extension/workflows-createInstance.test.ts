// Create Instance with Role: the wizard, the dry run first, and nothing created without the explicit
// confirmation; with it, the instance exists with the role, in the vSwitch's zone, with the image picked
// from DescribeImages and, when asked for, a public IP (read back from the emulator with the real SDK).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type EcsClient from '@alicloud/ecs20140526';
import { clients } from '../emulator/sdkClients';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { DEFAULT, runScripted, type Step } from './support/scriptedPrompter';

const PASSWORD = 'Wf-Test-Passw0rd';
const ALINUX3 = 'Alibaba Cloud Linux 3.2104 LTS 64 bit';

/** The public IP answers: none, or a bandwidth (150 is refused first: 1 to 100). */
const publicIp = (mbps?: number): Step[] => (mbps === undefined
  ? [{ pick: 'No public IP', expect: /public IP \| Public IP\?/ }]
  : [{ pick: 'Public IP', expect: /public IP \| Public IP\?/ }, { input: '150', rejects: /from 1 to 100/ }, { input: String(mbps) }]);

function wizard(confirm: string | undefined, role = 'EcsKmsAccessRole', mbps?: number): Step[] {
  const steps: Step[] = [
    { pick: 'cn-hangzhou', expect: /region/ },
    { pick: 'demo-vpc-cn-hangzhou', expect: /VPC/ },
    { pick: 'demo-vsw-cn-hangzhou-b', expect: /vSwitch/ },
    { input: 'g7.large', rejects: /instance types look like ecs\.g7\.large/ },
    { input: DEFAULT },
    { pickDefault: true, expect: /image \| Public Linux images of cn-hangzhou that run on ecs\.g7\.large/ },
    { pick: 'demo-web', expect: /security group/ },
    ...publicIp(mbps),
    { input: 'wf-app-1', expect: /instance name/ },
    { pick: 'Password', expect: /login/ },
    { input: 'short', rejects: /8 to 30 characters/ },
    { input: PASSWORD },
    { pick: role, expect: /instance RAM role/ },
    { button: 'Copy CLI Command', expect: /Dry run passed/ },
    { button: 'Show CLI Command', expect: /Dry run passed/ },
    { button: confirm, expect: /Dry run passed/ },
  ];
  return steps;
}

describe('createInstanceWithRole (emulator, scripted answers)', function () {
  this.timeout(60_000);
  let s: EmulatorSession;
  const instances = () => [...s.emulator.account.instances.values()];

  before(async () => { s = await connectToEmulator({ scenario: 'demo' }); });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it('runs RunInstances with DryRun first; dismissing the confirmation creates nothing', async () => {
    const count = instances().length;
    const p = await runScripted(s.api, wizard(undefined), 'alicloudKms.createInstanceWithRole');
    p.assertDone();
    assert.equal(s.emulator.calls.byAction.RunInstances, 1, 'exactly one call: the dry run');
    assert.equal(s.emulator.calls.byAction.DescribeImages, 1, 'the image list is one DescribeImages call');
    const images = p.asked.find((a) => /: image/.test(a.text))?.items ?? [];
    assert.equal(images[0], ALINUX3, 'Alibaba Cloud Linux 3 first (preselected)');
    assert.ok(images.includes('Ubuntu  22.04 64 bit') && images.at(-1) === 'Enter an image id…', JSON.stringify(images));
    assert.ok(!images.some((l) => /ARM|Windows|2\.1903/.test(l)), 'only images ecs.g7.large runs: x86_64 Linux, available');
    assert.equal(instances().length, count);
    const cli = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('aliyun-cli.sh'))?.getText() ?? '';
    assert.match(cli, /aliyun ecs RunInstances --RegionId cn-hangzhou .*--VSwitchId vsw-bp1demo02 .*--RamRoleName EcsKmsAccessRole/);
    assert.match(cli, /--Password "\$ALIYUN_ECS_PASSWORD"/);
    assert.match(cli, /--ImageId aliyun_3_x64_20G_alibase_20240819\.vhd /);
    assert.ok(!cli.includes('--InternetMaxBandwidthOut'), 'no public IP asked: no bandwidth in the command');
    assert.ok(!cli.includes(PASSWORD), 'the password must never appear in the CLI text');
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /aliyun ecs RunInstances --RegionId cn-hangzhou/);
    assert.ok(!copied.includes(PASSWORD));
  });

  it('a role ECS cannot assume is questioned before the dry run (fix it or choose another); dismissing creates nothing and calls nothing', async () => {
    const count = instances().length;
    const runs = s.emulator.calls.byAction.RunInstances ?? 0;
    const p = await runScripted(s.api, [
      ...wizard(undefined, 'OpsAdminRole').slice(0, -3),
      { button: undefined, expect: /^Role OpsAdminRole: ECS cannot assume it: its trust policy trusts acs:ram::1688000000000001:root\..*first\?$/ },
    ], 'alicloudKms.createInstanceWithRole');
    p.assertDone();
    assert.equal((s.emulator.calls.byAction.RunInstances ?? 0) - runs, 0, 'no dry run: the wizard stopped at the question');
    assert.equal(instances().length, count);
    // The dry run refusing a role whose trust changed after the pick: test/extension/role-pickers.test.ts.
  });

  it('from a region node (the explorer\'s empty-region link): the region is not asked', async () => {
    await vscode.workspace.getConfiguration('alicloudKms').update('regions', ['cn-hangzhou'], vscode.ConfigurationTarget.Global);
    const [region] = await s.api.trees.instances.getChildren();
    assert.equal((region as { regionId?: string }).regionId, 'cn-hangzhou');
    const runs = s.emulator.calls.byAction.RunInstances ?? 0;
    const p = await runScripted(s.api, wizard(undefined).slice(1), 'alicloudKms.createInstanceWithRole', region);
    p.assertDone();
    assert.equal((s.emulator.calls.byAction.RunInstances ?? 0) - runs, 1, 'only the dry run');
  });

  it('with the confirmation, creates the instance with the role in the vSwitch zone, the picked image and a public IP', async () => {
    const before = new Set(instances().map((i) => i.id));
    const p = await runScripted(s.api, wizard('Create Instance (Billed)', 'EcsKmsAccessRole', 10), 'alicloudKms.createInstanceWithRole');
    p.assertDone();
    // "Copy CLI Command" was pressed on the confirmation: the clipboard holds this run's command.
    assert.match(await vscode.env.clipboard.readText(), /aliyun ecs RunInstances .*--InternetMaxBandwidthOut 10 --InternetChargeType PayByTraffic/, 'the CLI equivalent asks for the public IP');
    const created = instances().filter((i) => !before.has(i.id));
    assert.equal(created.length, 1);
    // Read back from the emulator with the real SDK (not with the extension's code).
    const sdk: EcsClient = clients(s.emulator.api, { accessKeyId: s.emulator.accessKeyId, accessKeySecret: s.emulator.accessKeySecret }).ecs;
    const Ecs = require('@alicloud/ecs20140526') as typeof import('@alicloud/ecs20140526');
    const [made] = (await sdk.describeInstances(new Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', instanceIds: JSON.stringify([created[0].id]) }))).body!.instances!.instance!;
    assert.match(made.publicIpAddress?.ipAddress?.[0] ?? '', /^\d+\.\d+\.\d+\.\d+$/, 'the instance has a public IP');
    assert.deepEqual([made.internetMaxBandwidthOut, made.internetChargeType, made.imageId], [10, 'PayByTraffic', 'aliyun_3_x64_20G_alibase_20240819.vhd']);
    assert.equal(created[0].ramRole, 'EcsKmsAccessRole');
    assert.equal(created[0].vSwitchId, 'vsw-bp1demo02');
    assert.equal(created[0].zone, s.emulator.account.vswitches.get('vsw-bp1demo02')!.zone);
    assert.equal(created[0].name, 'wf-app-1');
    assert.ok(p.notifications.some((n) => n.includes(created[0].id) && n.includes(`public IP ${made.publicIpAddress!.ipAddress![0]}`)), JSON.stringify(p.notifications));
    assert.ok(!JSON.stringify(p.asked).includes(PASSWORD), 'the prompter record never holds the password');
  });
});
