// "Explain Access" for one (role, key) pair: per KMS action, the decision and the statements that make
// it, with their policy names: which Allow allows it, which Deny blocks it, that nothing allows it, or
// that it is allowed only if a condition holds (said in words: key, operator, values). The same evaluator
// as "Roles that can use this key" and Diagnose (evaluator.ts), so the three never disagree.
import { conditionHolds, type RequestContext } from './conditions';
import { evaluateSession, statementCoversAction, statementCoversResource, type NamedPolicy } from './evaluator';
import type { Condition, PolicyDocument, PolicyStatement } from './policyDocument';
import { text, type Message } from '../util/message';

export type Verdict = 'allowed' | 'denied' | 'notAllowed' | 'allowedIf';

/** A statement named by where it is: policy name, 1-based position, Sid when it has one. */
export interface StatementRef {
  policy: string;
  /** 'session' for the session policy (AssumeRole's Policy, the instance's extra policy). */
  source: 'role' | 'session';
  position: number;
  sid?: string;
  statement: PolicyStatement;
}

export interface ActionExplanation {
  action: string;
  verdict: Verdict;
  /** Which step decided: the session policy (evaluated first) or the role's policies. */
  decidedBy: 'role' | 'session';
  /** The Allows that allow it (for allowedIf: the conditional ones, with their conditions). */
  allowedBy: StatementRef[];
  /** The Denies that block it (for allowedIf: the conditional Denies that would block it). */
  deniedBy: StatementRef[];
  /** allowedIf: "allowed if" conditions (any one allowing statement's) in words. */
  allowedIf: Message[][];
  /** allowedIf: "unless" conditions of Denies that may apply. */
  unless: Message[][];
}

export interface KeyAccessQuestion {
  policies: readonly NamedPolicy[];
  /** A session policy narrowing the role (evaluated first, as RAM does). */
  sessionPolicy?: PolicyDocument;
  resource: string;
  actions: readonly string[];
  /** A known request: conditions on its keys are decided instead of reported as "allowed if". */
  context?: RequestContext;
}

function applying(question: KeyAccessQuestion, action: string): (StatementRef & { holds: boolean | undefined })[] {
  const sources: { name: string; source: 'role' | 'session'; document: PolicyDocument }[] = [
    ...(question.sessionPolicy ? [{ name: 'session policy', source: 'session' as const, document: question.sessionPolicy }] : []),
    ...question.policies.map((p) => ({ name: p.name, source: 'role' as const, document: p.document })),
  ];
  return sources.flatMap(({ name, source, document }) => document.Statement.map((statement, i) => ({
    policy: name, source, position: i + 1, ...(statement.Sid ? { sid: statement.Sid } : {}), statement,
    holds: conditionHolds(statement.Condition, question.context),
  }))).filter((r) => r.holds !== false && statementCoversAction(r.statement, action) && statementCoversResource(r.statement, question.resource));
}

/** The decision and the deciding statements for each action. */
export function explainKeyAccess(question: KeyAccessQuestion): ActionExplanation[] {
  return question.actions.map((action) => {
    const e = evaluateSession(question.policies.map((p) => p.document), question.sessionPolicy && [question.sessionPolicy], action, question.resource, question.context);
    const refs = applying(question, action);
    const strip = ({ holds: _holds, ...ref }: StatementRef & { holds: boolean | undefined }): StatementRef => ref;
    const sure = (r: { holds: boolean | undefined }) => r.holds === true;
    const denies = refs.filter((r) => r.statement.Effect === 'Deny');
    const allows = refs.filter((r) => r.statement.Effect === 'Allow');
    const base = { action, decidedBy: e.decidedBy, allowedIf: [] as Message[][], unless: [] as Message[][] };
    if (e.decision === 'Deny' && !e.conditional) {
      const deciding = denies.filter((r) => sure(r) && (r.source === e.decidedBy));
      return { ...base, verdict: 'denied', allowedBy: [], deniedBy: deciding.map(strip) };
    }
    if (e.decision === 'Allow' && !e.conditional) return { ...base, verdict: 'allowed', allowedBy: allows.filter(sure).map(strip), deniedBy: [] };
    if (e.decision === 'Allow') {
      const maybeAllows = allows.filter((r) => !sure(r));
      const maybeDenies = denies.filter((r) => !sure(r));
      return {
        ...base, verdict: 'allowedIf', allowedBy: allows.map(strip), deniedBy: maybeDenies.map(strip),
        allowedIf: maybeAllows.map((r) => describeCondition(r.statement.Condition ?? {})),
        unless: maybeDenies.map((r) => describeCondition(r.statement.Condition ?? {})),
      };
    }
    return { ...base, verdict: 'notAllowed', allowedBy: [], deniedBy: [] };
  });
}

/** One line per (operator, key): "acs:SourceVpc is vpc-1 or vpc-2 (StringEquals)". All lines must hold. */
export function describeCondition(condition: Condition): Message[] {
  return Object.entries(condition).flatMap(([operator, keys]) => Object.entries(keys).map(([key, values]) => conditionInWords(operator, key, values.join(' | '))));
}

function conditionInWords(operator: string, key: string, values: string): Message {
  switch (operator) {
    case 'StringEquals': return text('{0} is {1} (StringEquals)', key, values);
    case 'StringNotEquals': return text('{0} is not {1} (StringNotEquals)', key, values);
    case 'StringLike': return text('{0} matches {1} (StringLike)', key, values);
    case 'StringNotLike': return text('{0} does not match {1} (StringNotLike)', key, values);
    case 'IpAddress': return text('{0} is in {1} (IpAddress)', key, values);
    case 'NotIpAddress': return text('{0} is not in {1} (NotIpAddress)', key, values);
    case 'DateLessThan': return text('{0} is before {1} (DateLessThan)', key, values);
    case 'DateGreaterThan': return text('{0} is after {1} (DateGreaterThan)', key, values);
    case 'Bool': return text('{0} is {1} (Bool)', key, values);
    default: return text('{0} {1} {2}', key, operator, values);
  }
}
