// Reading the elements of a policy document as written (statements, Principal, Condition): each reader
// normalizes what it can and reports every problem at its place through `add`. Split from
// policyDocument.ts, which owns the model and the entry points.
import { describeType, toValue, type JsonNode, type JsonObject, type JsonString } from './jsonAst';
import { problem, type Problem } from './problem';
import type { Condition, ElementNodes, PolicyStatement, PositionedStatement, Principal, Severity } from './policyDocument';

export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition'] as const;
export const PRINCIPAL_TYPES = ['Service', 'RAM', 'Federated'] as const;

/** Condition operators RAM documents (the suffix `IfExists` is not supported by RAM and is reported as unknown). */
export const CONDITION_OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'IpAddress', 'NotIpAddress',
] as const;

const ACTION_PATTERN = /^(\*|[A-Za-z0-9_*?-]+:[A-Za-z0-9_*?-]+)$/;

export type Add = (severity: Severity, at: { offset: number; length: number }, found: Problem) => void;

export function shortJson(node: JsonNode): string {
  const json = JSON.stringify(toValue(node)) ?? '';
  return json.length > 40 ? json.slice(0, 37) + '...' : json;
}

/** Properties of an object by name, reporting duplicates and names outside `allowed`. */
export function propertiesOf(
  node: JsonObject, add: Add, allowed: readonly string[], unknownCode: string, unknownTemplate: string,
): Map<string, { key: JsonString; value: JsonNode }> {
  const out = new Map<string, { key: JsonString; value: JsonNode }>();
  for (const p of node.properties) {
    if (out.has(p.key.value)) {
      add('error', p.key, problem('Policy.DuplicateKey', '"{0}" appears more than once here; keep one.', p.key.value));
    }
    if (!allowed.includes(p.key.value)) {
      const caseFix = allowed.find((a) => a.toLowerCase() === p.key.value.toLowerCase());
      if (caseFix) add('error', p.key, problem('Policy.WrongCase', '"{0}" must be written "{1}" (element names are case-sensitive).', p.key.value, caseFix));
      else add('error', p.key, problem(unknownCode, unknownTemplate, p.key.value));
      continue;
    }
    out.set(p.key.value, p);
  }
  return out;
}

/** A string-or-array-of-strings element as its string nodes; reports anything else. */
function stringList(name: string, value: JsonNode, add: Add): JsonString[] {
  const items = value.type === 'array' ? value.items : [value];
  if (value.type === 'array' && value.items.length === 0) {
    add('error', value, problem('Policy.EmptyList', '"{0}" is an empty list: it matches nothing. Add at least one value.', name));
  }
  const strings: JsonString[] = [];
  for (const item of items) {
    if (item.type !== 'string') {
      add('error', item, problem('Policy.NotString', '"{0}" takes a string or an array of strings; {1} is not allowed here.', name, describeType(item)));
    } else if (item.value.trim() === '') {
      add('error', item, problem('Policy.EmptyString', '"{0}" has an empty value. Remove it or write a value.', name));
    } else {
      strings.push(item);
    }
  }
  return strings;
}

export function readStatement(item: JsonNode, index: number, add: Add): Omit<PositionedStatement, 'valid'> | undefined {
  const n = index + 1;
  if (item.type !== 'object') {
    add('error', item, problem('Statement.NotObject', 'Statement {0} must be an object ({ "Effect": ..., "Action": ..., ... }), not {1}.', n, describeType(item)));
    return undefined;
  }
  const props = propertiesOf(item, add, STATEMENT_ELEMENTS, 'Statement.UnknownElement',
    'Unknown element "{0}" in a statement. Allowed: Effect, Action, NotAction, Resource, NotResource, Principal, Condition, Sid.');
  const elements: Partial<Record<string, ElementNodes>> = {};
  const statement: PolicyStatement = { Effect: 'Allow' };
  const at = (name: string) => props.get(name);

  const effect = at('Effect');
  if (!effect) {
    add('error', item, problem('Statement.MissingEffect', 'Statement {0} has no "Effect". Add "Effect": "Allow" or "Effect": "Deny".', n));
  } else if (effect.value.type !== 'string' || (effect.value.value !== 'Allow' && effect.value.value !== 'Deny')) {
    add('error', effect.value, problem('Statement.BadEffect', '"Effect" must be "Allow" or "Deny" (found {0}).', shortJson(effect.value)));
  } else {
    statement.Effect = effect.value.value;
  }

  const sid = at('Sid');
  if (sid) {
    if (sid.value.type === 'string') statement.Sid = sid.value.value;
    else add('error', sid.value, problem('Statement.BadSid', '"Sid" must be a string.'));
  }

  for (const name of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
    const prop = at(name);
    if (!prop) continue;
    const strings = stringList(name, prop.value, add);
    elements[name] = { key: prop.key, value: prop.value, strings };
    statement[name] = strings.map((s) => s.value);
    for (const s of strings) {
      if ((name === 'Action' || name === 'NotAction') && !ACTION_PATTERN.test(s.value)) {
        add('error', s, problem('Action.BadFormat', '"{0}" is not an action: write product:Action (e.g. kms:Decrypt, kms:List*) or *.', s.value));
      }
      if ((name === 'Resource' || name === 'NotResource') && s.value !== '*' && !s.value.startsWith('acs:')) {
        add('error', s, problem('Resource.BadFormat', '"{0}" is not a resource: write * or an ARN starting with acs: (e.g. acs:kms:cn-hangzhou:<account>:key/<key id>).', s.value));
      } else if ((name === 'Resource' || name === 'NotResource') && s.value.startsWith('acs:') && s.value.split(':').length < 5) {
        add('error', s, problem('Resource.ShortArn', '"{0}" has too few parts: an ARN is acs:<product>:<region>:<account>:<resource> (use * for a part that may be anything).', s.value));
      }
    }
  }

  const both = (a: 'Action' | 'Resource', b: 'NotAction' | 'NotResource') => {
    if (at(a) && at(b)) add('error', at(b)!.key, problem('Statement.Both', 'A statement has either "{0}" or "{1}", not both.', a, b));
  };
  both('Action', 'NotAction');
  both('Resource', 'NotResource');
  if (!at('Action') && !at('NotAction')) {
    add('error', item, problem('Statement.MissingAction', 'Statement {0} has no "Action". Add the actions it is about, e.g. "Action": ["kms:Decrypt"].', n));
  }

  const principal = at('Principal');
  if (principal) {
    elements.Principal = { key: principal.key, value: principal.value, strings: [] };
    statement.Principal = readPrincipal(principal.value, add, elements.Principal.strings);
  } else if (!at('Resource') && !at('NotResource')) {
    add('error', item, problem('Statement.MissingResource', 'Statement {0} has no "Resource". Add the resources it applies to, e.g. "Resource": ["acs:kms:*:*:key/*"] (or "Principal" if this is a trust policy).', n));
  }

  const condition = at('Condition');
  if (condition) {
    elements.Condition = { key: condition.key, value: condition.value, strings: [] };
    statement.Condition = readCondition(condition.value, add);
  }
  return { statement, node: item, elements };
}

function readPrincipal(value: JsonNode, add: Add, strings: JsonString[]): Principal | undefined {
  if (value.type !== 'object') {
    add('error', value, problem('Principal.NotObject', '"Principal" must be an object such as { "Service": ["ecs.aliyuncs.com"] } or { "RAM": ["acs:ram::<account>:root"] }, not {0}.', describeType(value)));
    return undefined;
  }
  const props = propertiesOf(value, add, PRINCIPAL_TYPES, 'Principal.UnknownType', 'Unknown principal type "{0}". Allowed: Service, RAM, Federated.');
  if (value.properties.length === 0) {
    add('error', value, problem('Principal.Empty', '"Principal" is empty: name who may assume the role, e.g. "Service": ["ecs.aliyuncs.com"].'));
  }
  const principal: Principal = {};
  for (const type of PRINCIPAL_TYPES) {
    const prop = props.get(type);
    if (!prop) continue;
    const found = stringList(`Principal.${type}`, prop.value, add);
    strings.push(...found);
    principal[type] = found.map((s) => s.value);
  }
  return principal;
}

function readCondition(value: JsonNode, add: Add): Condition | undefined {
  if (value.type !== 'object') {
    add('error', value, problem('Condition.NotObject', '"Condition" must be an object: { "<operator>": { "<key>": <value or values> } }, not {0}.', describeType(value)));
    return undefined;
  }
  const out: Condition = {};
  for (const { key: op, value: block } of value.properties) {
    if (!(CONDITION_OPERATORS as readonly string[]).includes(op.value)) {
      add('error', op, problem('Condition.UnknownOperator', 'Unknown condition operator "{0}". Use one of: {1}.', op.value, CONDITION_OPERATORS.join(', ')));
    }
    if (block.type !== 'object') {
      add('error', block, problem('Condition.BlockNotObject', 'Condition operator "{0}" takes an object of condition keys, e.g. { "acs:SourceIp": ["192.168.0.0/16"] }.', op.value));
      continue;
    }
    const keys: Record<string, string[]> = {};
    for (const { key, value: v } of block.properties) {
      const items = v.type === 'array' ? v.items : [v];
      if (v.type === 'array' && items.length === 0) add('error', v, problem('Condition.EmptyValues', 'Condition key "{0}" has no value.', key.value));
      const values: string[] = [];
      for (const it of items) {
        if (it.type === 'string' || it.type === 'number' || it.type === 'boolean') values.push(String(it.value));
        else add('error', it, problem('Condition.BadValue', 'Condition key "{0}" takes strings, numbers or booleans, not {1}.', key.value, describeType(it)));
      }
      Object.defineProperty(keys, key.value, { value: values, enumerable: true, writable: true, configurable: true });
    }
    Object.defineProperty(out, op.value, { value: keys, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
