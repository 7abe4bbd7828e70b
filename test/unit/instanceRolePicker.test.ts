// The pick of a role for an instance (src/commands/instanceRolePicker.ts) and the role step with the
// trust fix (src/commands/wizard/instanceRoleStep.ts), with scripted answers. RAM is a fake of our own
// interface that counts GetRole calls (ListRoles carries no trust policy: each verdict costs one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudServices, RamRole } from '../../src/cloud/types';
import { UserCancelledError } from '../../src/commands/cancelled';
import { pickInstanceRole, TRUST_READS_PER_PICK } from '../../src/commands/instanceRolePicker';
import { askInstanceRole } from '../../src/commands/wizard/instanceRoleStep';
import { parsePolicyDocument } from '../../src/policy/policyDocument';
import { canServiceAssume } from '../../src/policy/trustPolicy';
import type { ExplorerKnowledge } from '../../src/views/common/explorerKnowledge';
import { fakeHost, testWizardContext, type Answer } from './support/fakePrompter';

const trusting = (...services: string[]) => JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: services } }] });
const DENY_ECS = JSON.stringify({ Version: '1', Statement: [
  { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } },
  { Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } },
] });

const DEMO: Record<string, string> = {
  AppRole: trusting('ecs.aliyuncs.com'),
  FcInvokeRole: trusting('fc.aliyuncs.com'),
  AliyunServiceRoleForOss: trusting('oss.aliyuncs.com'),
  DeniedRole: DENY_ECS,
  OpsRole: trusting('ecs.aliyuncs.com', 'oos.aliyuncs.com'),
};

function ram(trust: Record<string, string> = DEMO) {
  const calls: string[] = [];
  const role = (roleName: string): RamRole => ({ roleName, arn: `acs:ram::1:role/${roleName.toLowerCase()}`, roleId: roleName, description: `${roleName} description` });
  const services = {
    ram: {
      async *listRoles() { calls.push('ListRoles'); for (const name of Object.keys(trust)) yield role(name); },
      async getRole(name: string) { calls.push(`GetRole ${name}`); return { ...role(name), assumeRolePolicyDocument: trust[name] }; },
    },
  } as unknown as CloudServices;
  return { services, calls, role };
}

/** What the Roles view has read: these roles' verdicts (and documents). */
function explorer(known: Record<string, string>): ExplorerKnowledge {
  const { role } = ram();
  return {
    rolesWithTrust: () => Object.entries(known).map(([name, doc]) => ({ role: { ...role(name), assumeRolePolicyDocument: doc }, trust: canServiceAssume(parsePolicyDocument(doc)) })),
    regionsWithInstances: () => [],
  };
}

function context(answers: Answer[], host = fakeHost()) {
  return testWizardContext(answers, host);
}

test('roles ECS cannot assume are marked with the reason and listed after the others; service-linked roles are not offered', async () => {
  const { services, calls } = ram();
  const c = context([{ pick: 'AppRole' }]);
  const picked = await pickInstanceRole(c, services, 'Role');
  assert.equal(picked.role.roleName, 'AppRole');
  assert.equal(picked.trust?.canAssume, true);
  assert.deepEqual(c.ui.asked[0].shown, [
    'AppRole | AppRole description | ',
    'OpsRole | OpsRole description | ',
    '--- ECS cannot assume these roles',
    'FcInvokeRole | ECS cannot assume it · FcInvokeRole description | ECS cannot assume it: its trust policy trusts fc.aliyuncs.com',
    'DeniedRole | ECS cannot assume it · DeniedRole description | A Deny statement stops ecs.aliyuncs.com from assuming this role (an explicit Deny always wins). Remove it or take ecs.aliyuncs.com out of its Principal.',
  ]);
  assert.deepEqual(calls, ['ListRoles', 'GetRole AppRole', 'GetRole FcInvokeRole', 'GetRole DeniedRole', 'GetRole OpsRole'], 'one GetRole per listed instance role, none for service-linked roles');
});

test('verdicts the Roles view has read cost no call; the rest are read within the budget', async () => {
  const { services, calls } = ram();
  const host = { ...fakeHost(), explorer: explorer({ AppRole: DEMO.AppRole, FcInvokeRole: DEMO.FcInvokeRole, DeniedRole: DEMO.DeniedRole, OpsRole: DEMO.OpsRole }) };
  const c = context([{ pick: 'FcInvokeRole' }], host);
  const picked = await pickInstanceRole(c, services, 'Role');
  assert.equal(picked.trust?.canAssume, false);
  assert.deepEqual(calls, ['ListRoles'], 'every verdict came from the Roles view');
  assert.match(c.ui.asked[0].shown!.find((s) => s.startsWith('FcInvokeRole'))!, /trusts fc\.aliyuncs\.com/);
});

test(`at most ${TRUST_READS_PER_PICK} trust policies are read for one pick; a picked role beyond them is read on its own`, async () => {
  const many: Record<string, string> = {};
  for (let n = 0; n < TRUST_READS_PER_PICK + 10; n++) many[`Role${String(n).padStart(2, '0')}`] = n === TRUST_READS_PER_PICK + 5 ? DEMO.FcInvokeRole : DEMO.AppRole;
  const { services, calls } = ram(many);
  const late = `Role${TRUST_READS_PER_PICK + 5}`;
  const c = context([{ pick: late }]);
  const picked = await pickInstanceRole(c, services, 'Role');
  assert.equal(calls.filter((x) => x.startsWith('GetRole')).length, TRUST_READS_PER_PICK + 1, 'the budget, plus the picked role');
  assert.equal(calls.at(-1), `GetRole ${late}`);
  assert.equal(picked.trust?.canAssume, false, 'its verdict is known before the wizard goes on');
  assert.match(c.ui.asked[0].shown!.find((s) => s.startsWith(late))!, /^Role30 \| Role30 description \| $/, 'unread in the list: shown without a mark');
});

test('Add ECS as Trusted Service lists the roles ECS cannot assume first', async () => {
  const { services } = ram();
  const c = context([{ pick: 'FcInvokeRole' }]);
  await pickInstanceRole(c, services, 'Role', 'toFix');
  assert.deepEqual(c.ui.asked[0].items, ['FcInvokeRole', 'DeniedRole', 'AppRole', 'OpsRole']);
  assert.ok(c.ui.asked[0].shown!.includes('--- Other roles'));
  assert.ok(c.ui.asked[0].shown!.includes('AppRole | ECS can already assume it · AppRole description | '));
});

function stepContext(answers: Answer[], fixed: string[]) {
  const { services, calls } = ram();
  const host = { ...fakeHost(), addEcsTrust: async (roleName: string) => { fixed.push(roleName); } };
  return { c: { ...context(answers, host), services }, calls };
}

test('role step: a role ECS can assume goes through without a question', async () => {
  const fixed: string[] = [];
  const { c } = stepContext([{ pick: 'AppRole' }], fixed);
  assert.equal(await askInstanceRole(c, 'Role', 'attach'), 'AppRole');
  c.ui.assertDone();
});

test('role step: a role ECS cannot assume offers the fix first; choosing it runs Add ECS as Trusted Service on that role', async () => {
  const fixed: string[] = [];
  const { c } = stepContext([{ pick: 'FcInvokeRole' }, { button: 'Add ECS as Trusted Service' }], fixed);
  assert.equal(await askInstanceRole(c, 'Role', 'attach'), 'FcInvokeRole');
  assert.deepEqual(fixed, ['FcInvokeRole']);
  const question = c.ui.asked[1];
  assert.match(question.text, /^Role FcInvokeRole: ECS cannot assume it: its trust policy trusts fc\.aliyuncs\.com\. ECS refuses .*InvalidRamRole\.NotEcsRole.* first\?$/);
  assert.deepEqual(question.items, ['Add ECS as Trusted Service', 'Choose Another Role'], 'attaching a role ECS cannot assume could only fail: no "Continue Anyway"');
});

test('role step: Choose Another Role shows the same list again, without new calls', async () => {
  const fixed: string[] = [];
  const { c, calls } = stepContext([{ pick: 'FcInvokeRole' }, { button: 'Choose Another Role' }, { pick: 'OpsRole' }], fixed);
  assert.equal(await askInstanceRole(c, 'Role', 'attach'), 'OpsRole');
  assert.deepEqual(fixed, []);
  assert.equal(calls.filter((x) => x === 'ListRoles').length, 1);
  assert.equal(calls.filter((x) => x === 'GetRole FcInvokeRole').length, 1);
});

test('role step for Grant KMS Access: Continue Anyway keeps the role unchanged; dismissing cancels', async () => {
  const fixed: string[] = [];
  const { c } = stepContext([{ pick: 'FcInvokeRole' }, { button: 'Continue Anyway' }], fixed);
  assert.equal(await askInstanceRole(c, 'Role', 'grant'), 'FcInvokeRole');
  assert.deepEqual(c.ui.asked[1].items, ['Add ECS as Trusted Service', 'Choose Another Role', 'Continue Anyway']);
  assert.match(c.ui.asked[1].text, /Instances cannot use what is granted to it until ECS can assume it/);
  assert.deepEqual(fixed, []);
  const { c: dismissed } = stepContext([{ pick: 'DeniedRole' }, { button: undefined }], fixed);
  await assert.rejects(askInstanceRole(dismissed, 'Role', 'grant'), UserCancelledError);
});

test('role step without a fix in the host (no command context): the fix is not offered', async () => {
  const { services } = ram();
  const c = { ...context([{ pick: 'FcInvokeRole' }, { button: 'Choose Another Role' }, { pick: 'AppRole' }]), services };
  assert.equal(await askInstanceRole(c, 'Role', 'attach'), 'AppRole');
  assert.deepEqual(c.ui.asked[1].items, ['Choose Another Role']);
});

test('role step: a role picked beyond the read budget, found unusable, is marked when the list shows again', async () => {
  const many: Record<string, string> = {};
  for (let n = 0; n < TRUST_READS_PER_PICK + 10; n++) many[`Role${String(n).padStart(2, '0')}`] = n === TRUST_READS_PER_PICK + 5 ? DEMO.FcInvokeRole : DEMO.AppRole;
  const { services, calls } = ram(many);
  const late = `Role${TRUST_READS_PER_PICK + 5}`;
  const c = { ...context([{ pick: late }, { button: 'Choose Another Role' }, { pick: 'Role00' }]), services };
  assert.equal(await askInstanceRole(c, 'Role', 'attach'), 'Role00');
  assert.ok(!c.ui.asked[0].shown!.some((x) => x.startsWith('---')), 'first list: the late role is not known yet');
  assert.equal(c.ui.asked[2].shown!.at(-1), `${late} | ECS cannot assume it · ${late} description | ECS cannot assume it: its trust policy trusts fc.aliyuncs.com`);
  assert.equal(c.ui.asked[2].shown!.at(-2), '--- ECS cannot assume these roles');
  assert.equal(calls.filter((x) => x.startsWith('GetRole')).length, TRUST_READS_PER_PICK + 1, 'no new call for the second list');
});
