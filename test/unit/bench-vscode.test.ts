// The pure parts of `npm run bench:vscode`: reading VS Code's activation table, the critical path of the
// explorer's first paint, and the goals and status of the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseActivationTimes } from '../../bench/vscode/activationTimes';
import { criticalChain, type RecordedCall } from '../../bench/vscode/callRecorder';
import { countByAction, firstPaintGoalMs, vscodeRows } from '../../bench/vscode/report';

// As VS Code 1.139's "Developer: Startup Performance" renders it (copied from a run, cut down).
const PERF_VIEW = `## System Info

| Item | Value |

## Extension Activation Stats

| Extension                               | Eager | Load Code | Call Activate | Finish Activate | Event             | By                                      |
| --------------------------------------- | ----- | --------- | ------------- | --------------- | ----------------- | --------------------------------------- |
| vscode.git                              | true  | 202       | 33            | 4               | *                 | vscode.git                              |
| alicloud-kms-access.alicloud-kms-access | false | 215       | 28            | 1               | onStartupFinished | alicloud-kms-access.alicloud-kms-access |

## Terminal Stats

| Name | Timestamp | Delta | Total |
| ---- | --------- | ----- | ----- |
| alicloud-kms-access.alicloud-kms-access | 1 | 2 | 3 |
`;

test('the activation times of one extension are read from the Startup Performance table', () => {
  assert.deepEqual(parseActivationTimes(PERF_VIEW, 'alicloud-kms-access.alicloud-kms-access'), {
    codeLoadingMs: 215, activateCallMs: 28, activateResolvedMs: 1, totalMs: 244, event: 'onStartupFinished',
  });
  assert.equal(parseActivationTimes(PERF_VIEW, 'vscode.git')?.totalMs, 239);
});

test('an extension not activated yet, or a view still loading, has no times (the reader waits)', () => {
  assert.equal(parseActivationTimes(PERF_VIEW, 'bench.empty-extension'), undefined);
  assert.equal(parseActivationTimes('Loading...', 'vscode.git'), undefined);
});

test('a table whose columns were renamed fails loudly instead of giving zeros', () => {
  const renamed = PERF_VIEW.replace('Finish Activate', 'Resolved');
  assert.throws(() => parseActivationTimes(renamed, 'vscode.git'), /no "Finish Activate" column/);
  assert.throws(() => parseActivationTimes(PERF_VIEW.replace('| 33 ', '| n/a '), 'vscode.git'), /not a number in the Call Activate column/);
});

function call(action: string, startMs: number, endMs: number): RecordedCall {
  return { action, version: '2015-05-01', startMs, endMs, status: 200 };
}

test('the critical path: ListRoles, then the first screen\'s GetRoles in parallel, is 2 calls', () => {
  const calls = [call('ListRoles', 10, 110), call('GetRole', 115, 215), call('GetRole', 116, 217), call('GetRole', 118, 230)];
  const chain = criticalChain(calls);
  assert.deepEqual(chain.map((c) => c.action), ['ListRoles', 'GetRole']);
  assert.equal(chain[1].endMs, 230, 'the GetRole answered last is the one the paint waited for');
});

test('calls answered after the paint are not on its path; overlapping calls count once', () => {
  const calls = [call('A', 0, 100), call('B', 50, 150), call('C', 160, 260), call('D', 270, 370)];
  assert.deepEqual(criticalChain(calls, 300).map((c) => c.action), ['A', 'C']);
  assert.deepEqual(criticalChain(calls).map((c) => c.action), ['A', 'C', 'D']);
  assert.deepEqual(criticalChain([]), []);
});

test('goals: first paint 2 × the path\'s latency + 300 ms; activation 1.5 × the empty extension; a miss says why', () => {
  assert.equal(firstPaintGoalMs(2, 100), 700);
  assert.equal(countByAction(['ListRoles', 'GetRole', 'GetRole']), 'ListRoles ×1, GetRole ×2');
  const figures = {
    vscode_activation_ms: 40, vscode_activation_ms_min: 30, vscode_activation_ms_max: 90,
    vscode_activation_code_loading_ms: 30, vscode_activation_activate_call_ms: 9, vscode_activation_activate_resolved_ms: 1,
    vscode_activation_empty_ms: 20, vscode_activation_empty_ms_min: 10, vscode_activation_empty_ms_max: 50,
    vscode_activation_empty_code_loading_ms: 19, vscode_activation_empty_activate_call_ms: 1, vscode_activation_empty_activate_resolved_ms: 0,
    vscode_activation_event: 'onStartupFinished', vscode_activation_samples: 10,
    explorer_first_paint_ms: 650, explorer_first_paint_ms_min: 600, explorer_first_paint_ms_max: 900, explorer_first_paint_samples: 5,
    explorer_first_paint_latency_ms: 100, explorer_first_paint_calls: 3, explorer_first_paint_calls_by_action: 'ListRoles ×1, GetRole ×2',
    explorer_first_paint_first_call_after_ms: 100, explorer_first_paint_critical_path_answered_ms: 400,
    explorer_first_paint_critical_path_calls: 2, explorer_first_paint_critical_path: 'ListRoles → GetRole',
  };
  const [activation, , paint] = vscodeRows(figures);
  assert.equal(activation.met, false);
  assert.match(activation.why ?? '', /2\.00 × the empty extension/);
  assert.equal(paint.met, true);
  assert.match(paint.goal, /= 700 ms/);
  assert.equal(vscodeRows({ ...figures, vscode_activation_ms: 30 })[0].met, true);
});
