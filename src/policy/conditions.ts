// Deciding a statement's Condition for a known request. RAM's rules (Policy elements, Condition
// operators): every operator of a Condition and every key under an operator must hold (AND); the values
// of one key are alternatives (OR); a negated operator (StringNotEquals, NotIpAddress...) holds when no
// value matches. A key the request does not carry (acs:SourceVpc outside a VPC) matches no value, so a
// positive operator fails and a negated one holds. Without a request context nothing can be decided:
// the caller reports the statement as "allowed if ...".
import { wildcardMatch } from './wildcard';
import type { Condition } from './policyDocument';

/** What a request carries for the condition keys this extension decides. */
export interface RequestContext {
  /** acs:SourceIp: the caller's address as the service sees it. */
  sourceIp?: string;
  /** acs:SourceVpc: set only when the call came through a VPC endpoint. */
  sourceVpc?: string;
  /** acs:SecureTransport: the call used HTTPS. */
  secureTransport?: boolean;
  /** acs:CurrentTime: ISO 8601 time of the request. */
  currentTime?: string;
}

function contextValue(key: string, context: RequestContext): string | undefined {
  switch (key.toLowerCase()) {
    case 'acs:sourceip': return context.sourceIp;
    case 'acs:sourcevpc': return context.sourceVpc;
    case 'acs:securetransport': return context.secureTransport === undefined ? undefined : String(context.secureTransport);
    case 'acs:currenttime': return context.currentTime;
    default: return undefined;
  }
}

/** The condition keys this module can decide; a statement with any other key stays undecided. */
export const DECIDABLE_KEYS = ['acs:SourceIp', 'acs:SourceVpc', 'acs:SecureTransport', 'acs:CurrentTime'] as const;

const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals', StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase', StringNotLike: 'StringLike',
  NotIpAddress: 'IpAddress', DateNotEquals: 'DateEquals', NumericNotEquals: 'NumericEquals',
};

/** One positive operator: does the request's value match one policy value? Undefined: operator not decidable. */
function matches(operator: string, actual: string, expected: string): boolean | undefined {
  switch (operator) {
    case 'StringEquals': return actual === expected;
    case 'StringEqualsIgnoreCase': return actual.toLowerCase() === expected.toLowerCase();
    case 'StringLike': return wildcardMatch(expected, actual);
    case 'Bool': return actual.toLowerCase() === expected.toLowerCase();
    case 'IpAddress': return ipInRange(actual, expected);
    case 'DateEquals': return compareDates(actual, expected) === 0;
    case 'DateLessThan': return compareDates(actual, expected) < 0;
    case 'DateLessThanEquals': return compareDates(actual, expected) <= 0;
    case 'DateGreaterThan': return compareDates(actual, expected) > 0;
    case 'DateGreaterThanEquals': return compareDates(actual, expected) >= 0;
    default: return undefined;
  }
}

function compareDates(a: string, b: string): number {
  const x = Date.parse(a), y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  return x - y;
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** IPv4 address in `a.b.c.d` or `a.b.c.d/len`. */
export function ipInRange(address: string, range: string): boolean {
  const [base, bits = '32'] = range.split('/');
  const ip = ipv4(address), net = ipv4(base), len = Number(bits);
  if (ip === undefined || net === undefined || !Number.isInteger(len) || len < 0 || len > 32) return false;
  const size = 2 ** (32 - len);
  return Math.floor(ip / size) === Math.floor(net / size);
}

/**
 * True/false when the condition holds/fails for the request; undefined when it cannot be decided here
 * (no context, or a key or operator this module does not know).
 */
export function conditionHolds(condition: Condition | undefined, context: RequestContext | undefined): boolean | undefined {
  if (!condition || Object.keys(condition).length === 0) return true;
  if (!context) return undefined;
  let result: boolean | undefined = true;
  for (const [operator, keys] of Object.entries(condition)) {
    const positive = NEGATED[operator] ?? operator;
    for (const [key, values] of Object.entries(keys)) {
      if (!DECIDABLE_KEYS.some((k) => k.toLowerCase() === key.toLowerCase())) return undefined;
      const actual = contextValue(key, context);
      let any: boolean | undefined = false;
      if (actual !== undefined) {
        for (const v of values) {
          const m = matches(positive, actual, v);
          if (m === undefined) return undefined;
          any ||= m;
        }
      }
      const holds = positive === operator ? any : !any;
      if (!holds) result = false;
    }
  }
  return result;
}
