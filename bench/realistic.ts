// The realistic account (issue 19): 1,200 roles, 6,000 instances over 12 regions, RAM's flow
// control (20 read calls/s) and 80 ms a call. Every figure has its call count next to its time:
// counts are stable across machines, times are not. The explorer parts run in a child process with
// the vscode stand-in (bench/realistic/explorerChild.ts); Diagnose and role → instances run here.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { startEmulator, type Emulator } from '../test/emulator';
import { REALISTIC_KEY, REALISTIC_THIS_ROLE } from '../test/emulator/scenarios/realistic';
import { REGIONS } from '../test/emulator/regions';
import { benchCloud } from './cloudEnv';
import { measureDiagnose } from './realistic/diagnose';
import { progress } from './progress';

const KEY_REGION = 'cn-hangzhou';

export interface RealisticResult {
  readonly rolesFirstPageMs: number;
  readonly rolesFirstPageCalls: number;
  /** Requests refused with Throttling.User (and retried): counted in the calls above. */
  readonly rolesFirstPageThrottled: number;
  readonly rolesFirstScreenRows: number;
  readonly rolesWithVerdict: number;
  readonly keyRolesMs: number;
  readonly keyRolesFirstFoundMs: number;
  readonly keyRolesCalls: number;
  /** ListRoles pages + ListPoliciesForRole per candidate + one read per distinct policy version. */
  readonly keyRolesBudget: number;
  readonly keyRolesThrottled: number;
  readonly keyRolesFound: number;
  readonly roleInstancesCalls: number;
  readonly roleInstancesMs: number;
  /** key_roles_calls + the calls of "Instances that can use this key" after the scan. */
  readonly whoCanUseKeyCalls: number;
  /** The calls "Instances that can use this key" may make after the scan, from the account itself. */
  readonly keyInstancesBudget: number;
  readonly keyInstancesCalls: number;
  readonly keyInstancesMs: number;
  readonly keyInstancesFound: number;
  readonly diagnoseCalls: number;
  readonly diagnoseApiCalls: number;
  readonly diagnoseMs: number;
  readonly diagnosePassed: boolean;
}

const total = (emulator: Emulator) => emulator.calls.total;
const throttled = (emulator: Emulator) => Object.values(emulator.limits.throttled).reduce((a, b) => a + b, 0);

/** The calls "Roles that can use this key" may make, from the account itself: GetCallerIdentity (the
 * key's ARN needs the account id; cached per profile afterwards), the ListRoles pages, one
 * ListPoliciesForRole per candidate (not service-linked) role, one read per distinct policy version. */
function keyRolesBudget(emulator: Emulator): number {
  const roles = [...emulator.account.roles.values()];
  const candidates = roles.filter((r) => !r.name.startsWith('AliyunServiceRoleFor'));
  const versions = new Set(candidates.flatMap((r) => r.policies.map((p) => `${p.type}:${p.name}`)));
  return 1 + Math.ceil(roles.length / 100) + candidates.length + versions.size;
}

/** With many roles found, one pass over every region's instances: DescribeRegions, then per region the
 * DescribeInstances pages (100; one for an empty region) and one DescribeInstanceRamRole per 50 listed. */
function keyInstancesBudget(emulator: Emulator): number {
  const perRegion = new Map<string, number>(REGIONS.map((r) => [r.id, 0]));
  for (const i of emulator.account.instances.values()) perRegion.set(i.region, (perRegion.get(i.region) ?? 0) + 1);
  let calls = 1;
  for (const n of perRegion.values()) {
    calls += Math.max(1, Math.ceil(n / 100));
    for (let left = n; left > 0; left -= 100) calls += Math.ceil(Math.min(100, left) / 50);
  }
  return calls;
}

type ExplorerFigures = 'rolesFirstPageMs' | 'rolesFirstPageCalls' | 'rolesFirstPageThrottled' | 'rolesFirstScreenRows' | 'rolesWithVerdict' | 'keyRolesMs' | 'keyRolesFirstFoundMs'
  | 'keyRolesCalls' | 'keyRolesThrottled' | 'keyRolesFound' | 'keyInstancesCalls' | 'keyInstancesMs' | 'keyInstancesFound';

async function explorer(emulator: Emulator): Promise<Pick<RealisticResult, ExplorerFigures>> {
  const address = { api: emulator.api, metadata: emulator.metadata, accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret, keyId: REALISTIC_KEY, keyRegion: KEY_REGION };
  const proc = spawn(process.execPath, ['--require', path.join(__dirname, 'harness', 'registerVscode.cjs'), '--import', 'tsx', path.join(__dirname, 'realistic', 'explorerChild.ts'), JSON.stringify(address)], {
    cwd: path.resolve(__dirname, '..'), env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));
  const out = readline.createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await out.next();
    if (line.done) throw new Error(`explorer child ended early: ${stderr.trim()}`);
    return JSON.parse(line.value) as Record<string, number>;
  };
  await next();
  emulator.resetCalls();
  proc.stdin.write('go\n');
  const roles = await next();
  const rolesFirstPageCalls = total(emulator);
  const rolesFirstPageThrottled = throttled(emulator);
  progress(`realistic: roles first screen ${roles.rolesFirstPageMs.toFixed(0)} ms, ${rolesFirstPageCalls} calls (${JSON.stringify(emulator.calls.byAction)}, ${rolesFirstPageThrottled} throttled)`);
  await new Promise((resolve) => setTimeout(resolve, 300)); // in-flight reads of the stopped view land
  emulator.resetCalls();
  proc.stdin.write('go\n');
  const keys = await next();
  const keyRolesCalls = total(emulator);
  const keyRolesThrottled = throttled(emulator);
  progress(`realistic: key roles ${keys.keyRolesMs.toFixed(0)} ms (first at ${keys.firstFoundMs.toFixed(0)} ms), ${keyRolesCalls} calls, ${keyRolesThrottled} throttled, ${keys.found} roles found`);
  emulator.resetCalls();
  proc.stdin.write('go\n');
  const instances = await next();
  const keyInstancesCalls = total(emulator);
  progress(`realistic: instances that can use the key ${instances.keyInstancesMs.toFixed(0)} ms, ${keyInstancesCalls} calls (${JSON.stringify(emulator.calls.byAction)}), ${instances.instances} instances`);
  proc.stdin.end();
  if ((await exited) !== 0) throw new Error(`explorer child failed: ${stderr.trim()}`);
  return {
    rolesFirstPageMs: roles.rolesFirstPageMs, rolesFirstPageCalls, rolesFirstPageThrottled, rolesFirstScreenRows: roles.firstScreen, rolesWithVerdict: roles.withVerdict,
    keyRolesMs: keys.keyRolesMs, keyRolesFirstFoundMs: keys.firstFoundMs, keyRolesCalls, keyRolesThrottled, keyRolesFound: keys.found,
    keyInstancesCalls, keyInstancesMs: instances.keyInstancesMs, keyInstancesFound: instances.instances,
  };
}

/** The existing role → instances path (RoleInstancesNode): DescribeRegions, then one call per region. */
async function roleInstances(emulator: Emulator): Promise<{ calls: number; ms: number }> {
  const cloud = benchCloud(emulator);
  try {
    const services = await cloud.admin(KEY_REGION);
    await services.sts.getCallerIdentity();
    emulator.resetCalls();
    const t0 = performance.now();
    const regions = (await services.ecs.describeRegions()).map((r) => r.regionId);
    for await (const outcome of services.fanOut(regions, (regionId, options) => services.ecs.describeInstanceRamRoles(regionId, { ramRoleName: REALISTIC_THIS_ROLE }, options))) {
      if (!outcome.ok) throw outcome.error;
    }
    return { calls: total(emulator), ms: performance.now() - t0 };
  } finally {
    cloud.close();
  }
}

export async function measureRealistic(): Promise<RealisticResult> {
  const t0 = performance.now();
  const emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'realistic', metadataMode: 'token-required' });
  progress(`realistic: account built in ${(performance.now() - t0).toFixed(0)} ms; ${emulator.faults.latencyMs} ms a call, RAM reads 20/s`);
  try {
    const e = await explorer(emulator);
    const ri = await roleInstances(emulator);
    const d = await measureDiagnose(emulator, KEY_REGION, REALISTIC_KEY);
    progress(`realistic: role → instances ${ri.calls} calls; Diagnose ${d.calls} calls (${d.apiCalls} API) in ${d.ms.toFixed(0)} ms`);
    return {
      ...e, keyRolesBudget: keyRolesBudget(emulator), roleInstancesCalls: ri.calls, roleInstancesMs: ri.ms,
      whoCanUseKeyCalls: e.keyRolesCalls + e.keyInstancesCalls, keyInstancesBudget: keyInstancesBudget(emulator),
      diagnoseCalls: d.calls, diagnoseApiCalls: d.apiCalls, diagnoseMs: d.ms, diagnosePassed: d.passed,
    };
  } finally {
    await emulator.close();
  }
}
