// Every mutating call the extension makes, with its answer lost: the request reaches the emulator, the
// emulator acts, and the loopback proxy (test/support/dropAnswerProxy.ts) resets the connection instead
// of answering. The call (and the role-batch workflow) must report what really happened, read back from
// the service, never "failed" for a change that was made. Real SDKs over HTTP, state read with the
// administrator's own services straight from the emulator (not through the proxy).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import { startDropAnswerProxy, type DropAnswerProxy } from '../support/dropAnswerProxy';
import { collect } from '../../src/cloud/paging';
import type { CloudServices } from '../../src/cloud/types';
import { planAttach, planDetach, type InstanceRef } from '../../src/workflows/roleBatch/plan';
import { executeAttach, executeDetach } from '../../src/workflows/roleBatch/execute';
import { outcomeLogLines } from '../../src/workflows/roleBatch/report';
import { executeGrant, planGrant } from '../../src/workflows/grantPlan';

const ECS_TRUST = JSON.stringify({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }], Version: '1' });
const doc = (action: string) => JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: [action], Resource: '*' }] });

let h: Harness;
let proxy: DropAnswerProxy;
/** Through the proxy (answers can be lost). */
let s: CloudServices;
/** Straight to the emulator: what is true. */
let truth: CloudServices;

before(async () => {
  h = await startHarness({ randomSeed: 17 });
  truth = await h.admin('cn-hangzhou');
  proxy = await startDropAnswerProxy(h.emulator.api);
  Object.assign(h.settings, { endpoints: { ecs: proxy.endpoint, ram: proxy.endpoint, sts: proxy.endpoint, kms: proxy.endpoint } });
  s = await h.admin('cn-hangzhou');
});
after(async () => {
  await proxy.close();
  await h.close();
});

/** How many times `action` was sent since `from` (an index into proxy.forwarded). */
const sendsSince = (from: number, action: string) => proxy.forwarded.slice(from).filter((a) => a === action).length;

/** Loses the next `times` answers of `action`, runs `run`, and checks the answers were really lost. */
async function losing<T>(action: string, run: () => Promise<T>, times = 1): Promise<T> {
  proxy.clear();
  const before = proxy.dropped.length;
  proxy.dropNext(action, times);
  try {
    return await run();
  } finally {
    assert.equal(proxy.dropped.slice(before).filter((a) => a === action).length, times, `${action}: ${times} answer(s) lost`);
    proxy.clear();
  }
}

async function roleOf(regionId: string, instanceId: string): Promise<string | undefined> {
  return (await truth.ecs.describeInstanceRamRoles(regionId, { instanceIds: [instanceId] })).find((r) => r.instanceId === instanceId)?.ramRoleName;
}

async function refs(regionId: string, ids: readonly string[]): Promise<InstanceRef[]> {
  return (await collect(truth.ecs.listInstances(regionId, { filter: { instanceIds: [...ids] } })));
}

const codeOf = (e: unknown) => (e as { code?: string }).code;

test('DetachInstanceRamRole: the retry finds the role gone; the instance is reported detached (read back), not failed', async () => {
  const plan = planDetach(await refs('cn-shanghai', ['i-uf6demo0000000000001']));
  const sent = proxy.forwarded.length;
  const outcomes = await losing('DetachInstanceRamRole', () => executeDetach(s.ecs, plan));
  assert.equal(sendsSince(sent, 'DetachInstanceRamRole'), 2, 'one lost, one resend by the cloud layer (the ECS SDK does not retry)');
  assert.equal(outcomes[0].status, 'succeeded', outcomeLogLines(outcomes).join('\n'));
  assert.equal(outcomes[0].readBackAfterLostAnswer, true);
  assert.match(outcomeLogLines(outcomes)[0], /detach succeeded.*answer was lost/);
  assert.equal(await roleOf('cn-shanghai', 'i-uf6demo0000000000001'), undefined);
});

test('Replace (detach then attach) with the detach answer lost: the new role is attached and reported so', async () => {
  const plan = planAttach(await refs('cn-hangzhou', ['i-bp1demo0000000000001']), 'EcsNoPermissionRole', 'replace');
  assert.equal(plan.run[0].action, 'replace');
  const outcomes = await losing('DetachInstanceRamRole', () => executeAttach(s.ecs, plan));
  assert.equal(outcomes[0].status, 'succeeded', outcomeLogLines(outcomes).join('\n'));
  assert.equal(await roleOf('cn-hangzhou', 'i-bp1demo0000000000001'), 'EcsNoPermissionRole');
});

test('AttachInstanceRamRole with every answer lost: the role read back is there, so the attach is reported done', async () => {
  const plan = planAttach(await refs('cn-hangzhou', ['i-bp1demo0000000000002']), 'EcsKmsAccessRole', 'skip');
  const outcomes = await losing('AttachInstanceRamRole', () => executeAttach(s.ecs, plan), 6);
  assert.equal(outcomes[0].status, 'succeeded', outcomeLogLines(outcomes).join('\n'));
  assert.equal(outcomes[0].readBackAfterLostAnswer, true);
  assert.equal(await roleOf('cn-hangzhou', 'i-bp1demo0000000000002'), 'EcsKmsAccessRole');
});

test('Replace whose attach answers are all lost while another role took the instance: failed, and it says what the instance has now', async () => {
  // i-bp1demo0000000000002 has EcsKmsAccessRole (previous test). Someone attaches another role between
  // our detach and our attach; every answer of our attach is lost: the read-back tells the truth.
  const plan = planAttach(await refs('cn-hangzhou', ['i-bp1demo0000000000002']), 'EcsNoPermissionRole', 'replace');
  const instance = h.emulator.account.instances.get('i-bp1demo0000000000002')!;
  let stolen = false;
  const original = instance.ramRole;
  Object.defineProperty(instance, 'ramRole', {
    configurable: true,
    get: () => (stolen ? 'EcsSecretsReaderRole' : original),
    set: (next: string) => { if (next === '') stolen = true; },
  });
  try {
    const outcomes = await losing('AttachInstanceRamRole', () => executeAttach(s.ecs, plan), 6);
    assert.equal(outcomes[0].status, 'failed');
    assert.equal(outcomes[0].detachedRole, 'EcsKmsAccessRole');
    assert.match(outcomes[0].message ?? '', /answer was lost.*has the RAM role EcsSecretsReaderRole/);
  } finally {
    // (A role name, not a secret: kept out of a `value: '…'` literal, which the .vsix secret scan harvests.)
    const original = 'EcsKmsAccessRole';
    Object.defineProperty(instance, 'ramRole', { configurable: true, writable: true, enumerable: true, value: original });
  }
});

test('CreateRole: the lost answer is checked with GetRole, not resent into EntityAlreadyExists', async () => {
  const sent = proxy.forwarded.length;
  const role = await losing('CreateRole', () => s.ram.createRole({ roleName: 'LostAnswerRole', assumeRolePolicyDocument: ECS_TRUST }));
  assert.equal(role.roleName, 'LostAnswerRole');
  assert.equal(sendsSince(sent, 'CreateRole'), 1, 'not sent again');
  assert.equal((await truth.ram.getRole('LostAnswerRole')).roleName, 'LostAnswerRole');
});

test('UpdateRole (trust policy edit): resent and reported done', async () => {
  const trust = JSON.stringify({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com', 'fc.aliyuncs.com'] } }], Version: '1' });
  await losing('UpdateRole', () => s.ram.updateRole({ roleName: 'LostAnswerRole', newAssumeRolePolicyDocument: trust }));
  assert.match((await truth.ram.getRole('LostAnswerRole')).assumeRolePolicyDocument ?? '', /fc\.aliyuncs\.com/);
});

test('Grant (CreatePolicy then AttachPolicyToRole), both answers lost: both done once, reported done', async () => {
  const plan = planGrant('LostAnswerRole', { kind: 'custom', access: { keys: [{ region: 'cn-hangzhou', account: h.emulator.accountId, keyId: 'key-hzzdemo0000000000001' }] } }, []);
  assert.equal(plan.already, false);
  if (plan.already) return;
  proxy.dropNext('CreatePolicy');
  const done = await losing('AttachPolicyToRole', () => executeGrant(s.ram, 'LostAnswerRole', plan.steps));
  assert.deepEqual(done.map((d) => d.step.kind), ['createPolicy', 'attachPolicy']);
  const attached = (await truth.ram.listPoliciesForRole('LostAnswerRole')).map((p) => p.policyName);
  assert.deepEqual(attached, [plan.steps[0].policyName]);
});

test('AttachPolicyToRole: the retry\'s EntityAlreadyExists.Role.Policy is the first attempt\'s success', async () => {
  await losing('AttachPolicyToRole', () => s.ram.attachPolicyToRole({ roleName: 'LostAnswerRole', policyName: 'AliyunKMSCryptoUserAccess', policyType: 'System' }));
  assert.ok((await truth.ram.listPoliciesForRole('LostAnswerRole')).some((p) => p.policyName === 'AliyunKMSCryptoUserAccess'));
});

test('DetachPolicyFromRole: the retry\'s EntityNotExist.Role.Policy is the first attempt\'s success', async () => {
  await losing('DetachPolicyFromRole', () => s.ram.detachPolicyFromRole({ roleName: 'LostAnswerRole', policyName: 'AliyunKMSCryptoUserAccess', policyType: 'System' }));
  assert.ok(!(await truth.ram.listPoliciesForRole('LostAnswerRole')).some((p) => p.policyName === 'AliyunKMSCryptoUserAccess'));
});

test('CreatePolicyVersion, SetDefaultPolicyVersion, DeletePolicyVersion: each reported done once, the versions are as asked', async () => {
  await truth.ram.createPolicy({ policyName: 'LostAnswerPolicy', policyDocument: doc('kms:Encrypt') });
  const v2 = await losing('CreatePolicyVersion', () => s.ram.createPolicyVersion({ policyName: 'LostAnswerPolicy', policyDocument: doc('kms:Decrypt'), setAsDefault: false }));
  assert.equal(v2.versionId, 'v2');
  await losing('SetDefaultPolicyVersion', () => s.ram.setDefaultPolicyVersion('LostAnswerPolicy', 'v2'));
  await losing('DeletePolicyVersion', () => s.ram.deletePolicyVersion('LostAnswerPolicy', 'v1'));
  const versions = await truth.ram.listPolicyVersions('LostAnswerPolicy', 'Custom');
  assert.deepEqual(versions.map((v) => `${v.versionId}${v.isDefaultVersion ? '*' : ''}`), ['v2*']);
});

test('DeletePolicy: the retry\'s EntityNotExist.Policy is the first attempt\'s success', async () => {
  await losing('DeletePolicy', () => s.ram.deletePolicy('LostAnswerPolicy'));
  assert.equal(await truth.ram.getPolicy('LostAnswerPolicy', 'Custom').then(() => 'exists', codeOf), 'EntityNotExist.Policy');
});

test('DeleteRole: the retry\'s EntityNotExist.Role is the first attempt\'s success', async () => {
  await truth.ram.createRole({ roleName: 'LostAnswerDeleteMe', assumeRolePolicyDocument: ECS_TRUST });
  const sent = proxy.forwarded.length;
  await losing('DeleteRole', () => s.ram.deleteRole('LostAnswerDeleteMe'));
  // Two sends: the one whose answer was lost and OUR one resend (the SDK itself never retries: no retryOptions).
  assert.equal(sendsSince(sent, 'DeleteRole'), 2);
  assert.equal(await truth.ram.getRole('LostAnswerDeleteMe').then(() => 'exists', codeOf), 'EntityNotExist.Role');
  assert.ok(h.log.lines.some((l) => /DeleteRole: the answer was lost .*read back: done/.test(l)), 'the log says what happened');
});

test('DeleteRole with every answer lost: read back, it is deleted, so it is reported done', async () => {
  await truth.ram.createRole({ roleName: 'LostAnswerDeleteAll', assumeRolePolicyDocument: ECS_TRUST });
  await losing('DeleteRole', () => s.ram.deleteRole('LostAnswerDeleteAll'), 6);
  assert.equal(await truth.ram.getRole('LostAnswerDeleteAll').then(() => 'exists', codeOf), 'EntityNotExist.Role');
});

test('EnableKey: resent and reported done', async () => {
  const sent = proxy.forwarded.length;
  await losing('EnableKey', () => s.kms().enableKey('key-hzzdemo0000000000002'));
  assert.equal(sendsSince(sent, 'EnableKey'), 2, 'the KMS RPC client does not retry on its own either');
  assert.equal((await truth.kms().describeKey('key-hzzdemo0000000000002')).keyState, 'Enabled');
});

test('RunInstances: the retry carries the same ClientToken, so exactly one instance is created', async () => {
  const count = () => [...h.emulator.account.instances.values()].filter((i) => i.name === 'lost-answer-vm').length;
  const result = await losing('RunInstances', () => s.ecs.runInstances({
    regionId: 'cn-hangzhou', instanceType: 'ecs.g7.large', imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd', vSwitchId: 'vsw-bp1demo01', securityGroupId: 'sg-bp1demo01',
    ramRoleName: 'EcsKmsAccessRole', instanceName: 'lost-answer-vm',
  }));
  assert.equal(result.instanceIds.length, 1);
  assert.equal(count(), 1);
  assert.equal(await roleOf('cn-hangzhou', result.instanceIds[0]), 'EcsKmsAccessRole');
});
