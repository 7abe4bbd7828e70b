// CloudAssistantService through the real ECS SDK against the emulator: RunCommand batched by 100
// (ClientToken makes a retried batch safe), every page of DescribeInvocationResults read with the
// Output decoded, DescribeCloudAssistantStatus batched by 50; and a whole fleet run with polling whose
// calls per round the emulator counts (the budget of issue 16).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './cloud-harness';
import type { CloudServices, EcsInstance, InstanceScriptResult } from '../../src/cloud/types';
import { cancellableSleep, runFleetCheck } from '../../src/workflows/fleet/fleetRun';

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

  it('runs a script on 130 instances in 2 RunCommand calls; each polling round: 1 DescribeInvocations, ≤ 3 DescribeInvocationResults', async () => {
    h.emulator.resetCalls();
    const instances: EcsInstance[] = ids.slice(2).map((instanceId) => ({ instanceId, regionId: 'cn-hangzhou', status: 'Running', networkType: 'vpc', securityGroupIds: [], tags: {} }));
    const results = new Map<string, InstanceScriptResult>();
    // The emulator's own counters, read at every wait: the calls each polling round really made.
    const perRound: { states: number; results: number }[] = [];
    let last = { states: 0, results: 0 };
    let waits = 0;
    const snapshot = () => {
      const now = { states: h.emulator.calls.byAction.DescribeInvocations ?? 0, results: h.emulator.calls.byAction.DescribeInvocationResults ?? 0 };
      const delta = { states: now.states - last.states, results: now.results - last.results };
      last = now;
      return delta;
    };
    const end = await runFleetCheck(services.cloudAssistant, {
      instancesByRegion: new Map([['cn-hangzhou', instances]]), script: 'echo "héllo $((6*7))"', timeoutSeconds: 30, name: 'test',
    }, {
      onResult: (i, r) => results.set(i.instanceId, r), policy: { firstDelayMs: 200, factor: 1.5, maxDelayMs: 1000 },
      // A wait ends the previous round (the first wait follows RunCommand, no round before it).
      sleep: async (ms, signal) => {
        if (waits++ > 0) perRound.push(snapshot());
        await cancellableSleep(ms, signal);
      },
    });
    perRound.push(snapshot());
    assert.equal(h.emulator.calls.byAction.RunCommand, 2, 'batches of 100');
    assert.deepEqual(end.invocations.map((i) => i.instanceIds.length), [100, 28]);
    assert.equal(results.size, COUNT - 2);
    assert.ok([...results.values()].every((r) => r.invocationStatus === 'Success' && r.output === 'héllo 42\n'));
    assert.equal(perRound.length, end.rounds);
    assert.ok(perRound.every((r) => r.states === 1 && r.results <= 3), JSON.stringify(perRound));
    // Both invocations' records were read (2 + 1 pages) and nothing more than the rounds with news needed.
    assert.ok(last.results >= 3, `${last.results} DescribeInvocationResults calls`);
    assert.deepEqual(end.unfinished, []);
    // The run lists its own invocations: the name RunCommand got is unique to the run.
    const listed = await services.cloudAssistant.invocationStates('cn-hangzhou', end.commandName);
    assert.deepEqual(new Set(listed.map((s) => s.invokeId)), new Set(end.invocations.map((i) => i.invokeId)));
    assert.equal(listed.length, COUNT - 2);
  });
});
