// CloudAssistantService through the real ECS SDK against the emulator: RunCommand batched by 100
// (ClientToken makes a retried batch safe), every page of DescribeInvocationResults read with the
// Output decoded, DescribeCloudAssistantStatus batched by 50; and a whole fleet run with polling.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import type { CloudServices, EcsInstance, InstanceScriptResult } from '../../src/cloud/types';
import { runFleetCheck } from '../../src/workflows/fleet/fleetRun';

const COUNT = 130;
const ids = Array.from({ length: COUNT }, (_, n) => `i-ca${String(n).padStart(18, '0')}`);

let h: Harness;
let services: CloudServices;
before(async () => {
  h = await startHarness({
    seed: {
      accountId: '1688000000000077',
      vpcs: [{ id: 'vpc-ca01', region: 'cn-hangzhou', vSwitches: [{ id: 'vsw-ca01' }] }],
      instances: ids.map((id, n) => ({ id, name: `n-${n}`, region: 'cn-hangzhou' })),
      cloudAssistant: { withoutAgent: [ids[0]], windows: [ids[1]] },
    },
  });
  services = await h.admin('cn-hangzhou');
});
after(() => h.close());

describe('cloud Cloud Assistant', () => {
  it('reads the agent status of 130 instances in 3 calls of at most 50', async () => {
    h.emulator.resetCalls();
    const statuses = await services.cloudAssistant.cloudAssistantStatus('cn-hangzhou', ids);
    assert.equal(h.emulator.calls.byAction.DescribeCloudAssistantStatus, 3);
    assert.equal(statuses.length, COUNT);
    assert.deepEqual(statuses.slice(0, 3).map((s) => [s.running, s.osType]), [[false, 'Linux'], [true, 'Windows'], [true, 'Linux']]);
  });

  it('runs a script on 130 instances in 2 RunCommand calls and polls every result, output decoded', async () => {
    h.emulator.resetCalls();
    const instances: EcsInstance[] = ids.slice(2).map((instanceId) => ({ instanceId, regionId: 'cn-hangzhou', status: 'Running', networkType: 'vpc', securityGroupIds: [], tags: {} }));
    const results = new Map<string, InstanceScriptResult>();
    const end = await runFleetCheck(services.cloudAssistant, {
      instancesByRegion: new Map([['cn-hangzhou', instances]]), script: 'echo "héllo $((6*7))"', timeoutSeconds: 30, name: 'test',
    }, { onResult: (i, r) => results.set(i.instanceId, r), policy: { firstDelayMs: 200, factor: 1.5, maxDelayMs: 1000 } });
    assert.equal(h.emulator.calls.byAction.RunCommand, 2, 'batches of 100');
    assert.deepEqual(end.invocations.map((i) => i.instanceIds.length), [100, 28]);
    assert.equal(results.size, COUNT - 2);
    assert.ok([...results.values()].every((r) => r.invocationStatus === 'Success' && r.output === 'héllo 42\n'));
    // Each round reads each unfinished invocation's pages (50 per page): never more than 3 calls a round here.
    assert.ok(h.emulator.calls.byAction.DescribeInvocationResults <= end.rounds * 3, `${h.emulator.calls.byAction.DescribeInvocationResults} calls in ${end.rounds} rounds`);
    assert.deepEqual(end.unfinished, []);
  });
});
