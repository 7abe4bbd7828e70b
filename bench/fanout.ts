// Fan-out: every instance of the emulator's `large` scenario (10,000 instances over 29 regions)
// through the cloud layer's all-regions listing, with injected latency per call; the same listing
// region by region; and the same fan-out with injected throttling. The emulator runs in its own
// process (its per-call CPU would otherwise be charged to the client's event loop).
import { benchCloud } from './cloudEnv';
import { progress } from './progress';
import { startRemoteEmulator } from './remoteEmulator';
import { criticalPathCalls, summarize, type Summary } from './stats';
import type { CloudServices } from '../src/cloud/types';

export interface FanOutResult {
  readonly latencyMs: number;
  readonly regions: number;
  readonly wall: Summary;
  /** CPU time of this (client) process during a default-concurrency listing. */
  readonly clientCpu: Summary;
  readonly criticalPathMs: number;
  readonly criticalPathCalls: number;
  readonly sequentialMs: number;
  readonly unboundedWallMs: number;
  readonly calls: number;
  readonly callsByAction: Record<string, number>;
  readonly correct: boolean;
  readonly throttledWall: Summary;
  readonly throttledCorrect: boolean;
  readonly throttledCalls: number;
}

/** Lists every instance; true when exactly the emulator's instance ids came back and no region failed. */
async function listAll(services: CloudServices, expected: readonly string[], concurrency?: number): Promise<{ ms: number; cpuMs: number; correct: boolean }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const ids: string[] = [];
  let failed = 0;
  for await (const outcome of services.ecs.listInstancesAllRegions({ concurrency })) {
    if (outcome.ok) ids.push(...outcome.value.map((i) => i.instanceId));
    else failed++;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, correct: failed === 0 && sameIds(ids, expected) };
}

async function listSequential(services: CloudServices, expected: readonly string[]): Promise<{ ms: number; correct: boolean }> {
  const t0 = performance.now();
  const ids: string[] = [];
  for (const region of await services.ecs.describeRegions()) {
    for await (const instance of services.ecs.listInstances(region.regionId)) ids.push(instance.instanceId);
  }
  return { ms: performance.now() - t0, correct: sameIds(ids, expected) };
}

function sameIds(got: readonly string[], want: readonly string[]): boolean {
  if (got.length !== want.length) return false;
  const set = new Set(got);
  return set.size === want.length && want.every((id) => set.has(id));
}

export async function measureFanOut(runs: number, latencyMs = 100, throttleRate = 0.1): Promise<FanOutResult> {
  const emulator = await startRemoteEmulator({ scenario: 'large', latencyMs, randomSeed: 20261130 });
  const cloud = benchCloud(emulator);
  try {
    const services = await cloud.admin();
    const instances = await emulator.instances();
    const expected = instances.map(([id]) => id);
    const sizes = new Map<string, number>();
    for (const [, region] of instances) sizes.set(region, (sizes.get(region) ?? 0) + 1);
    const pathCalls = criticalPathCalls([...sizes.values()], { pageSize: 100, roleChunk: 50, includeRamRoles: true });

    progress(`fan-out: ${instances.length} instances in ${sizes.size} regions, ${latencyMs} ms per call; warm-up`);
    await listAll(services, expected);

    const walls: number[] = [];
    const cpus: number[] = [];
    let correct = true;
    let calls = 0;
    let callsByAction: Record<string, number> = {};
    for (let i = 0; i < runs; i++) {
      await emulator.resetCalls();
      const r = await listAll(services, expected);
      walls.push(r.ms);
      cpus.push(r.cpuMs);
      correct &&= r.correct;
      const counted = await emulator.calls();
      calls = counted.total;
      callsByAction = counted.byAction;
      progress(`fan-out run ${i + 1}/${runs}: ${Math.round(r.ms)} ms (client CPU ${Math.round(r.cpuMs)} ms), ${calls} calls, ${r.correct ? 'correct' : 'WRONG'}`);
    }

    const unbounded = await listAll(services, expected, Math.max(32, sizes.size));
    progress(`fan-out with every region at once: ${Math.round(unbounded.ms)} ms`);

    progress('fan-out: region by region (sequential)');
    const sequential = await listSequential(services, expected);
    correct &&= sequential.correct;
    progress(`sequential: ${Math.round(sequential.ms)} ms`);

    await emulator.setFaults({ throttleRate });
    const throttled: number[] = [];
    let throttledCorrect = true;
    let throttledCalls = 0;
    for (let i = 0; i < runs; i++) {
      await emulator.resetCalls();
      const r = await listAll(services, expected);
      throttled.push(r.ms);
      throttledCorrect &&= r.correct;
      throttledCalls = (await emulator.calls()).total;
      progress(`fan-out with ${throttleRate * 100}% throttling, run ${i + 1}/${runs}: ${Math.round(r.ms)} ms, ${throttledCalls} calls, ${r.correct ? 'correct' : 'WRONG'}`);
    }
    return {
      latencyMs, regions: sizes.size, wall: summarize(walls), clientCpu: summarize(cpus), criticalPathCalls: pathCalls, criticalPathMs: pathCalls * latencyMs,
      sequentialMs: sequential.ms, unboundedWallMs: unbounded.ms, calls, callsByAction, correct,
      throttledWall: summarize(throttled), throttledCorrect, throttledCalls,
    };
  } finally {
    cloud.close();
    await emulator.close();
  }
}
