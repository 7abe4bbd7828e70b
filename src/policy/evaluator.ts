// Does a set of policy documents allow an action on a resource? RAM's evaluation order: an explicit
// Deny that applies wins; otherwise an Allow that applies allows; otherwise access is implicitly denied.
// Conditions depend on the request (source IP, VPC, time...): given a RequestContext the ones in
// conditions.ts are decided; otherwise (or for other keys) a statement with a Condition is reported as
// *conditional* rather than guessed.
import { conditionHolds, type RequestContext } from './conditions';
import { actionMatches, resourceMatches } from './wildcard';
import type { PolicyDocument, PolicyStatement } from './policyDocument';

export type Decision = 'Allow' | 'Deny' | 'NotAllowed';

export interface Evaluation {
  decision: Decision;
  /** True when a statement with a Condition took part: the real answer depends on the request. */
  conditional: boolean;
  /** The statements that decided (the Deny that won, or the Allows that allowed). */
  statements: PolicyStatement[];
}

/** A named document, so answers can say which policy allows or denies. */
export interface NamedPolicy {
  name: string;
  document: PolicyDocument;
}

/** Does the statement's Action/NotAction cover the action? */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.Action) return statement.Action.some((p) => actionMatches(p, action));
  if (statement.NotAction) return !statement.NotAction.some((p) => actionMatches(p, action));
  return false;
}

/** Does the statement's Resource/NotResource cover the resource? Trust statements (no Resource) cover the role itself. */
export function statementCoversResource(statement: PolicyStatement, resource: string): boolean {
  if (statement.Resource) return statement.Resource.some((p) => resourceMatches(p, resource));
  if (statement.NotResource) return !statement.NotResource.some((p) => resourceMatches(p, resource));
  return statement.Principal !== undefined;
}

function hasCondition(s: PolicyStatement): boolean {
  return s.Condition !== undefined && Object.keys(s.Condition).length > 0;
}

/**
 * Evaluates one action on one resource against all the documents (the union of a role's attached
 * policies). With a `context`, decidable conditions are decided: a statement whose condition fails
 * does not apply, one whose condition holds applies like an unconditional one.
 */
export function evaluate(documents: readonly PolicyDocument[], action: string, resource: string, context?: RequestContext): Evaluation {
  const undecided = new Set<PolicyStatement>();
  const applying = documents.flatMap((d) => d.Statement).filter((s) => {
    if (!statementCoversAction(s, action) || !statementCoversResource(s, resource)) return false;
    const holds = conditionHolds(s.Condition, context);
    if (holds === undefined) undecided.add(s);
    return holds !== false;
  });
  const isConditional = (s: PolicyStatement) => undecided.has(s);
  const denies = applying.filter((s) => s.Effect === 'Deny');
  const hardDeny = denies.filter((s) => !isConditional(s));
  if (hardDeny.length > 0) return { decision: 'Deny', conditional: false, statements: hardDeny };
  const allows = applying.filter((s) => s.Effect === 'Allow');
  if (allows.length === 0) {
    return denies.length > 0 ? { decision: 'Deny', conditional: true, statements: denies } : { decision: 'NotAllowed', conditional: false, statements: [] };
  }
  const hardAllow = allows.filter((s) => !isConditional(s));
  return {
    decision: 'Allow',
    conditional: denies.length > 0 || hardAllow.length === 0,
    statements: hardAllow.length > 0 ? hardAllow : allows,
  };
}

/** True only when the documents allow the action on the resource whatever the request's conditions. */
export function isAllowed(documents: readonly PolicyDocument[], action: string, resource: string): boolean {
  const e = evaluate(documents, action, resource);
  return e.decision === 'Allow' && !e.conditional;
}

/**
 * A role session's decision: RAM evaluates the session policy (AssumeRole's Policy, or the extra policy
 * given at AttachInstanceRamRole) before the role's own policies, and stops at the first step that does
 * not allow (RAM: "How RAM evaluates policies"). So the session policy's Deny or lack of Allow decides
 * first; only when it allows do the role's policies decide. Without a session policy: the role's.
 */
export function evaluateSession(
  roleDocuments: readonly PolicyDocument[], sessionDocuments: readonly PolicyDocument[] | undefined,
  action: string, resource: string, context?: RequestContext,
): Evaluation & { decidedBy: 'role' | 'session' } {
  if (!sessionDocuments) return { ...evaluate(roleDocuments, action, resource, context), decidedBy: 'role' };
  const session = evaluate(sessionDocuments, action, resource, context);
  if (session.decision !== 'Allow') return { ...session, decidedBy: 'session' };
  const role = evaluate(roleDocuments, action, resource, context);
  if (role.decision !== 'Allow') return { ...role, decidedBy: 'role' };
  return { decision: 'Allow', conditional: role.conditional || session.conditional, statements: [...role.statements, ...session.statements], decidedBy: 'role' };
}

export interface AccessRequest {
  action: string;
  resource: string;
}

/** The requests the documents do not certainly allow; empty means "the access is already there". */
export function missingAccess(documents: readonly PolicyDocument[], requests: readonly AccessRequest[]): AccessRequest[] {
  return requests.filter((r) => !isAllowed(documents, r.action, r.resource));
}

/** Which of `actions` the documents allow on `resource` (e.g. the KMS actions a role may use a key for). */
export function allowedActions(documents: readonly PolicyDocument[], actions: readonly string[], resource: string): string[] {
  return actions.filter((a) => isAllowed(documents, a, resource));
}

export interface ActionGrant {
  action: string;
  /** `all`: allowed on every resource (`*`); `some`: allowed on some resources only; `conditional`: only under a Condition. */
  scope: 'all' | 'some' | 'conditional';
}

/**
 * Which of `actions` a policy grants on any resource at all: what the tree marks next to a policy
 * ("grants kms:Encrypt, kms:Decrypt"). Actions denied on every resource are left out.
 */
export function grantedActions(documents: readonly PolicyDocument[], actions: readonly string[]): ActionGrant[] {
  const statements = documents.flatMap((d) => d.Statement);
  const out: ActionGrant[] = [];
  for (const action of actions) {
    const allows = statements.filter((s) => s.Effect === 'Allow' && statementCoversAction(s, action));
    if (allows.length === 0) continue;
    const everywhere = evaluate(documents, action, '*');
    if (everywhere.decision === 'Deny' && !everywhere.conditional && deniedEverywhere(statements, action)) continue;
    if (isAllowed(documents, action, '*') && allows.some((s) => s.Resource?.includes('*'))) out.push({ action, scope: 'all' });
    else if (allows.every(hasCondition)) out.push({ action, scope: 'conditional' });
    else out.push({ action, scope: 'some' });
  }
  return out;
}

function deniedEverywhere(statements: readonly PolicyStatement[], action: string): boolean {
  return statements.some((s) => s.Effect === 'Deny' && !hasCondition(s) && statementCoversAction(s, action) && s.Resource?.includes('*') === true);
}
