// Attach, Detach and Replace Role, step by step with scripted answers (src/commands/wizard/roleBatchSteps.ts).
// The ECS service is a fake of our own interface that records the calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttachRoleInput, CloudServices, DetachRoleInput, EcsInstance } from '../../src/cloud/types';
import { UserCancelledError } from '../../src/commands/cancelled';
import {
  attachRoleStep, confirmBatchStep, instanceDetail, instanceRegionStep, instancesStep, newRoleStep, otherRoleStep, ROLE_BATCH_PROMPTS,
  roleBatchExecuteStep, type RoleBatchContext, type RoleBatchKind,
} from '../../src/commands/wizard/roleBatchSteps';
import { NO_PROGRESS, Wizard } from '../../src/commands/wizard/wizard';
import { englishL10n, fakeHost, testWizardContext, type Answer } from './support/fakePrompter';

function instance(id: string, name: string, ramRoleName?: string, networkType = 'vpc'): EcsInstance {
  return { instanceId: id, instanceName: name, regionId: 'cn-hangzhou', status: 'Running', networkType, vpcId: 'vpc-1', securityGroupIds: [], tags: {}, ramRoleName };
}
const WEB = instance('i-web', 'web', 'AppRole');
const BATCH = instance('i-batch', 'batch');
const OLD = instance('i-old', 'old', undefined, 'classic');
const OPS = instance('i-ops', 'ops', 'OpsRole');

function services(instances = [WEB, BATCH, OLD, OPS]) {
  const calls: string[] = [];
  async function* each<T>(items: T[]) { yield* items; }
  const ok = (ids: readonly string[]) => ids.map((instanceId) => ({ instanceId, success: true }));
  const fake = {
    regionId: 'cn-hangzhou',
    ram: { listRoles: () => { calls.push('ListRoles'); return each([{ roleName: 'AppRole' }, { roleName: 'AliyunServiceRoleForEcsSnapshot' }, { roleName: 'OpsRole' }]); } },
    ecs: {
      describeRegions: async () => { calls.push('DescribeRegions'); return [{ regionId: 'cn-hangzhou' }, { regionId: 'cn-beijing' }]; },
      listInstances: (regionId: string) => { calls.push(`DescribeInstances ${regionId}`); return each(instances); },
      attachInstanceRamRole: async (i: AttachRoleInput) => { calls.push(`Attach ${i.ramRoleName} ${i.instanceIds.join(',')}`); return ok(i.instanceIds); },
      detachInstanceRamRole: async (i: DetachRoleInput) => { calls.push(`Detach ${i.ramRoleName ?? '-'} ${i.instanceIds.join(',')}`); return ok(i.instanceIds); },
    },
  };
  return { services: fake as unknown as CloudServices, calls };
}

function context(kind: RoleBatchKind, answers: Answer[], preset: Partial<RoleBatchContext> = {}, s = services(), host = fakeHost()): RoleBatchContext {
  return { ...testWizardContext(answers, host), services: s.services, kind, ...preset };
}
const asked = (c: RoleBatchContext) => (c.ui as unknown as { asked: { kind: string; text: string; items?: string[]; back: boolean }[] }).asked;

test('role: "to attach" for attach, "the new role" for replace, never a service-linked role; preset from a role node', async () => {
  const c = context('attach', [{ pick: 'AppRole' }]);
  await attachRoleStep.prompt(c);
  assert.equal(c.roleName, 'AppRole');
  assert.match(asked(c)[0].text, /Select the RAM role to attach/);
  assert.deepEqual(asked(c)[0].items, ['AppRole', 'OpsRole'], 'service-linked roles are not offered for an instance');
  const r = context('replace', [{ pick: 'OpsRole' }]);
  await newRoleStep.prompt(r);
  assert.match(asked(r)[0].text, /Select the new RAM role/);
  assert.equal(attachRoleStep.shouldPrompt(context('attach', [], { roleName: 'AppRole' })), false);
});

test('region and instances: skipped for instances from the tree; the list offers what the command can act on', async () => {
  assert.equal(instanceRegionStep.shouldPrompt(context('attach', [], { instances: [WEB] })), false);
  assert.equal(instancesStep.shouldPrompt(context('attach', [], { instances: [WEB] })), false);

  const attach = context('attach', [{ pick: 'cn-hangzhou' }, { pick: ['batch', 'old'] }], { roleName: 'AppRole' });
  await instanceRegionStep.prompt(attach);
  await instancesStep.prompt(attach);
  assert.deepEqual(asked(attach)[1].items, ['web', 'batch', 'old', 'ops'], 'attach offers every instance, classic ones explained');
  assert.match(asked(attach)[1].text, /Attach AppRole to instances/);
  assert.deepEqual(attach.instances!.map((i) => i.instanceId), ['i-batch', 'i-old']);

  const detach = context('detach', [{ pick: 'web' }], { regionId: 'cn-hangzhou', fromRole: 'approle' });
  await instancesStep.prompt(detach);
  assert.deepEqual(asked(detach)[0].items, ['web'], 'detach from a role node: only its instances (role names are case-insensitive)');
  const replace = context('replace', [{ pick: [] }], { regionId: 'cn-hangzhou' });
  await assert.rejects(instancesStep.prompt(replace), UserCancelledError);
  assert.deepEqual(asked(replace)[0].items, ['web', 'ops'], 'replace offers instances that have a role');

  const none = context('detach', [], { regionId: 'cn-hangzhou' }, services([BATCH]));
  await assert.rejects(instancesStep.prompt(none), /No matching ECS instances in cn-hangzhou/);
});

test('instance detail: status, network (classic cannot have a role), role', () => {
  assert.equal(instanceDetail(englishL10n, OLD), 'Running · classic network: cannot have a role · no role');
  assert.equal(instanceDetail(englishL10n, WEB), 'Running · VPC vpc-1 · role AppRole');
});

test('replace or skip: asked only for attach when an instance has another role; dismissing cancels', async () => {
  assert.equal(otherRoleStep.shouldPrompt(context('attach', [], { roleName: 'AppRole', instances: [WEB, BATCH] })), false);
  assert.equal(otherRoleStep.shouldPrompt(context('replace', [], { roleName: 'AppRole', instances: [OPS] })), false);
  const c = context('attach', [{ button: 'Skip Them' }], { roleName: 'AppRole', instances: [OPS, BATCH] });
  assert.equal(otherRoleStep.shouldPrompt(c), true);
  await otherRoleStep.prompt(c);
  assert.equal(c.otherRole, 'skip');
  assert.match(asked(c)[0].text, /1 instance\(s\) already have another RAM role \(i-ops: OpsRole\)/);
  await assert.rejects(otherRoleStep.prompt(context('attach', [{ button: undefined }], { roleName: 'AppRole', instances: [OPS] })), UserCancelledError);
});

test('review: the plan with skipped instances explained and the CLI; nothing to change asks nothing', async () => {
  const host = fakeHost();
  const c = context('attach', [], { roleName: 'AppRole', instances: [WEB, BATCH, OLD, OPS], otherRole: 'replace' }, services(), host);
  await confirmBatchStep.prompt(c);
  assert.deepEqual(c.plan!.run.map((r) => `${r.instance.instanceId} ${r.action}`), ['i-batch attach', 'i-ops replace']);
  assert.match(host.confirmed[0], /^Attach the RAM role AppRole to 2 instance\(s\), replacing the role of 1 of them\?\n/);
  assert.match(host.confirmed[0], /aliyun ecs DetachInstanceRamRole .*i-ops/);
  assert.match(host.confirmed[0], /aliyun ecs AttachInstanceRamRole .*--RamRoleName AppRole/);

  const nothing = fakeHost();
  const n = context('attach', [], { roleName: 'AppRole', instances: [WEB, OLD] }, services(), nothing);
  await confirmBatchStep.prompt(n);
  assert.equal(n.plan!.run.length, 0);
  assert.deepEqual(nothing.confirmed, [], 'no confirmation when nothing changes');
  assert.equal(roleBatchExecuteStep.shouldExecute!(n), false);
});

test('the wizard: attach from the palette with Back; declining calls nothing; detach runs the detach', async () => {
  const s = services();
  const declined = context('attach', [{ pick: 'AppRole' }, { pick: 'cn-beijing' }, { back: true }, { pick: 'cn-hangzhou' }, { pick: ['batch'] }], {}, s, fakeHost({ decline: true }));
  await assert.rejects(new Wizard(declined, ROLE_BATCH_PROMPTS.attach, [roleBatchExecuteStep]).prompt(), UserCancelledError);
  assert.equal(declined.regionId, 'cn-hangzhou');
  assert.ok(asked(declined)[1].back);
  assert.ok(!s.calls.some((call) => /^(Attach|Detach)/.test(call)), s.calls.join());

  const d = services();
  const detach = context('detach', [{ pick: 'cn-hangzhou' }, { pick: ['web', 'ops'] }], {}, d);
  const wizard = new Wizard(detach, ROLE_BATCH_PROMPTS.detach, [roleBatchExecuteStep]);
  await wizard.prompt();
  await wizard.execute(NO_PROGRESS);
  assert.deepEqual(detach.outcomes!.map((o) => `${o.instance.instanceId} ${o.status}`), ['i-web succeeded', 'i-ops succeeded']);
  assert.equal(d.calls.filter((call) => call.startsWith('Detach')).length, 2, d.calls.join());
});

test('region: the regions the ECS Instances view found instances in come first, with the count (read from the host, no call)', async () => {
  const s = services();
  const host = { ...fakeHost(), explorer: { rolesWithTrust: () => [], regionsWithInstances: () => [{ regionId: 'cn-beijing', instances: 3, more: false }] } };
  const c = context('attach', [{ pickDefault: true }], { roleName: 'AppRole' }, s, host);
  await instanceRegionStep.prompt(c);
  assert.equal(c.regionId, 'cn-beijing', 'the region with instances is the default answer');
  assert.deepEqual(asked(c)[0].items, ['cn-beijing', 'cn-hangzhou']);
  assert.deepEqual(s.calls, ['DescribeRegions']);
});
