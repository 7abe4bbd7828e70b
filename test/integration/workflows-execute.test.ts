// The execute steps of the role workflows with the real cloud services (real SDKs over HTTP) against
// the emulator: batches of 100, replace = detach then attach, whole-call failures reported per
// instance (with the PassRole hint), cancellation, re-reading roles for a retry, and the grant steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type Emulator } from '../emulator';
import { createCloudServicesFactory } from '../../src/cloud';
import type { CloudServices, SecretStore } from '../../src/cloud/types';
import { planAttach, planDetach, type InstanceRef } from '../../src/workflows/roleBatch/plan';
import { executeAttach, executeDetach, refreshFailed } from '../../src/workflows/roleBatch/execute';
import { executeGrant, planGrant, PolicyNameTakenError } from '../../src/workflows/grantPlan';

const REGION = 'cn-hangzhou';
let emulator: Emulator;
let home: string;

const ids = Array.from({ length: 150 }, (_, n) => `i-wf${String(n).padStart(6, '0')}`);

class MemorySecrets implements SecretStore {
  private readonly values = new Map<string, string>();
  async get(key: string) { return this.values.get(key); }
  async store(key: string, value: string) { this.values.set(key, value); }
  async delete(key: string) { this.values.delete(key); }
}

async function servicesFor(key: { accessKeyId: string; accessKeySecret: string }): Promise<CloudServices> {
  const factory = createCloudServicesFactory({
    secrets: new MemorySecrets(), home, env: {},
    settings: () => ({ endpoints: { ecs: emulator.api, ram: emulator.api, sts: emulator.api, kms: emulator.api }, metadataEndpoint: emulator.metadata }),
  });
  return factory.createServices(await factory.addAccessKey({ name: 'test', ...key, region: REGION }), REGION);
}

async function instanceRefs(services: CloudServices): Promise<InstanceRef[]> {
  const out: InstanceRef[] = [];
  for await (const i of services.ecs.listInstances(REGION)) out.push(i);
  return out;
}

const roleOf = (id: string) => emulator.account.instances.get(id)!.ramRole;
const calls = (action: string) => emulator.calls.byAction[action] ?? 0;

before(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'workflows-home-'));
  emulator = await startEmulator({
    port: 0, metadataPort: 0,
    seed: {
      accountId: '1688000000000042',
      roles: [{ name: 'AppRole' }, { name: 'OldRole' }, { name: 'PeopleRole', trustPolicy: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: ['acs:ram::1688000000000042:root'] } }], Version: '1' } }],
      vpcs: [{ id: 'vpc-wf1', region: REGION, vSwitches: [{ id: 'vsw-wf1' }], securityGroups: [{ id: 'sg-wf1' }] }],
      instances: [
        ...ids.map((id, n) => ({ id, name: `node-${n}`, region: REGION, role: n < 2 ? 'OldRole' : undefined })),
        { id: 'i-wfclassic', name: 'classic', region: REGION, networkType: 'classic' as const },
      ],
    },
  });
});
after(async () => {
  await emulator?.close();
  fs.rmSync(home, { recursive: true, force: true });
});

test('a role ECS cannot assume: each instance fails with the code, nothing changes', async () => {
  const services = await servicesFor(emulator);
  const outcomes = await executeAttach(services.ecs, planAttach(await instanceRefs(services), 'PeopleRole', 'skip'));
  const failed = outcomes.filter((o) => o.status === 'failed');
  assert.equal(failed.length, 148);
  assert.ok(failed.every((o) => o.code === 'InvalidRamRole.NotEcsRole'), JSON.stringify(failed[0]));
  assert.equal(outcomes.filter((o) => o.status === 'skipped').length, 3, 'classic + the two with another role');
  assert.equal(roleOf(ids[5]), '');
});

test('a caller without ram:PassRole: each instance fails with the permission code and the PassRole hint', async () => {
  const services = await servicesFor(emulator.createUser('ecs-only', ['AliyunECSFullAccess']));
  const outcomes = await executeAttach(services.ecs, planAttach((await instanceRefs(await servicesFor(emulator))).slice(2, 5), 'AppRole', 'skip'));
  assert.equal(outcomes.length, 3);
  for (const o of outcomes) {
    assert.equal(o.status, 'failed');
    assert.match(o.code ?? '', /^Forbidden|NoPermission|PassRoleForbidden/);
    assert.match(o.hint ?? '', /PassRole/);
  }
});

test('cancelled before the first batch: nothing is sent, every instance is reported Cancelled', async () => {
  const services = await servicesFor(emulator);
  const controller = new AbortController();
  controller.abort();
  const before = calls('AttachInstanceRamRole');
  const outcomes = await executeAttach(services.ecs, planAttach((await instanceRefs(services)).slice(2, 12), 'AppRole', 'skip'), { signal: controller.signal });
  assert.equal(calls('AttachInstanceRamRole'), before);
  assert.deepEqual([...new Set(outcomes.map((o) => o.code))], ['Cancelled']);
});

test('151 instances: classic skipped, 2 replaced (one detach call), 150 attached in two calls (100 + 50)', async () => {
  const services = await servicesFor(emulator);
  const [attach, detach] = [calls('AttachInstanceRamRole'), calls('DetachInstanceRamRole')];
  const outcomes = await executeAttach(services.ecs, planAttach(await instanceRefs(services), 'AppRole', 'replace'));
  assert.equal(calls('AttachInstanceRamRole') - attach, 2);
  assert.equal(calls('DetachInstanceRamRole') - detach, 1);
  assert.equal(outcomes.filter((o) => o.status === 'succeeded').length, 150);
  assert.deepEqual(outcomes.filter((o) => o.action === 'replace').map((o) => [o.instance.instanceId, o.status]), [[ids[0], 'succeeded'], [ids[1], 'succeeded']]);
  assert.deepEqual(outcomes.filter((o) => o.status === 'skipped').map((o) => o.reason), ['classic']);
  assert.ok(ids.every((id) => roleOf(id) === 'AppRole'));
  assert.equal(roleOf('i-wfclassic'), '');
});

test('detach: a role changed meanwhile is refused for that instance only; refreshFailed reads the truth for a retry', async () => {
  const services = await servicesFor(emulator);
  const refs = (await instanceRefs(services)).filter((i) => ids.slice(0, 3).includes(i.instanceId));
  emulator.account.instances.get(ids[0])!.ramRole = 'OldRole'; // changed after listing
  const outcomes = await executeDetach(services.ecs, planDetach(refs));
  assert.deepEqual(outcomes.map((o) => [o.instance.instanceId, o.status, o.code]), [[ids[0], 'failed', 'InvalidRamRole.NotEqual'], [ids[1], 'succeeded', undefined], [ids[2], 'succeeded', undefined]]);
  const again = await refreshFailed(services.ecs, outcomes);
  assert.deepEqual(again.map((i) => [i.instanceId, i.ramRoleName]), [[ids[0], 'OldRole']]);
  const retry = await executeDetach(services.ecs, planDetach(again));
  assert.equal(retry[0].status, 'succeeded');
  assert.equal(roleOf(ids[0]), '');
});

test('grant: CreatePolicy + AttachPolicyToRole; a second run reuses both; a name taken by another document is refused', async () => {
  const services = await servicesFor(emulator);
  const account = emulator.accountId;
  const choice = { kind: 'custom' as const, access: { keys: [{ region: REGION, account, keyId: 'key-wf0000000001' }] } };
  const plan = planGrant('AppRole', choice, []);
  assert.ok(!plan.already);
  const done = await executeGrant(services.ram, 'AppRole', plan.steps);
  assert.deepEqual(done.map((d) => [d.step.kind, d.outcome]), [['createPolicy', 'done'], ['attachPolicy', 'done']]);
  const again = await executeGrant(services.ram, 'AppRole', plan.steps);
  assert.deepEqual(again.map((d) => d.outcome), ['reused', 'reused']);
  const other = planGrant('OldRole', { kind: 'custom', access: { keys: [{ region: REGION, account, keyId: 'key-wf0000000002' }] }, policyName: plan.steps[0].policyName }, []);
  assert.ok(!other.already);
  await assert.rejects(executeGrant(services.ram, 'OldRole', other.steps), PolicyNameTakenError);
  assert.deepEqual(emulator.account.roles.get('oldrole')!.policies, [], 'nothing attached after the refusal');
});
