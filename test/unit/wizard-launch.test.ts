// Create Instance with Role, step by step with scripted answers (src/commands/wizard/launchSteps.ts).
// The ECS service is a fake of our own interface that records RunInstances (dry run or not).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError, type CloudServices, type RunInstancesInput } from '../../src/cloud/types';
import { UserCancelledError } from '../../src/commands/cancelled';
import {
  confirmLaunchStep, dryRunStep, imageStep, instanceTypeStep, LAUNCH_PROMPTS, launchExecuteStep, loginDetailStep, loginKindStep, vpcStep, vSwitchStep,
  type LaunchContext,
} from '../../src/commands/wizard/launchSteps';
import { NO_PROGRESS, Wizard } from '../../src/commands/wizard/wizard';
import { fakeHost, testWizardContext, type Answer } from './support/fakePrompter';

const PASSWORD = 'Unit-Test-Passw0rd';

function services(options: { vpcs?: number; refuseDryRun?: boolean } = {}) {
  const runs: RunInstancesInput[] = [];
  async function* each<T>(items: T[]) { yield* items; }
  const fake = {
    regionId: 'cn-hangzhou',
    ram: { listRoles: () => each([{ roleName: 'AppRole' }]) },
    ecs: {
      describeRegions: async () => [{ regionId: 'cn-hangzhou' }],
      listVpcs: async () => Array.from({ length: options.vpcs ?? 1 }, (_, i) => ({ vpcId: `vpc-${i}`, vpcName: `app-vpc-${i}`, cidrBlock: '10.0.0.0/8' })),
      listVSwitches: async (_r: string, q: { vpcId?: string }) => [{ vSwitchId: `vsw-of-${q.vpcId}`, vSwitchName: 'app-vsw', zoneId: 'cn-hangzhou-k', cidrBlock: '10.0.1.0/24', availableIpAddressCount: 250 }],
      listSecurityGroups: async () => [{ securityGroupId: 'sg-1', securityGroupName: 'app-sg' }],
      runInstances: async (input: RunInstancesInput) => {
        runs.push(input);
        if (input.dryRun && options.refuseDryRun) throw new CloudError({ code: 'InvalidParam.RamRole', message: 'ECS cannot assume the role', requestId: 'REQ-1' });
        return { dryRun: input.dryRun, instanceIds: input.dryRun ? [] : ['i-new'], requestId: 'REQ-2', clientToken: 'token' };
      },
    },
  };
  return { services: fake as unknown as CloudServices, runs };
}

function context(answers: Answer[], preset: Partial<LaunchContext> = {}, s = services(), host = fakeHost()): LaunchContext {
  return { ...testWizardContext(answers, host), services: s.services, ...preset };
}
const asked = (c: LaunchContext) => (c.ui as unknown as { asked: { text: string; back: boolean; validation?: string }[]; assertDone(): void }).asked;

test('VPC and vSwitch: the vSwitch list is the chosen VPC\'s, and its zone becomes the instance\'s', async () => {
  const c = context([{ pick: 'app-vpc-1' }, { pick: 'app-vsw' }], { regionId: 'cn-hangzhou' }, services({ vpcs: 2 }));
  await vpcStep.prompt(c);
  await vSwitchStep.prompt(c);
  assert.deepEqual([c.vpcId, c.vSwitchId, c.zoneId], ['vpc-1', 'vsw-of-vpc-1', 'cn-hangzhou-k']);
  const empty = context([], { regionId: 'cn-hangzhou' }, services({ vpcs: 0 }));
  await assert.rejects(vpcStep.prompt(empty), /No VPC in cn-hangzhou: create one in the VPC console first/);
});

test('instance type and image: malformed answers are refused in the box with the rule', async () => {
  const c = context([{ input: 'g7.large' }, { input: ' ecs.g7.large ' }, { input: 'bad image!' }], { regionId: 'cn-hangzhou', zoneId: 'cn-hangzhou-k' });
  await assert.rejects(instanceTypeStep.prompt(c), UserCancelledError);
  assert.match(asked(c)[0].validation ?? '', /ecs\.g7\.large/);
  await instanceTypeStep.prompt(c);
  assert.equal(c.instanceType, 'ecs.g7.large', 'trimmed');
  await assert.rejects(imageStep.prompt(c), UserCancelledError);
  assert.match(asked(c)[2].validation ?? '', /Enter an image id such as/);
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
  { pick: 'cn-hangzhou' }, { pick: 'app-vpc-0' }, { pick: 'app-vsw' }, { input: 'ecs.g7.large' }, { input: 'aliyun_3_x64_20G_alibase_20240819.vhd' },
  { pick: 'app-sg' }, { input: 'web-1' }, { pick: 'Password' }, { input: PASSWORD }, { pick: 'AppRole' },
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
  for (const text of [...host.confirmed, ...host.logged]) assert.ok(!text.includes(PASSWORD), text);
});

test('the wizard: a refused dry run stops before the confirmation; Back returns past a step; accepting creates one instance', async () => {
  const refused = services({ refuseDryRun: true });
  const host = fakeHost();
  await assert.rejects(new Wizard(context(ANSWERS, {}, refused, host), LAUNCH_PROMPTS, [launchExecuteStep]).prompt(), /ECS cannot assume the role/);
  assert.deepEqual(host.confirmed, [], 'no confirmation after a refused dry run');

  const s = services();
  const withBack = [...ANSWERS.slice(0, 7), { back: true } as Answer, { input: 'web-2' }, ...ANSWERS.slice(7)];
  const c = context(withBack, {}, s);
  const wizard = new Wizard(c, LAUNCH_PROMPTS, [launchExecuteStep]);
  await wizard.prompt();
  assert.equal(c.instanceName, 'web-2', 'Back from the login returned to the name');
  await wizard.execute(NO_PROGRESS);
  assert.deepEqual(s.runs.map((r) => r.dryRun), [true, false]);
  assert.deepEqual(c.result?.instanceIds, ['i-new']);
  (c.ui as unknown as { assertDone(): void }).assertDone();
});

test('from a region node and a role node: region and role are not asked', async () => {
  const c = context(ANSWERS.slice(1, 9), { regionId: 'cn-hangzhou', roleName: 'AppRole' });
  await new Wizard(c, LAUNCH_PROMPTS, [launchExecuteStep]).prompt();
  assert.ok(!asked(c).some((q) => /: (region|instance RAM role)$/.test(q.text)), JSON.stringify(asked(c).map((q) => q.text)));
  assert.equal(confirmLaunchStep.shouldPrompt(c), true);
  assert.equal(dryRunStep.shouldPrompt(c), true);
});
