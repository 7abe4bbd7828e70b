// Polling of the fleet check against a scripted CloudAssistantService (ours, not the SDK) that counts
// the API calls each method stands for, pages included, as the service would: DescribeInvocations lists
// 50 invocations a page, DescribeInvocationResults 50 records a page. The budget of issue 16:
// DescribeInvocationResults calls ≤ 3 per polling round for any number of instances.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudAssistantService, EcsInstance, InstanceScriptResult, ScriptInvocation } from '../../src/cloud/types';
import { pickResultReads, RESULT_CALLS_PER_ROUND, runFleetCheck } from '../../src/workflows/fleet/fleetRun';

const inst = (id: string): EcsInstance => ({ instanceId: id, regionId: 'cn-hangzhou', status: 'Running', networkType: 'vpc', securityGroupIds: [], tags: {} });
const pages = (n: number) => Math.max(1, Math.ceil(n / 50));

/**
 * A fleet whose instance `id` finishes at the start of round `finishAt(id)` (1-based). Counts the API
 * calls per round: `states` (DescribeInvocations) and `results` (DescribeInvocationResults).
 */
function scriptedFleet(finishAt: (instanceId: string) => number) {
  const invocations: ScriptInvocation[] = [];
  let round = 0;
  const perRound: { states: number; results: number }[] = [];
  const calls = { runCommand: 0, commandNames: new Set<string>() };
  const finished = (id: string) => round >= finishAt(id);
  const service: CloudAssistantService = {
    async runScript(input) {
      calls.commandNames.add(input.name ?? '');
      const out: ScriptInvocation[] = [];
      for (let i = 0; i < input.instanceIds.length; i += 100) {
        calls.runCommand++;
        out.push({ regionId: input.regionId, invokeId: `t-${calls.runCommand}`, commandId: 'c', instanceIds: input.instanceIds.slice(i, i + 100) });
      }
      invocations.push(...out);
      return out;
    },
    async invocationStates(_regionId, commandName) {
      assert.ok(calls.commandNames.has(commandName), 'lists by the name RunCommand was given');
      perRound[round - 1].states += pages(invocations.length);
      return invocations.flatMap((inv) => inv.instanceIds.map((instanceId) => ({ invokeId: inv.invokeId, instanceId, finished: finished(instanceId) })));
    },
    async invocationResults(_regionId, invokeId) {
      const inv = invocations.find((i) => i.invokeId === invokeId)!;
      perRound[round - 1].results += pages(inv.instanceIds.length);
      return inv.instanceIds.map((instanceId): InstanceScriptResult => ({
        invokeId, instanceId, invocationStatus: finished(instanceId) ? 'Success' : 'Running', finished: finished(instanceId), output: '{"v":1}',
      }));
    },
    async cloudAssistantStatus() { return []; },
  };
  const sleep = async () => {
    round++;
    perRound.push({ states: 0, results: 0 });
  };
  return { service, calls, perRound, sleep };
}

async function check(count: number, finishAt: (n: number) => number) {
  const ids = Array.from({ length: count }, (_, n) => `i-${n}`);
  const fleet = scriptedFleet((id) => finishAt(Number(id.slice(2))));
  const delivered = new Set<string>();
  const end = await runFleetCheck(fleet.service, { instancesByRegion: new Map([['cn-hangzhou', ids.map(inst)]]), script: 's', timeoutSeconds: 600, name: 'check' }, {
    onResult: (i) => {
      assert.ok(!delivered.has(i.instanceId), `${i.instanceId} delivered twice`);
      delivered.add(i.instanceId);
    },
    sleep: fleet.sleep, policy: { firstDelayMs: 1000, factor: 1.5, maxDelayMs: 5000 },
  });
  return { ...fleet, end, delivered, ids };
}

for (const count of [10, 100, 1000]) {
  test(`${count} instances: ≤ ${RESULT_CALLS_PER_ROUND} DescribeInvocationResults and 1 DescribeInvocations per round, every result once`, async () => {
    // Staggered finishes over 6 rounds, the worst case for per-round reads (news in every invocation each round).
    const { perRound, end, delivered, calls, ids } = await check(count, (n) => 1 + (n % 6));
    assert.equal(calls.runCommand, Math.ceil(count / 100), 'RunCommand in batches of 100');
    assert.equal(delivered.size, count);
    assert.deepEqual(end.unfinished, []);
    assert.ok(perRound.every((r) => r.results <= RESULT_CALLS_PER_ROUND), JSON.stringify(perRound));
    assert.ok(perRound.every((r) => r.states === 1), 'one DescribeInvocations page covers 50 invocations = 5,000 instances');
    // Every round reads at least one invocation, so once the last instance finished (round 6) each
    // invocation needs at most one more round: the budget delays results, it never starves them.
    assert.ok(end.rounds <= 6 + Math.ceil(ids.length / 100), `${end.rounds} rounds`);
    if (count <= 100) assert.equal(end.rounds, 6, 'one invocation: read in the round its instances finish');
  });
}

test('1,000 instances finishing together: 20 result pages spread over rounds of ≤ 3 calls', async () => {
  const { perRound, end, delivered } = await check(1000, () => 1);
  assert.equal(delivered.size, 1000);
  assert.deepEqual(perRound.map((r) => r.results), [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
  assert.equal(end.rounds, 10);
});

test('100 instances finishing together are all read in the round they finish (2 pages)', async () => {
  const { perRound, end } = await check(100, () => 2);
  assert.deepEqual(perRound, [{ states: 1, results: 0 }, { states: 1, results: 2 }]);
  assert.equal(end.rounds, 2);
});

test('the round plan reads invocations in order while their pages fit the budget', () => {
  const inv = (id: string, n: number): ScriptInvocation => ({ regionId: 'r', invokeId: id, commandId: 'c', instanceIds: Array.from({ length: n }, (_, i) => `${id}-${i}`) });
  const plan = pickResultReads([inv('a', 100), inv('b', 30), inv('c', 100), inv('d', 10)]);
  assert.deepEqual(plan.read.map((i) => i.invokeId), ['a', 'b']);
  assert.deepEqual(plan.deferred.map((i) => i.invokeId), ['c', 'd']);
  assert.deepEqual(pickResultReads([inv('a', 40), inv('b', 40), inv('c', 40), inv('d', 40)]).read.map((i) => i.invokeId), ['a', 'b', 'c']);
});

test('results arrive per instance as they finish, waits back off, and polling stops when all are final', async () => {
  const { perRound, end } = await check(2, (n) => (n === 0 ? 1 : 3));
  assert.equal(end.rounds, 3);
  assert.deepEqual(perRound.map((r) => r.results), [1, 0, 1], 'no DescribeInvocationResults in a round where nothing finished');
  const waits: number[] = [];
  const fleet = scriptedFleet((id) => (id === 'i-a' ? 1 : 3));
  const order: string[] = [];
  await runFleetCheck(fleet.service, { instancesByRegion: new Map([['cn-hangzhou', [inst('i-a'), inst('i-b')]]]), script: 's', timeoutSeconds: 60, name: 'n' }, {
    onResult: (i) => order.push(i.instanceId), sleep: async (ms) => { waits.push(ms); await fleet.sleep(); },
    policy: { firstDelayMs: 1000, factor: 2, maxDelayMs: 3000 },
  });
  assert.deepEqual(order, ['i-a', 'i-b']);
  assert.deepEqual(waits, [1000, 2000, 3000]);
});

test('cancelling stops polling and names the invocations that may still be running', async () => {
  const fleet = scriptedFleet((id) => (id === 'i-a' ? 1 : 99));
  const controller = new AbortController();
  let rounds = 0;
  const end = await runFleetCheck(fleet.service, { instancesByRegion: new Map([['cn-hangzhou', [inst('i-a'), inst('i-b')]]]), script: 's', timeoutSeconds: 60, name: 'n' }, {
    onResult: () => undefined, signal: controller.signal,
    sleep: async () => { await fleet.sleep(); if (++rounds === 3) controller.abort(); },
  });
  assert.equal(end.cancelled, true);
  assert.deepEqual(end.unfinished.map((u) => [u.invocation.invokeId, u.instanceIds]), [['t-1', ['i-b']]]);
});
