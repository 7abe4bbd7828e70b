// `npx tsx bench/fleetCheck.ts [--json]`: the fleet check ("Check KMS Access on Instances") on 100
// instances with 100 ms added to every API call of the emulator (in its own process, where the
// scripts really run). Reports the wall time, the scripts' own span, and the API calls: RunCommand
// batching, DescribeCloudAssistantStatus batching, DescribeInvocations and DescribeInvocationResults in
// each polling round (the emulator's counters read at every wait).
// Goals (issue 16): wall ≤ script span + 3 polling intervals; ≤ 3 DescribeInvocationResults calls per round.
import * as os from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchCloud } from './cloudEnv';
import { progress } from './progress';
import { startRemoteEmulator } from './remoteEmulator';
import type { EcsInstance, InstanceScriptResult } from '../src/cloud/types';
import { planFleetCheck, statusQueries } from '../src/workflows/fleet/fleetPlan';
import { cancellableSleep, DEFAULT_POLL, runFleetCheck } from '../src/workflows/fleet/fleetRun';
import { buildCheckCommand } from '../src/workflows/fleet/fleetScript';
import { verdictOf } from '../src/workflows/fleet/fleetVerdict';

const COUNT = 100;
const LATENCY_MS = 100;
const REGION = 'cn-hangzhou';
const KEY = 'key-benchfleet000000001';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const ids = Array.from({ length: COUNT }, (_, n) => `i-fleet${String(n).padStart(15, '0')}`);
  const emulator = await startRemoteEmulator({
    latencyMs: LATENCY_MS,
    seed: {
      accountId: '1688000000000099',
      roles: [{ name: 'FleetKmsRole', policies: ['AliyunKMSCryptoUserAccess'] }],
      vpcs: [{ id: 'vpc-fleet01', region: REGION, vSwitches: [{ id: 'vsw-fleet01' }] }],
      instances: ids.map((id, n) => ({ id, name: `fleet-${n}`, region: REGION, role: 'FleetKmsRole' })),
      keys: [{ id: KEY, region: REGION }],
    },
  });
  const cloud = benchCloud(emulator);
  try {
    const services = await cloud.admin(REGION);
    const script = buildCheckCommand(readFileSync(join(__dirname, '..', 'src', 'workflows', 'fleet', 'fleet-check.py'), 'utf8'), { keyId: KEY, regionId: REGION });
    const instances: EcsInstance[] = ids.map((instanceId) => ({ instanceId, regionId: REGION, status: 'Running', networkType: 'vpc', securityGroupIds: [], tags: {} }));
    await services.cloudAssistant.cloudAssistantStatus(REGION, ids.slice(0, 1)); // loads the SDK outside the timing
    await emulator.resetCalls();
    progress(`${COUNT} instances, ${LATENCY_MS} ms per API call, load average ${os.loadavg()[0].toFixed(1)}`);

    const t0 = Date.now();
    const statuses = [];
    for (const [regionId, list] of statusQueries(instances)) statuses.push(...await services.cloudAssistant.cloudAssistantStatus(regionId, list));
    const plan = planFleetCheck(instances, statuses);
    const results: InstanceScriptResult[] = [];
    let started = 0;
    // Each wait but the first ends a polling round: the emulator's counters then give that round's calls.
    const perRound: { states: number; results: number }[] = [];
    let last = { states: 0, results: 0 };
    const roundCalls = async () => {
      const byAction = (await emulator.calls()).byAction;
      const now = { states: byAction.DescribeInvocations ?? 0, results: byAction.DescribeInvocationResults ?? 0 };
      perRound.push({ states: now.states - last.states, results: now.results - last.results });
      last = now;
    };
    let waits = 0;
    const end = await runFleetCheck(services.cloudAssistant, { instancesByRegion: plan.run, script, timeoutSeconds: 90, name: 'bench' }, {
      onStarted: () => { started = Date.now(); },
      onResult: (_instance, result) => results.push(result),
      sleep: async (ms, signal) => {
        if (waits++ > 0) await roundCalls();
        await cancellableSleep(ms, signal);
      },
    });
    const wallMs = Date.now() - t0;
    await roundCalls();
    const calls = await emulator.calls();
    const passed = results.filter((r) => verdictOf(instances[0], r, { keyId: KEY, regionId: REGION }, 90).status === 'passed').length;
    // Cloud Assistant reports times to the second: the span is from RunCommand's answer to the last script's end.
    const lastFinish = Math.max(...results.map((r) => Date.parse(r.finishedTime ?? '') || 0));
    const scriptSpanMs = Math.max(0, lastFinish + 999 - started);
    const dir = calls.byAction.DescribeInvocationResults ?? 0;
    const figures = {
      fleet_instances: COUNT, fleet_latency_ms: LATENCY_MS, fleet_wall_ms: wallMs, fleet_script_span_ms: scriptSpanMs,
      fleet_wall_over_script_ms: wallMs - scriptSpanMs, fleet_poll_interval_max_ms: DEFAULT_POLL.maxDelayMs, fleet_poll_rounds: end.rounds,
      fleet_run_command_calls: calls.byAction.RunCommand ?? 0, fleet_status_calls: calls.byAction.DescribeCloudAssistantStatus ?? 0,
      fleet_invocation_results_calls: dir, fleet_invocation_results_calls_per_round: Number((dir / Math.max(1, end.rounds)).toFixed(2)),
      fleet_invocation_results_calls_max_round: Math.max(0, ...perRound.map((r) => r.results)),
      fleet_invocations_calls: calls.byAction.DescribeInvocations ?? 0, fleet_invocations_calls_max_round: Math.max(0, ...perRound.map((r) => r.states)),
      fleet_calls_per_round: perRound.map((r) => `${r.states}+${r.results}`).join(' '),
      fleet_kms_calls: (calls.byAction.Encrypt ?? 0) + (calls.byAction.Decrypt ?? 0), fleet_passed: passed, fleet_results: results.length,
      fleet_unfinished: end.unfinished.reduce((n, u) => n + u.instanceIds.length, 0),
      machine_cpus: os.cpus().length, load_average_end: Number(os.loadavg()[0].toFixed(1)),
    };
    const wallGoal = figures.fleet_wall_over_script_ms <= 3 * DEFAULT_POLL.maxDelayMs;
    const callGoal = figures.fleet_invocation_results_calls_max_round <= 3;
    if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else {
      process.stdout.write([
        `fleet check, ${COUNT} instances, ${LATENCY_MS} ms per API call (${figures.machine_cpus} CPUs, load ${figures.load_average_end})`,
        `  wall                         ${wallMs} ms`,
        `  scripts (RunCommand → last)  ${scriptSpanMs} ms (1 s resolution)`,
        `  wall − scripts               ${figures.fleet_wall_over_script_ms} ms   goal ≤ 3 × ${DEFAULT_POLL.maxDelayMs} ms: ${wallGoal ? 'met' : 'NOT met'}`,
        `  RunCommand calls             ${figures.fleet_run_command_calls} (batches of 100)`,
        `  DescribeCloudAssistantStatus ${figures.fleet_status_calls} (batches of 50)`,
        `  DescribeInvocations          ${figures.fleet_invocations_calls} in ${end.rounds} rounds (at most ${figures.fleet_invocations_calls_max_round} a round)`,
        `  DescribeInvocationResults    ${dir} in ${end.rounds} rounds, at most ${figures.fleet_invocation_results_calls_max_round} a round   goal ≤ 3 a round: ${callGoal ? 'met' : 'NOT met'}`,
        `  calls per round (Invocations+Results) ${figures.fleet_calls_per_round}`,
        `  KMS calls by the scripts     ${figures.fleet_kms_calls}; passed ${passed}/${results.length}; unfinished at the deadline ${figures.fleet_unfinished}`,
        '',
      ].join('\n'));
    }
  } finally {
    cloud.close();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
