// Which open documents are RAM policies, and which findings to show on them. Pure (no vscode import)
// so it is unit-tested; policyDiagnostics.ts applies it to VS Code documents.
import type { PositionedProblem } from '../policy/policyDocument';
import { checkPolicyText, type PolicyKind } from '../policy/semanticChecks';
import { DeadlineExceeded, deadlineAfter } from '../policy/deadline';
import { problem } from '../policy/problem';

export const TRUST_POLICY_SUFFIX = '.trust-policy.json';
export const PERMISSION_POLICY_SUFFIX = '.ram-policy.json';

export interface PolicyFileMatch {
  kind: PolicyKind;
  /** True when package.json's jsonValidation applies the schema: VS Code already reports shape errors. */
  schemaApplies: boolean;
}

/**
 * `*.trust-policy.json` -> trust, `*.ram-policy.json` -> permission (the schema applies to both);
 * an untitled JSON document with "Version" and "Statement" (e.g. from Generate Trust Policy) -> auto.
 */
export function matchPolicyFile(fileName: string, languageId: string, isUntitled: boolean, text: string): PolicyFileMatch | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(TRUST_POLICY_SUFFIX)) return { kind: 'trust', schemaApplies: true };
  if (lower.endsWith(PERMISSION_POLICY_SUFFIX)) return { kind: 'permission', schemaApplies: true };
  if (isUntitled && (languageId === 'json' || languageId === 'jsonc') && /"Statement"\s*:/.test(text) && /"Version"\s*:/.test(text)) {
    return { kind: 'auto', schemaApplies: false };
  }
  return undefined;
}

/** Codes the JSON service reports itself (syntax always; shapes when the schema applies), left out to avoid doubles. */
const SHAPE_CODES_COVERED_BY_SCHEMA = new Set([
  'Policy.NotObject', 'Policy.UnknownElement', 'Policy.MissingVersion', 'Policy.BadVersion', 'Policy.MissingStatement',
  'Policy.StatementNotArray', 'Policy.WrongCase', 'Policy.NotString', 'Policy.EmptyList', 'Statement.NotObject',
  'Statement.UnknownElement', 'Statement.MissingEffect', 'Statement.BadEffect', 'Statement.BadSid', 'Statement.Both',
  'Statement.MissingAction', 'Statement.MissingResource', 'Action.BadFormat', 'Resource.BadFormat', 'Resource.ShortArn',
  'Principal.NotObject', 'Principal.UnknownType', 'Principal.Empty', 'Condition.NotObject', 'Condition.UnknownOperator',
  'Condition.BlockNotObject', 'Condition.EmptyValues', 'Condition.BadValue',
]);

/**
 * The findings to show for a policy document, without what VS Code's JSON service already reports.
 * With `budgetMs`, a check that runs longer stops and gives one finding saying so, instead of holding
 * the extension host (the analysis is linear and capped in size, so this is a last guard).
 */
export function policyFindings(text: string, match: PolicyFileMatch, budgetMs?: number): PositionedProblem[] {
  let found: PositionedProblem[];
  try {
    found = checkPolicyText(text, { kind: match.kind, deadline: budgetMs === undefined ? undefined : deadlineAfter(budgetMs) });
  } catch (err) {
    if (!(err instanceof DeadlineExceeded)) throw err;
    return [{
      ...problem('Policy.CheckTimedOut', 'Checking this policy took longer than {0} ms, so its problems are not shown. Shorten the document or split it into several policies.', err.budgetMs),
      severity: 'warning', offset: 0, length: 1,
    }];
  }
  return found.filter((p) => !p.code.startsWith('Json.') && !(match.schemaApplies && SHAPE_CODES_COVERED_BY_SCHEMA.has(p.code)));
}
