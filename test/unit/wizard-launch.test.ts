// Create Instance with Role, step by step with scripted answers (src/commands/wizard/launchSteps.ts).
// The ECS service is a fake of our own interface that records RunInstances (dry run or not).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError, type CloudServices, type EcsImage, type ImageQuery, type RunInstancesInput } from '../../src/cloud/types';
import { UserCancelledError } from '../../src/commands/cancelled';
import {
  confirmLaunchStep, dryRunStep, IMAGE_LIST_LIMIT, imageStep, instanceTypeStep, LAUNCH_PROMPTS, launchExecuteStep, loginDetailStep, loginKindStep,
  publicIpStep, vpcStep, vSwitchStep, type LaunchContext,
} from '../../src/commands/wizard/launchSteps';
import { NO_PROGRESS, Wizard } from '../../src/commands/wizard/wizard';
import type { Prompter } from '../../src/commands/prompter';
import { fakeHost, testWizardContext, type Answer, type Question } from './support/fakePrompter';

const PASSWORD = 'Unit-Test-Passw0rd';

const ALINUX3 = 'Alibaba Cloud Linux 3.2104 LTS 64 bit';
/** As DescribeImages answers: not in the order the step shows them. */
const IMAGES: EcsImage[] = [
  { imageId: 'ubuntu_22_04_x64_20G_alibase_20240710.vhd', osName: 'Ubuntu  22.04 64 bit', platform: 'Ubuntu', architecture: 'x86_64', size: 20, creationTime: '2024-07-11T02:40:18Z' },
  { imageId: 'aliyun_3_x64_20G_alibase_20240101.vhd', imageFamily: 'acs:alibaba_cloud_linux_3_2104_lts_x64', osName: ALINUX3, platform: 'Aliyun', architecture: 'x86_64', size: 20, creationTime: '2024-01-02T00:00:00Z' },
  { imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd', imageFamily: 'acs:alibaba_cloud_linux_3_2104_lts_x64', osName: ALINUX3, platform: 'Aliyun', architecture: 'x86_64', size: 20, creationTime: '2024-08-20T03:13:55Z' },
  { imageId: 'debian_12_6_x64_20G_alibase_20240715.vhd', osName: 'Debian  12.6 64 bit', platform: 'Debian', architecture: 'x86_64', size: 20, creationTime: '2024-07-16T06:05:27Z' },
];

function services(options: { vpcs?: number; refuseDryRun?: boolean; images?: EcsImage[] } = {}) {
  const runs: RunInstancesInput[] = [];
  const imageQueries: { regionId: string; query?: ImageQuery; limit?: number }[] = [];
  async function* each<T>(items: T[]) { yield* items; }
  const fake = {
    regionId: 'cn-hangzhou',
    ram: { listRoles: () => each([{ roleName: 'AppRole' }]) },
    ecs: {
      describeRegions: async () => [{ regionId: 'cn-hangzhou' }],
      listVpcs: async () => Array.from({ length: options.vpcs ?? 1 }, (_, i) => ({ vpcId: `vpc-${i}`, vpcName: `app-vpc-${i}`, cidrBlock: '10.0.0.0/8' })),
      listVSwitches: async (_r: string, q: { vpcId?: string }) => [{ vSwitchId: `vsw-of-${q.vpcId}`, vSwitchName: 'app-vsw', zoneId: 'cn-hangzhou-k', cidrBlock: '10.0.1.0/24', availableIpAddressCount: 250 }],
      listSecurityGroups: async () => [{ securityGroupId: 'sg-1', securityGroupName: 'app-sg' }],
      // The read-back after RunInstances: the last created instance, with a public IP when it asked for bandwidth.
      async *listInstances(regionId: string, o: { filter?: { instanceIds?: readonly string[] } }) {
        const last = runs.at(-1)!;
        yield { instanceId: o.filter!.instanceIds![0], regionId, status: 'Pending', ramRoleName: last.ramRoleName, publicIpAddress: last.internetMaxBandwidthOut ? '47.96.1.2' : undefined };
      },
      listImages: async (regionId: string, query?: ImageQuery, o?: { limit?: number }) => {
        imageQueries.push({ regionId, query, limit: o?.limit });
        return options.images ?? IMAGES;
      },
      runInstances: async (input: RunInstancesInput) => {
        runs.push(input);
        if (input.dryRun && options.refuseDryRun) throw new CloudError({ code: 'InvalidParam.RamRole', message: 'ECS cannot assume the role', requestId: 'REQ-1' });
        return { dryRun: input.dryRun, instanceIds: input.dryRun ? [] : ['i-new'], requestId: 'REQ-2', clientToken: 'token' };
      },
    },
  };
  return { services: fake as unknown as CloudServices, runs, imageQueries };
}

function context(answers: Answer[], preset: Partial<LaunchContext> = {}, s = services(), host = fakeHost()): LaunchContext {
  return { ...testWizardContext(answers, host), services: s.services, ...preset };
}
/** The prompter as the wizard gives it to a step after the first: with the Back button. */
function withBackButton(ui: Prompter): Prompter {
  return {
    ...ui,
    showQuickPick: ((items: never, options?: object) => ui.showQuickPick(items, { ...options, backButton: true })) as Prompter['showQuickPick'],
    showInputBox: (options) => ui.showInputBox({ ...options, backButton: true }),
  };
}
const asked = (c: LaunchContext) => (c.ui as unknown as { asked: Question[]; assertDone(): void }).asked;

test('VPC and vSwitch: the vSwitch list is the chosen VPC\'s, and its zone becomes the instance\'s', async () => {
  const c = context([{ pick: 'app-vpc-1' }, { pick: 'app-vsw' }], { regionId: 'cn-hangzhou' }, services({ vpcs: 2 }));
  await vpcStep.prompt(c);
  await vSwitchStep.prompt(c);
  assert.deepEqual([c.vpcId, c.vSwitchId, c.zoneId], ['vpc-1', 'vsw-of-vpc-1', 'cn-hangzhou-k']);
  const empty = context([], { regionId: 'cn-hangzhou' }, services({ vpcs: 0 }));
  await assert.rejects(vpcStep.prompt(empty), /No VPC in cn-hangzhou: create one in the VPC console first/);
});

test('instance type: a malformed answer is refused in the box with the rule', async () => {
  const c = context([{ input: 'g7.large' }, { input: ' ecs.g7.large ' }], { regionId: 'cn-hangzhou', zoneId: 'cn-hangzhou-k' });
  await assert.rejects(instanceTypeStep.prompt(c), UserCancelledError);
  assert.match(asked(c)[0].validation ?? '', /ecs\.g7\.large/);
  await instanceTypeStep.prompt(c);
  assert.equal(c.instanceType, 'ecs.g7.large', 'trimmed');
});

test('image: one DescribeImages call filtered for the instance type, Alibaba Cloud Linux 3 (newest) first, then by OS name', async () => {
  const s = services();
  const c = context([{ pickDefault: true }], { regionId: 'cn-hangzhou', instanceType: 'ecs.g8y.large' }, s);
  await imageStep.prompt(c);
  assert.deepEqual(s.imageQueries, [{ regionId: 'cn-hangzhou', limit: IMAGE_LIST_LIMIT, query: { imageOwnerAlias: 'system', osType: 'linux', instanceType: 'ecs.g8y.large', status: 'Available' } }]);
  assert.ok(IMAGE_LIST_LIMIT <= 200, 'at most two pages of 100');
  assert.deepEqual(asked(c)[0].items, [ALINUX3, ALINUX3, 'Debian  12.6 64 bit', 'Ubuntu  22.04 64 bit', 'Enter an image id…']);
  assert.equal(c.imageId, 'aliyun_3_x64_20G_alibase_20240819.vhd', 'the preselected first item is the newest Alibaba Cloud Linux 3');
  assert.equal(c.imageOsName, ALINUX3);
  assert.match(asked(c)[0].text, /image \| Public Linux images of cn-hangzhou that run on ecs\.g8y\.large/);
});

test('image: "Enter an image id…" validates the id; Back returns to the list without a new call; Escape cancels', async () => {
  const s = services();
  const c = context([{ pick: 'Enter an image id…' }, { input: 'bad image!' }], { regionId: 'cn-hangzhou', instanceType: 'ecs.g7.large' }, s);
  await assert.rejects(imageStep.prompt(c), UserCancelledError);
  assert.match(asked(c)[1].validation ?? '', /Enter an image id such as/);

  const back = context([{ pick: 'Enter an image id…' }, { back: true }, { pick: 'Enter an image id…' }, { input: ' m-bp1custom0001 ' }], { regionId: 'cn-hangzhou', instanceType: 'ecs.g7.large' }, s);
  back.ui = withBackButton(back.ui);
  await imageStep.prompt(back);
  assert.equal(back.imageId, 'm-bp1custom0001', 'trimmed');
  assert.equal(back.imageOsName, undefined, 'a typed id has no OS name');
  assert.deepEqual(asked(back).map((q) => q.kind), ['quickPick', 'input', 'quickPick', 'input']);
  assert.equal(s.imageQueries.length, 2, 'one call per step run: Back inside the step listed nothing again');

  const empty = context([{ pick: 'Enter an image id…' }, { input: 'aliyun_3_x64_20G_alibase_20240819.vhd' }], { regionId: 'cn-hangzhou', instanceType: 'ecs.g7.large' }, services({ images: [] }));
  await imageStep.prompt(empty);
  assert.deepEqual(asked(empty)[0].items, ['Enter an image id…'], 'no image listed: the id can still be typed');
  await assert.rejects(imageStep.prompt(context([{ cancel: true }], { regionId: 'cn-hangzhou', instanceType: 'ecs.g7.large' })), UserCancelledError);
});

test('public IP: none by default; a bandwidth of 1–100 Mbit/s (refused otherwise); Back from the bandwidth asks again; Escape cancels', async () => {
  const none = context([{ pickDefault: true }]);
  await publicIpStep.prompt(none);
  assert.equal(none.publicBandwidth, 0);
  assert.deepEqual(asked(none)[0].items, ['No public IP', 'Public IP']);
  assert.match(asked(none)[0].text, /public IP \| Public IP\?$/);

  const c = context([{ pick: 'Public IP' }, { back: true }, { pick: 'Public IP' }, { input: '0' }]);
  c.ui = withBackButton(c.ui);
  await assert.rejects(publicIpStep.prompt(c), UserCancelledError);
  assert.match(asked(c)[3].validation ?? '', /whole number of Mbit\/s from 1 to 100/);
  for (const bad of ['101', '2.5', 'ten', '-1']) {
    const b = context([{ pick: 'Public IP' }, { input: bad }]);
    await assert.rejects(publicIpStep.prompt(b), UserCancelledError);
    assert.match(asked(b)[1].validation ?? '', /from 1 to 100/, bad);
  }
  const ok = context([{ pick: 'Public IP' }, { input: ' 100 ' }]);
  await publicIpStep.prompt(ok);
  assert.equal(ok.publicBandwidth, 100);
  await assert.rejects(publicIpStep.prompt(context([{ cancel: true }])), UserCancelledError);
});

test('login: the kind, then the key pair name or the password (validated, kept out of the log and the CLI)', async () => {
  const c = context([{ pick: 'Password' }, { input: 'short' }, { input: PASSWORD }]);
  await loginKindStep.prompt(c);
  assert.equal(c.loginKind, 'password');
  await assert.rejects(loginDetailStep.prompt(c), UserCancelledError);
  assert.match(asked(c)[1].validation ?? '', /8 to 30 characters/);
  assert.ok(!(asked(c)[1].validation ?? '').includes('short'), 'the message never repeats the password');
  await loginDetailStep.prompt(c);
  assert.deepEqual(c.login, { kind: 'password', password: PASSWORD });
  const later = context([], { loginKind: 'later' });
  await loginDetailStep.prompt(later);
  assert.deepEqual(later.login, { kind: 'later' });
});

const ANSWERS: Answer[] = [
  { pick: 'cn-hangzhou' }, { pick: 'app-vpc-0' }, { pick: 'app-vsw' }, { input: 'ecs.g7.large' }, { pickDefault: true },
  { pick: 'app-sg' }, { pick: 'Public IP' }, { input: '10' }, { input: 'web-1' }, { pick: 'Password' }, { input: PASSWORD }, { pick: 'AppRole' },
];

test('the wizard: dry run before the confirmation; declining creates nothing; the password never reaches the log or the CLI', async () => {
  const s = services();
  const host = fakeHost({ decline: true });
  const c = context(ANSWERS, {}, s, host);
  await assert.rejects(new Wizard(c, LAUNCH_PROMPTS, [launchExecuteStep]).prompt(), UserCancelledError);
  assert.deepEqual(s.runs.map((r) => r.dryRun), [true], 'only the dry run');
  assert.equal(s.runs[0].password, PASSWORD, 'the password goes into the request');
  assert.equal(s.runs[0].ramRoleName, 'AppRole');
  assert.match(host.confirmed[0], /Dry run passed\. Create this ECS instance now\? It is billed .*\naliyun ecs RunInstances --RegionId cn-hangzhou .*--RamRoleName AppRole/);
  assert.match(host.confirmed[0], /--Password "\$ALIYUN_ECS_PASSWORD"/);
  assert.match(host.confirmed[0], /--ImageId aliyun_3_x64_20G_alibase_20240819\.vhd .*--InternetMaxBandwidthOut 10 --InternetChargeType PayByTraffic/);
  assert.equal(s.runs[0].internetMaxBandwidthOut, 10, 'the dry run asks for the public IP too');
  assert.equal(s.runs[0].internetChargeType, 'PayByTraffic');
  assert.equal(s.imageQueries.length, 1, 'one DescribeImages call for the whole wizard');
  assert.ok(host.logged.some((l) => /public IP: yes, up to 10 Mbit\/s outbound, PayByTraffic/.test(l) && l.includes(`(${ALINUX3})`)), host.logged.join('\n'));
  for (const text of [...host.confirmed, ...host.logged]) assert.ok(!text.includes(PASSWORD), text);
});

test('the wizard: a refused dry run stops before the confirmation; Back returns past a step; accepting creates one instance', async () => {
  const refused = services({ refuseDryRun: true });
  const host = fakeHost();
  await assert.rejects(new Wizard(context(ANSWERS, {}, refused, host), LAUNCH_PROMPTS, [launchExecuteStep]).prompt(), /ECS cannot assume the role/);
  assert.deepEqual(host.confirmed, [], 'no confirmation after a refused dry run');

  const s = services();
  const withBack = [...ANSWERS.slice(0, 9), { back: true } as Answer, { input: 'web-2' }, ...ANSWERS.slice(9)];
  const c = context(withBack, {}, s);
  const wizard = new Wizard(c, LAUNCH_PROMPTS, [launchExecuteStep]);
  await wizard.prompt();
  assert.equal(c.instanceName, 'web-2', 'Back from the login returned to the name');
  await wizard.execute(NO_PROGRESS);
  assert.deepEqual(s.runs.map((r) => r.dryRun), [true, false]);
  assert.deepEqual(s.runs.map((r) => [r.imageId, r.internetMaxBandwidthOut, r.internetChargeType]), [
    ['aliyun_3_x64_20G_alibase_20240819.vhd', 10, 'PayByTraffic'], ['aliyun_3_x64_20G_alibase_20240819.vhd', 10, 'PayByTraffic'],
  ], 'the created instance gets the public IP the dry run checked');
  assert.deepEqual(c.result?.instanceIds, ['i-new']);
  assert.deepEqual(c.created?.map((i) => [i.instanceId, i.ramRoleName, i.publicIpAddress]), [['i-new', 'AppRole', '47.96.1.2']], 'read back after the creation');
  (c.ui as unknown as { assertDone(): void }).assertDone();
});

test('the wizard: no public IP sends no bandwidth (request and CLI); Back from the public IP returns to the security group', async () => {
  const s = services();
  const host = fakeHost({ decline: true });
  const answers: Answer[] = [...ANSWERS.slice(0, 6), { back: true }, { pick: 'app-sg' }, { pick: 'No public IP' }, ...ANSWERS.slice(8)];
  await assert.rejects(new Wizard(context(answers, {}, s, host), LAUNCH_PROMPTS, [launchExecuteStep]).prompt(), UserCancelledError);
  assert.equal(s.runs[0].internetMaxBandwidthOut, undefined);
  assert.equal(s.runs[0].internetChargeType, undefined);
  assert.ok(!host.confirmed[0].includes('--InternetMaxBandwidthOut'), host.confirmed[0]);
  assert.ok(host.logged.some((l) => l.includes('public IP: none (reachable only inside the VPC)')));
  assert.equal(s.imageQueries.length, 1, 'Back to the security group kept the image answer: no new DescribeImages call');
});

test('from a region node and a role node: region and role are not asked', async () => {
  const c = context(ANSWERS.slice(1, 11), { regionId: 'cn-hangzhou', roleName: 'AppRole' });
  await new Wizard(c, LAUNCH_PROMPTS, [launchExecuteStep]).prompt();
  assert.ok(!asked(c).some((q) => /: (region|instance RAM role)$/.test(q.text)), JSON.stringify(asked(c).map((q) => q.text)));
  assert.equal(confirmLaunchStep.shouldPrompt(c), true);
  assert.equal(dryRunStep.shouldPrompt(c), true);
});
