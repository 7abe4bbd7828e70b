// The figures of one run: the JSON object of `--json` (issue 9's keys, plus min/max and context)
// and the readable table with the goals.
import type { ActivationResult } from './activation';
import type { EncryptResult } from './encrypt';
import type { FanOutResult } from './fanout';
import type { RealisticResult } from './realistic';
import { realisticJson, realisticRows } from './realisticReport';
import { round } from './stats';
import type { TreeResult } from './tree';

export interface BenchResults {
  readonly activation: ActivationResult;
  readonly fanOut: FanOutResult;
  readonly encrypt: EncryptResult;
  readonly tree: TreeResult;
  readonly realistic: RealisticResult;
  /** os.loadavg()[0] at the start and the end: the figures depend on how busy the machine was. */
  readonly loadAverage: readonly [number, number];
  readonly cpus: number;
}

export function toJson(r: BenchResults): Record<string, number> {
  const { activation: a, fanOut: f, encrypt: e, tree: t } = r;
  return {
    activation_ms: round(a.extension.median, 2),
    activation_ms_min: round(a.extension.min, 2),
    activation_ms_max: round(a.extension.max, 2),
    activation_require_ms: round(a.extensionLoad.median, 2),
    activation_empty_ms: round(a.empty.median, 2),
    activation_empty_ms_min: round(a.empty.min, 2),
    activation_empty_ms_max: round(a.empty.max, 2),
    activation_samples: a.extension.n,
    activation_first_use_ms: round(a.firstUse.median, 2),
    main_bundle_bytes: a.mainBundleBytes,
    implementation_bundle_bytes: a.implementationBundleBytes,
    vsix_bytes: a.vsixBytes,
    fanout_wall_ms: round(f.wall.median, 0),
    fanout_wall_ms_min: round(f.wall.min, 0),
    fanout_wall_ms_max: round(f.wall.max, 0),
    fanout_client_cpu_ms: round(f.clientCpu.median, 0),
    fanout_critical_path_ms: f.criticalPathMs,
    fanout_critical_path_calls: f.criticalPathCalls,
    fanout_unbounded_wall_ms: round(f.unboundedWallMs, 0),
    fanout_sequential_ms: round(f.sequentialMs, 0),
    fanout_calls: f.calls,
    fanout_correct: f.correct ? 1 : 0,
    fanout_throttled_wall_ms: round(f.throttledWall.median, 0),
    fanout_throttled_wall_ms_min: round(f.throttledWall.min, 0),
    fanout_throttled_wall_ms_max: round(f.throttledWall.max, 0),
    fanout_throttled_calls: f.throttledCalls,
    fanout_throttled_correct: f.throttledCorrect ? 1 : 0,
    fanout_regions: f.regions,
    fanout_latency_ms: f.latencyMs,
    fanout_runs: f.wall.n,
    encrypt_metadata_calls: e.metadataCalls,
    encrypt_metadata_refresh_calls: e.refreshCalls,
    encrypt_ms_median: round(e.ours.median, 3),
    encrypt_ms_min: round(e.ours.min, 3),
    encrypt_ms_max: round(e.ours.max, 3),
    encrypt_raw_sdk_ms_median: round(e.raw.median, 3),
    encrypt_raw_sdk_ms_min: round(e.raw.min, 3),
    encrypt_raw_sdk_ms_max: round(e.raw.max, 3),
    encrypt_count: e.encrypts,
    encrypt_runs: e.runs,
    tree_first_page_ms: round(t.firstPage.median, 1),
    tree_first_page_ms_min: round(t.firstPage.min, 1),
    tree_first_page_ms_max: round(t.firstPage.max, 1),
    tree_memory_mb: round(t.allMb, 1),
    tree_first_page_memory_mb: round(t.firstPageMb, 2),
    tree_all_pages_ms: round(t.allMs, 0),
    tree_instances: t.instances,
    ...realisticJson(r.realistic),
    machine_cpus: r.cpus,
    load_average_start: round(r.loadAverage[0], 1),
    load_average_end: round(r.loadAverage[1], 1),
  };
}

export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly goal: string;
  readonly met?: boolean;
}

function ms(value: number, digits = 1): string {
  return `${value.toFixed(digits)} ms`;
}

export function rows(r: BenchResults): Row[] {
  return rowsOf(toJson(r));
}

/** The rows from the JSON figures (so a saved `--json` run can be printed as the table again). */
export function rowsOf(j: Record<string, number>): Row[] {
  const activationGoal = 1.5 * j.activation_empty_ms + 5;
  const fanGoal = 1.3 * j.fanout_critical_path_ms;
  return [
    { figure: 'activation_ms (require + activate, median)', value: `${ms(j.activation_ms, 2)} (${j.activation_ms_min}–${j.activation_ms_max})`, goal: `≤ 1.5 × empty + 5 = ${activationGoal.toFixed(2)} ms`, met: j.activation_ms <= activationGoal },
    { figure: 'activation_empty_ms', value: `${ms(j.activation_empty_ms, 2)} (${j.activation_empty_ms_min}–${j.activation_empty_ms_max})`, goal: '' },
    { figure: 'main_bundle_bytes (dist/extension.js, minified)', value: j.main_bundle_bytes.toLocaleString('en-US'), goal: '≤ 150,000', met: j.main_bundle_bytes <= 150_000 },
    { figure: 'activation_first_use_ms (dist/main.js loaded and started after activation)', value: ms(j.activation_first_use_ms, 2), goal: '' },
    { figure: 'implementation_bundle_bytes (dist/main.js, minified)', value: j.implementation_bundle_bytes.toLocaleString('en-US'), goal: '' },
    { figure: 'vsix_bytes', value: j.vsix_bytes.toLocaleString('en-US'), goal: '' },
    { figure: `fanout_wall_ms (${j.fanout_regions} regions, ${j.fanout_latency_ms} ms/call)`, value: `${ms(j.fanout_wall_ms, 0)} (${j.fanout_wall_ms_min}–${j.fanout_wall_ms_max})`, goal: `≤ 1.3 × critical path = ${fanGoal.toFixed(0)} ms`, met: j.fanout_wall_ms <= fanGoal },
    { figure: 'fanout_client_cpu_ms (CPU of the client process)', value: ms(j.fanout_client_cpu_ms, 0), goal: '' },
    { figure: 'fanout_critical_path_ms', value: `${ms(j.fanout_critical_path_ms, 0)} (${j.fanout_critical_path_calls} calls in a row)`, goal: '' },
    { figure: 'fanout_unbounded_wall_ms (every region at once)', value: ms(j.fanout_unbounded_wall_ms, 0), goal: '' },
    { figure: 'fanout_sequential_ms (region by region)', value: ms(j.fanout_sequential_ms, 0), goal: '' },
    { figure: 'fanout_calls', value: String(j.fanout_calls), goal: '' },
    { figure: 'fanout_correct', value: String(j.fanout_correct), goal: '1', met: j.fanout_correct === 1 },
    { figure: 'fanout_throttled_wall_ms (10% throttled)', value: `${ms(j.fanout_throttled_wall_ms, 0)} (${j.fanout_throttled_wall_ms_min}–${j.fanout_throttled_wall_ms_max}), ${j.fanout_throttled_calls} calls`, goal: `≤ ${fanGoal.toFixed(0)} ms`, met: j.fanout_throttled_wall_ms <= fanGoal && j.fanout_throttled_correct === 1 },
    { figure: 'encrypt_metadata_calls (cold cache, no role name configured)', value: String(j.encrypt_metadata_calls), goal: '≤ 3 (token, role name, credential)', met: j.encrypt_metadata_calls <= 3 },
    { figure: 'encrypt_metadata_refresh_calls (each later lifetime)', value: String(j.encrypt_metadata_refresh_calls), goal: '≤ 1 (the credential)', met: j.encrypt_metadata_refresh_calls <= 1 },
    { figure: `encrypt_ms_median (instance credential, ${j.encrypt_runs} × ${j.encrypt_count})`, value: ms(j.encrypt_ms_median, 3), goal: `≤ 1.1 × raw = ${(1.1 * j.encrypt_raw_sdk_ms_median).toFixed(3)} ms`, met: j.encrypt_ms_median <= 1.1 * j.encrypt_raw_sdk_ms_median },
    { figure: 'encrypt_raw_sdk_ms_median (static credential)', value: ms(j.encrypt_raw_sdk_ms_median, 3), goal: '' },
    { figure: 'tree_first_page_ms (10,000 in one region)', value: `${ms(j.tree_first_page_ms)} (${j.tree_first_page_ms_min}–${j.tree_first_page_ms_max})`, goal: '≤ 300 ms', met: j.tree_first_page_ms <= 300 },
    { figure: 'tree_memory_mb (all 10,000 loaded)', value: `${j.tree_memory_mb.toFixed(1)} MB (first page ${j.tree_first_page_memory_mb} MB)`, goal: '≤ 50 MB', met: j.tree_memory_mb <= 50 },
    ...realisticRows(j),
  ];
}

export function table(r: BenchResults): string {
  return tableOf(rows(r));
}

export function tableOf(list: Row[]): string {
  const head = { figure: 'Figure', value: 'Value (median, min–max)', goal: 'Goal', status: '' };
  const status = (row: Row) => (row.met === undefined ? '' : row.met ? 'met' : 'MISSED');
  const w = [
    Math.max(head.figure.length, ...list.map((x) => x.figure.length)),
    Math.max(head.value.length, ...list.map((x) => x.value.length)),
    Math.max(head.goal.length, ...list.map((x) => x.goal.length)),
  ];
  const line = (a: string, b: string, c: string, d: string) => `| ${a.padEnd(w[0])} | ${b.padEnd(w[1])} | ${c.padEnd(w[2])} | ${d.padEnd(6)} |`;
  return [
    line(head.figure, head.value, head.goal, 'Status'),
    `|${'-'.repeat(w[0] + 2)}|${'-'.repeat(w[1] + 2)}|${'-'.repeat(w[2] + 2)}|--------|`,
    ...list.map((row) => line(row.figure, row.value, row.goal, status(row))),
  ].join('\n');
}
