// The realistic account's figures (bench/realistic.ts) in the JSON of `--json` and the table rows
// with their goals (issue 19). Calls are next to every time: they are what a test can assert.
import type { RealisticResult } from './realistic';
import type { Row } from './report';
import { round } from './stats';
import { ROWS_ON_SCREEN } from '../src/views/roles/roleTrustReader';

export function realisticJson(r: RealisticResult): Record<string, number> {
  return {
    roles_first_page_ms: round(r.rolesFirstPageMs, 0),
    roles_first_page_calls: r.rolesFirstPageCalls,
    roles_first_page_throttled_calls: r.rolesFirstPageThrottled,
    roles_first_page_rows_with_verdict: r.rolesWithVerdict,
    key_roles_ms: round(r.keyRolesMs, 0),
    key_roles_first_role_ms: round(r.keyRolesFirstFoundMs, 0),
    key_roles_calls: r.keyRolesCalls,
    key_roles_calls_budget: r.keyRolesBudget,
    key_roles_throttled_calls: r.keyRolesThrottled,
    key_roles_found: r.keyRolesFound,
    role_instances_ms: round(r.roleInstancesMs, 0),
    role_instances_calls: r.roleInstancesCalls,
    who_can_use_key_calls: r.whoCanUseKeyCalls,
    key_instances_ms: round(r.keyInstancesMs, 0),
    key_instances_calls: r.keyInstancesCalls,
    key_instances_calls_budget: r.keyInstancesBudget,
    key_instances_found: r.keyInstancesFound,
    diagnose_ms: round(r.diagnoseMs, 0),
    diagnose_calls: r.diagnoseApiCalls,
    diagnose_metadata_calls: r.diagnoseCalls - r.diagnoseApiCalls,
    diagnose_passed: r.diagnosePassed ? 1 : 0,
  };
}

export function realisticRows(j: Record<string, number>): Row[] {
  const firstScreenBudget = 1 + ROWS_ON_SCREEN;
  return [
    { figure: `roles_first_page_ms / _calls (realistic: 1,200 roles, first ${ROWS_ON_SCREEN} rows with verdicts)`, value: `${j.roles_first_page_ms} ms, ${j.roles_first_page_calls} calls (${j.roles_first_page_throttled_calls} throttled and retried)`, goal: `≤ 1,500 ms, ≤ ${firstScreenBudget} calls (1 ListRoles + ${ROWS_ON_SCREEN} GetRole)`, met: j.roles_first_page_ms <= 1500 && j.roles_first_page_calls <= firstScreenBudget && j.roles_first_page_rows_with_verdict === ROWS_ON_SCREEN },
    { figure: 'key_roles_ms / _calls (one key over 1,200 roles, RAM reads 20/s)', value: `${j.key_roles_ms} ms, ${j.key_roles_calls} calls (${j.key_roles_throttled_calls} throttled and retried)`, goal: `≤ ${j.key_roles_calls_budget} calls, no error shown`, met: j.key_roles_calls <= j.key_roles_calls_budget },
    { figure: 'key_roles_first_role_ms (streamed)', value: `${j.key_roles_first_role_ms} ms (${j.key_roles_found} roles found)`, goal: '< key_roles_ms', met: j.key_roles_first_role_ms < j.key_roles_ms },
    { figure: 'role_instances_ms / _calls (one role, every region)', value: `${j.role_instances_ms} ms, ${j.role_instances_calls} calls`, goal: '' },
    { figure: 'key_instances_ms / _calls ("Instances that can use this key" after the role scan, every region)', value: `${j.key_instances_ms} ms, ${j.key_instances_calls} calls (${j.key_instances_found} instances)`, goal: `≤ ${j.key_instances_calls_budget} calls (one pass over each region, not per role)`, met: j.key_instances_calls <= j.key_instances_calls_budget },
    { figure: 'who_can_use_key_calls (key → roles → instances: key_roles + key_instances)', value: String(j.who_can_use_key_calls), goal: `≤ key_roles budget + ${j.key_instances_calls_budget}`, met: j.who_can_use_key_calls <= j.key_roles_calls_budget + j.key_instances_calls_budget },
    { figure: 'diagnose_ms / diagnose_calls (API; + metadata service)', value: `${j.diagnose_ms} ms, ${j.diagnose_calls} API calls + ${j.diagnose_metadata_calls} metadata`, goal: '≤ 15 API calls, all checks pass', met: j.diagnose_calls <= 15 && j.diagnose_passed === 1 },
  ];
}
