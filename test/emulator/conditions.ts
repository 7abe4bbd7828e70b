// Policy Conditions, as RAM documents them (Policy elements: Condition; Condition operators): all
// operators of a Condition and all keys under an operator must hold; the values listed for one key are
// alternatives; the Not- operators hold when none of the values matches. A key the request does not
// carry matches nothing. Keys evaluated here: acs:SourceIp, acs:SourceVpc, acs:SecureTransport,
// acs:CurrentTime. A statement with any other key, or an operator not listed, never applies (the
// emulator cannot know it, and pretending it holds would grant what the service might not).
// Independent of src/policy on purpose (the differential test compares the two).

/** What the service knows about a request: where it came from, how, and when. */
export interface RequestFacts {
  sourceIp?: string;
  /** Set only for a call that came through a VPC endpoint (kms-vpc.<region>…). */
  sourceVpc?: string;
  secureTransport: boolean;
  /** Milliseconds since the epoch (the emulator's clock). */
  currentTime: number;
}

type Test = (actual: string, expected: string) => boolean;

function toIp(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.some((p) => p > 255) ? undefined : ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3];
}

function inCidr(ip: string, cidr: string): boolean {
  const slash = cidr.indexOf('/');
  const net = toIp(slash < 0 ? cidr : cidr.slice(0, slash));
  const bits = slash < 0 ? 32 : Number(cidr.slice(slash + 1));
  const addr = toIp(ip);
  if (addr === undefined || net === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const block = 2 ** (32 - bits);
  return Math.floor(addr / block) === Math.floor(net / block);
}

function like(pattern: string, value: string): boolean {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${body}$`).test(value);
}

const date = (f: (a: number, b: number) => boolean): Test => (a, b) => {
  const x = Date.parse(a), y = Date.parse(b);
  return !Number.isNaN(x) && !Number.isNaN(y) && f(x, y);
};

/** [test, negated] per operator. */
const OPERATORS: Record<string, [Test, boolean]> = {
  StringEquals: [(a, b) => a === b, false],
  StringNotEquals: [(a, b) => a === b, true],
  StringEqualsIgnoreCase: [(a, b) => a.toLowerCase() === b.toLowerCase(), false],
  StringNotEqualsIgnoreCase: [(a, b) => a.toLowerCase() === b.toLowerCase(), true],
  StringLike: [(a, b) => like(b, a), false],
  StringNotLike: [(a, b) => like(b, a), true],
  IpAddress: [inCidr, false],
  NotIpAddress: [inCidr, true],
  Bool: [(a, b) => a.toLowerCase() === b.toLowerCase(), false],
  DateEquals: [date((x, y) => x === y), false],
  DateNotEquals: [date((x, y) => x === y), true],
  DateLessThan: [date((x, y) => x < y), false],
  DateLessThanEquals: [date((x, y) => x <= y), false],
  DateGreaterThan: [date((x, y) => x > y), false],
  DateGreaterThanEquals: [date((x, y) => x >= y), false],
};

function valueOf(key: string, facts: RequestFacts): string | undefined | null {
  switch (key.toLowerCase()) {
    case 'acs:sourceip': return facts.sourceIp;
    case 'acs:sourcevpc': return facts.sourceVpc;
    case 'acs:securetransport': return String(facts.secureTransport);
    case 'acs:currenttime': return new Date(facts.currentTime).toISOString();
    default: return null; // a key this emulator does not know
  }
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).map(String);

/** Does the statement's Condition hold for the request? No Condition: it does. */
export function conditionMet(condition: unknown, facts: RequestFacts): boolean {
  if (condition === undefined || condition === null) return true;
  for (const [operator, block] of Object.entries(condition as Record<string, Record<string, unknown>>)) {
    const op = OPERATORS[operator];
    if (!op) return false;
    const [test, negated] = op;
    for (const [key, values] of Object.entries(block ?? {})) {
      const actual = valueOf(key, facts);
      if (actual === null) return false;
      const any = actual !== undefined && asList(values).some((v) => test(actual, v));
      if (any === negated) return false;
    }
  }
  return true;
}
