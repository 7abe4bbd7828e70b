// The figures of `npm run bench:vscode`: the flat JSON of `--json` (as `npm run bench -- --json`) and
// the table with goals and status, each missed goal with its reason.
import type { Row } from '../report';
import { round } from '../stats';
import type { FirstPaintResult } from './firstPaint';
import type { HostActivationResult } from './hostActivation';

export interface VscodeBenchResults {
  readonly activation: HostActivationResult;
  readonly firstPaint: FirstPaintResult;
  readonly loadAverage: readonly [number, number];
  readonly cpus: number;
}

/** The activation goal: at most 1.5 × the empty extension's total. */
export const ACTIVATION_RATIO_GOAL = 1.5;
/** The first-paint goal: 2 × the latency of the critical path's calls + 300 ms. */
export function firstPaintGoalMs(criticalPathCalls: number, latencyMs: number): number {
  return 2 * criticalPathCalls * latencyMs + 300;
}

/** `ListRoles ×1, GetRole ×5` in the order first seen. */
export function countByAction(actions: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
  return [...counts].map(([action, count]) => `${action} ×${count}`).join(', ');
}

export function vscodeJson(r: VscodeBenchResults): Record<string, number | string> {
  const { activation: a, firstPaint: p } = r;
  return {
    vscode_activation_ms: a.extension.total.median,
    vscode_activation_ms_min: a.extension.total.min,
    vscode_activation_ms_max: a.extension.total.max,
    vscode_activation_code_loading_ms: a.extension.codeLoading.median,
    vscode_activation_activate_call_ms: a.extension.activateCall.median,
    vscode_activation_activate_resolved_ms: a.extension.activateResolved.median,
    vscode_activation_empty_ms: a.empty.total.median,
    vscode_activation_empty_ms_min: a.empty.total.min,
    vscode_activation_empty_ms_max: a.empty.total.max,
    vscode_activation_empty_code_loading_ms: a.empty.codeLoading.median,
    vscode_activation_empty_activate_call_ms: a.empty.activateCall.median,
    vscode_activation_empty_activate_resolved_ms: a.empty.activateResolved.median,
    vscode_activation_event: a.extension.event,
    vscode_activation_samples: a.extension.total.n,
    explorer_first_paint_ms: round(p.paint.median, 0),
    explorer_first_paint_ms_min: round(p.paint.min, 0),
    explorer_first_paint_ms_max: round(p.paint.max, 0),
    explorer_first_paint_samples: p.paint.n,
    explorer_first_paint_latency_ms: p.latencyMs,
    explorer_first_paint_calls: p.callsBeforePaint.length,
    explorer_first_paint_calls_by_action: countByAction(p.callsBeforePaint),
    explorer_first_paint_first_call_after_ms: round(p.firstCallAfterMs, 0),
    explorer_first_paint_critical_path_answered_ms: round(p.criticalPathAnsweredMs, 0),
    explorer_first_paint_critical_path_calls: p.criticalPath.length,
    explorer_first_paint_critical_path: p.criticalPath.join(' → '),
    machine_cpus: r.cpus,
    load_average_start: round(r.loadAverage[0], 1),
    load_average_end: round(r.loadAverage[1], 1),
  };
}

export interface VscodeRow extends Row {
  /** Why a goal was missed (shown after MISSED). */
  readonly why?: string;
}

export function vscodeRows(j: Record<string, number | string>): VscodeRow[] {
  const n = (key: string) => Number(j[key]);
  const activationGoal = ACTIVATION_RATIO_GOAL * n('vscode_activation_empty_ms');
  const activationMet = n('vscode_activation_ms') <= activationGoal;
  const paintGoal = firstPaintGoalMs(n('explorer_first_paint_critical_path_calls'), n('explorer_first_paint_latency_ms'));
  const paintMet = n('explorer_first_paint_ms') <= paintGoal;
  const parts = (prefix: string) => `${n(`${prefix}code_loading_ms`)} + ${n(`${prefix}activate_call_ms`)} + ${n(`${prefix}activate_resolved_ms`)}`;
  return [
    {
      figure: `vscode_activation_ms (extension host: load code + call activate + finish activate, median of ${n('vscode_activation_samples')})`,
      value: `${n('vscode_activation_ms')} ms (${n('vscode_activation_ms_min')}–${n('vscode_activation_ms_max')}; medians ${parts('vscode_activation_')})`,
      goal: `≤ ${ACTIVATION_RATIO_GOAL} × empty = ${activationGoal.toFixed(1)} ms`,
      met: activationMet,
      why: activationMet ? undefined : `${(n('vscode_activation_ms') / n('vscode_activation_empty_ms')).toFixed(2)} × the empty extension`,
    },
    {
      figure: `vscode_activation_empty_ms (same events: ${j.vscode_activation_event})`,
      value: `${n('vscode_activation_empty_ms')} ms (${n('vscode_activation_empty_ms_min')}–${n('vscode_activation_empty_ms_max')}; medians ${parts('vscode_activation_empty_')})`,
      goal: '',
    },
    {
      figure: `explorer_first_paint_ms (click on the container → first role row, ${n('explorer_first_paint_latency_ms')} ms a call, median of ${n('explorer_first_paint_samples')})`,
      value: `${n('explorer_first_paint_ms')} ms (${n('explorer_first_paint_ms_min')}–${n('explorer_first_paint_ms_max')})`,
      goal: `≤ 2 × ${n('explorer_first_paint_critical_path_calls')} calls × ${n('explorer_first_paint_latency_ms')} ms + 300 = ${paintGoal} ms`,
      met: paintMet,
      why: paintMet ? undefined : `${(n('explorer_first_paint_ms') - paintGoal).toFixed(0)} ms over`,
    },
    {
      figure: 'explorer_first_paint critical path (calls one after another before the row)',
      value: `${n('explorer_first_paint_critical_path_calls')}: ${j.explorer_first_paint_critical_path || 'none'}; first call sent ${n('explorer_first_paint_first_call_after_ms')} ms after the click, path answered at ${n('explorer_first_paint_critical_path_answered_ms')} ms; all calls before the row: ${n('explorer_first_paint_calls')} (${j.explorer_first_paint_calls_by_action || 'none'})`,
      goal: '',
    },
  ];
}
