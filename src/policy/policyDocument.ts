// RAM policy documents (permission policies and trust policies): the model, and a parser that says
// precisely what is wrong and where (JSON offset), what RAM expects and what to write instead.
import { describeType, parseJsonAst, type JsonNode, type JsonObject, type JsonString } from './jsonAst';
import { PolicyError, lineColumn, problem, type Problem } from './problem';
import { propertiesOf, readStatement, shortJson } from './policyElements';
import type { Deadline } from './deadline';

export { STATEMENT_ELEMENTS, PRINCIPAL_TYPES, CONDITION_OPERATORS } from './policyElements';

export type Effect = 'Allow' | 'Deny';

/** Normalized principal of a trust policy statement (strings always become arrays). */
export interface Principal {
  Service?: string[];
  RAM?: string[];
  Federated?: string[];
}

export type Condition = Record<string, Record<string, string[]>>;

/** A statement with every string-or-array element normalized to an array. */
export interface PolicyStatement {
  Sid?: string;
  Effect: Effect;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Principal?: Principal;
  Condition?: Condition;
}

export interface PolicyDocument {
  Version: '1';
  Statement: PolicyStatement[];
}

export type Severity = 'error' | 'warning' | 'information';

/** A problem with its place in the text (0-based offset and length). */
export interface PositionedProblem extends Problem {
  readonly severity: Severity;
  readonly offset: number;
  readonly length: number;
}

/** One element of a statement as written: its key, its value and the string nodes inside it. */
export interface ElementNodes {
  key: JsonString;
  value: JsonNode;
  strings: JsonString[];
}

export interface PositionedStatement {
  statement: PolicyStatement;
  node: JsonObject;
  elements: Partial<Record<string, ElementNodes>>;
  /** False when the statement has an error: its normalized form is partial and must not be evaluated. */
  valid: boolean;
}

export interface PolicyAnalysis {
  /** Present when the text is JSON with an object at the root; holds the statements that could be read. */
  document?: PolicyDocument;
  statements: PositionedStatement[];
  problems: PositionedProblem[];
  root?: JsonNode;
  /** The Statement array node, for ranges of document-level findings. */
  statementArray?: JsonNode;
}

/** Longest PolicyDocument RAM's CreatePolicy accepts (API reference: 1 to 6,144 characters). */
export const MAX_POLICY_DOCUMENT_LENGTH = 6144;

/**
 * Longest text analysed at all. Ten times RAM's limit leaves room for a pretty-printed document (RAM
 * counts the characters sent, an editor file may be indented far more) and for system policies read
 * back from the service, while a text past it cannot become a policy anyway: one problem says so, and
 * the editor is not asked to show thousands of findings nobody will read (issue 17: 8,000 bad
 * statements took minutes). The analysis is linear, so this bounds its time too (about 64 KB).
 */
export const MAX_ANALYZED_LENGTH = 10 * MAX_POLICY_DOCUMENT_LENGTH + 4096;

/**
 * Reads a policy document text and reports every problem with its place. Never throws (except
 * DeadlineExceeded when a `deadline` is given and spent): a text that is
 * not JSON gives one `Json.Syntax` problem at the offending character.
 */
export function analyzePolicyText(text: string, deadline?: Deadline): PolicyAnalysis {
  const problems: PositionedProblem[] = [];
  // Counted as they are added, so telling whether a statement added an error costs nothing per statement.
  let errors = 0;
  const add = (severity: Severity, at: { offset: number; length: number }, found: Problem): void => {
    problems.push({ ...found, severity, offset: at.offset, length: at.length });
    if (severity === 'error') errors++;
  };
  if (text.length > MAX_ANALYZED_LENGTH) {
    add('error', { offset: 0, length: 1 }, problem('Policy.TooLargeToCheck',
      'The document is {0} characters; RAM accepts at most 6,144. It was not checked further: shorten it or split it into several policies.',
      text.length));
    return { statements: [], problems };
  }

  let root: JsonNode;
  try {
    root = parseJsonAst(text);
  } catch (err) {
    if (err instanceof PolicyError) {
      add('error', { offset: err.offset ?? 0, length: err.length ?? 1 }, err.problem);
      return { statements: [], problems };
    }
    throw err;
  }
  if (root.type !== 'object') {
    add('error', root, problem('Policy.NotObject', 'A policy document is a JSON object with "Version" and "Statement", not {0}.', describeType(root)));
    return { statements: [], problems, root };
  }

  const top = propertiesOf(root, add, ['Version', 'Statement'], 'Policy.UnknownElement', 'Unknown element "{0}" in the policy document. Allowed: Version, Statement.');
  const version = top.get('Version');
  if (!version) {
    add('error', { offset: root.offset, length: 1 }, problem('Policy.MissingVersion', 'The policy document has no "Version". Add "Version": "1".'));
  } else if (!(version.value.type === 'string' && version.value.value === '1')) {
    add('error', version.value, problem('Policy.BadVersion', '"Version" must be the string "1" (found {0}).', shortJson(version.value)));
  }

  const statements: PositionedStatement[] = [];
  const statementProp = top.get('Statement');
  if (!statementProp) {
    add('error', { offset: root.offset, length: 1 }, problem('Policy.MissingStatement', 'The policy document has no "Statement". Add "Statement": [ { "Effect": "Allow", "Action": [...], "Resource": [...] } ].'));
  } else if (statementProp.value.type !== 'array') {
    add('error', statementProp.value, problem('Policy.StatementNotArray', '"Statement" must be an array of statements ([ {...} ]), not {0}.', describeType(statementProp.value)));
  } else {
    statementProp.value.items.forEach((item, index) => {
      deadline?.check();
      const errorsBefore = errors;
      const read = readStatement(item, index, add);
      if (read) statements.push({ ...read, valid: errors === errorsBefore });
    });
  }

  return {
    document: { Version: '1', Statement: statements.map((s) => s.statement) },
    statements,
    problems,
    root,
    statementArray: statementProp?.value,
  };
}

/**
 * Parses a policy document (JSON text, or an already parsed value such as an API response) and returns
 * the normalized document. Throws PolicyError with the first error, its line and column, when invalid.
 */
export function parsePolicyDocument(input: unknown): PolicyDocument {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = JSON.stringify(input) ?? '';
    } catch {
      throw new PolicyError(problem('Policy.NotSerializable', 'The policy document is not plain JSON data (it cannot be serialized).'));
    }
  }
  const analysis = analyzePolicyText(text);
  const firstError = analysis.problems.find((p) => p.severity === 'error');
  if (firstError || !analysis.document) {
    const p = firstError ?? problem('Policy.Invalid', 'The policy document is invalid.');
    const offset = firstError?.offset ?? 0;
    if (typeof input === 'string' && p.code !== 'Json.Syntax') {
      const { line, column } = lineColumn(text, offset);
      throw new PolicyError(problem(p.code, '{0} (line {1}, column {2})', p.message, line, column), offset, firstError?.length);
    }
    throw new PolicyError(p, offset, firstError?.length);
  }
  return analysis.document;
}

/**
 * Reads a document as far as it can be trusted, for evaluating live policies (e.g. from GetPolicy) that
 * this parser finds fault with: statements with an error are left out and listed in `skipped`, so a
 * half-read statement is never evaluated as something it is not. Never throws.
 */
export function readPolicyLeniently(input: unknown): { document: PolicyDocument; skipped: PositionedProblem[] } {
  let text: string;
  try {
    text = typeof input === 'string' ? input : JSON.stringify(input) ?? '';
  } catch {
    text = '';
  }
  const analysis = analyzePolicyText(text);
  return {
    document: { Version: '1', Statement: analysis.statements.filter((s) => s.valid).map((s) => s.statement) },
    skipped: analysis.problems.filter((p) => p.severity === 'error'),
  };
}

