// Checks beyond the JSON schema, as positioned diagnostics: a trust policy ECS cannot assume, kms:* on
// every resource when narrower would do, action names no product has, statements that do nothing.
// Pure: the VS Code side (src/language/policyDiagnostics.ts) only turns offsets into ranges.
import { CHECKED_PRODUCTS, KNOWN_ACTIONS, canonicalAction } from './actions';
import { analyzePolicyText, type PositionedProblem, type Severity, type PositionedStatement } from './policyDocument';
import { problem, type Problem } from './problem';
import { ECS_SERVICE_PRINCIPAL, canServiceAssume } from './trustPolicy';
import { actionMatches, wildcardMatcher } from './wildcard';
import type { JsonNode } from './jsonAst';
import type { Deadline } from './deadline';

export type PolicyKind = 'permission' | 'trust' | 'auto';

export interface CheckOptions {
  /** `trust` for *.trust-policy.json, `permission` for *.ram-policy.json; `auto` decides by Principal. */
  kind?: PolicyKind;
  /** The service the trust policy is for (ECS by default). */
  service?: string;
  /** Checked between statements; when spent, the check throws DeadlineExceeded (see deadline.ts). */
  deadline?: Deadline;
}

/** Every problem of a policy text: syntax and shape first, then the semantic findings. Never throws, except DeadlineExceeded when `options.deadline` is spent. */
export function checkPolicyText(text: string, options: CheckOptions = {}): PositionedProblem[] {
  const analysis = analyzePolicyText(text, options.deadline);
  const out: PositionedProblem[] = [...analysis.problems];
  const { document, statements } = analysis;
  if (!document || !analysis.root) return out;
  const add = (severity: Severity, at: { offset: number; length: number }, found: Problem) =>
    out.push({ ...found, severity, offset: at.offset, length: at.length });

  const kind = options.kind && options.kind !== 'auto'
    ? options.kind
    : statements.some((s) => s.elements.Principal) ? 'trust' : 'permission';

  if (analysis.statementArray?.type === 'array' && analysis.statementArray.items.length === 0) {
    add('warning', analysis.statementArray, problem('Policy.NoStatements', 'The policy has no statements: it allows nothing. Add a statement or delete the policy.'));
  }

  const actionFindings = new Map<string, ActionFinding>();
  for (const s of statements) {
    options.deadline?.check();
    checkActions(s, add, actionFindings);
  }

  if (kind === 'trust') checkTrust(analysis.statementArray ?? analysis.root, statements, options.service ?? ECS_SERVICE_PRINCIPAL, add);
  else checkPermission(statements, add);
  return out;
}

type Add = (severity: Severity, at: { offset: number; length: number }, found: Problem) => void;

/** What checkActions found for one action text (undefined: nothing to report). */
type ActionFinding = { severity: Severity; found: Problem } | undefined;

/**
 * Each distinct action text is judged once (`seen`): a document repeating an action thousands of times
 * costs one look-up per repeat, not one pass over the known actions.
 */
function checkActions(s: PositionedStatement, add: Add, seen: Map<string, ActionFinding>): void {
  for (const name of ['Action', 'NotAction'] as const) {
    for (const node of s.elements[name]?.strings ?? []) {
      if (!seen.has(node.value)) seen.set(node.value, judgeAction(node.value));
      const finding = seen.get(node.value);
      if (finding) add(finding.severity, node, finding.found);
    }
  }
}

function judgeAction(action: string): ActionFinding {
  const colon = action.indexOf(':');
  if (colon < 0) return undefined;
  const product = action.slice(0, colon).toLowerCase();
  if (!['kms', 'ecs', 'ram', 'sts'].includes(product)) return undefined;
  const severity: Severity = CHECKED_PRODUCTS.includes(product) ? 'warning' : 'information';
  if (/[*?]/.test(action)) {
    const matches = wildcardMatcher(action, true);
    if (KNOWN_ACTIONS.some(matches)) return undefined;
    return { severity, found: problem('Action.MatchesNothing', '"{0}" matches none of the {1} actions this extension knows. Check the spelling.', action, product) };
  }
  if (canonicalAction(action)) return undefined;
  const suggestion = closestAction(action);
  return {
    severity,
    found: suggestion
      ? problem('Action.Unknown', '"{0}" is not a known {1} action. Did you mean "{2}"?', action, product, suggestion)
      : problem('Action.UnknownNoSuggestion', '"{0}" is not a known {1} action. Check the spelling (actions are product:ApiName, e.g. kms:Decrypt).', action, product),
  };
}

function checkPermission(statements: PositionedStatement[], add: Add): void {
  for (const s of statements) {
    const principal = s.elements.Principal;
    if (principal) {
      add('warning', principal.key, problem('Permission.Principal', '"Principal" belongs in a trust policy (the role\'s AssumeRolePolicyDocument), not in a permission policy.'));
    }
    if (s.statement.Effect !== 'Allow') continue;
    const everyResource = (s.statement.Resource ?? []).includes('*');
    if (!everyResource) continue;
    for (const node of s.elements.Action?.strings ?? []) {
      const a = node.value.toLowerCase();
      if (a === 'kms:*') {
        add('warning', node, problem('Kms.WildcardEverything',
          'kms:* on every resource grants every KMS operation on every key and secret, deleting keys included. Code on ECS that encrypts and reads secrets needs only kms:Encrypt, kms:Decrypt and kms:GenerateDataKey on its keys (acs:kms:<region>:<account>:key/<key id>) and kms:GetSecretValue on its secrets.'));
      } else if (a === '*') {
        add('warning', node, problem('Policy.WildcardEverything', '"*" on every resource grants every action of every product (administrator access). Name the actions and resources the role needs.'));
      }
    }
  }
}

function checkTrust(anchor: JsonNode, statements: PositionedStatement[], service: string, add: Add): void {
  for (const s of statements) {
    for (const name of ['Resource', 'NotResource'] as const) {
      const el = s.elements[name];
      if (el) add('warning', el.key, problem('Trust.Resource', 'A trust policy has no "{0}": the resource is the role itself. Remove it.', name));
    }
    for (const node of s.elements.Action?.strings ?? []) {
      if (!actionMatches(node.value, 'sts:AssumeRole') && !/^sts:AssumeRoleWith/i.test(node.value)) {
        add('warning', node, problem('Trust.Action', 'A trust policy is about assuming the role: its action is sts:AssumeRole, not "{0}".', node.value));
      }
    }
  }
  // Only statements read without error take part: a half-read one could look like an Allow it is not.
  const document = { Version: '1' as const, Statement: statements.filter((s) => s.valid).map((s) => s.statement) };
  if (statements.length === 0) return; // "no statements" is reported on its own
  const check = canServiceAssume(document, service);
  if (check.canAssume && !check.conditional) return;
  const trustsSomeone = document.Statement.some((s) => s.Effect === 'Allow' && s.Principal);
  if (!check.canAssume) {
    const severity: Severity = check.reason.code === 'Trust.NoPrincipal' && trustsSomeone ? 'information' : 'warning';
    add(severity, anchor, check.reason);
  } else {
    add('information', anchor, check.reason);
  }
}

/** The known action nearest to a misspelt one (same product, edit distance at most 3). */
export function closestAction(action: string): string | undefined {
  const lower = action.toLowerCase();
  const product = lower.slice(0, lower.indexOf(':') + 1);
  let best: string | undefined;
  let bestDistance = 4;
  for (const known of KNOWN_ACTIONS) {
    if (!known.toLowerCase().startsWith(product)) continue;
    const d = editDistance(lower, known.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
