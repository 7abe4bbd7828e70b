// Wildcard matching as RAM does it: `*` matches any run of characters (including none, and across
// `:` and `/`), `?` matches exactly one. Actions compare case-insensitively, resources as written.

const cache = new Map<string, RegExp>();

function toRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = (ignoreCase ? 'i' : 's') + pattern;
  let re = cache.get(cacheKey);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
    re = new RegExp(`^${body}$`, ignoreCase ? 'i' : '');
    if (cache.size > 5000) cache.clear();
    cache.set(cacheKey, re);
  }
  return re;
}

/** Does the wildcard `pattern` match `value` as a whole? */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  return toRegExp(pattern, ignoreCase).test(value);
}

/** Action patterns (`kms:Get*`) match action names case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}

/**
 * Resource patterns match ARNs. The product part (`acs:KMS:`) is compared without case, the rest as
 * written: role names in ARNs are lower case by definition, so callers pass role ARNs built by `roleArn`.
 */
export function resourceMatches(pattern: string, resource: string): boolean {
  return wildcardMatch(pattern, resource, false) || wildcardMatch(normalizeProduct(pattern), normalizeProduct(resource), false);
}

function normalizeProduct(arn: string): string {
  const m = /^acs:([^:]*):/i.exec(arn);
  return m ? `acs:${m[1].toLowerCase()}:${arn.slice(m[0].length)}` : arn;
}

/**
 * Do two wildcard patterns have at least one value in common? Used to ask "could this statement touch
 * that resource pattern" (e.g. does `acs:kms:*:*:key/*` overlap `acs:kms:cn-hangzhou:1:key/abc`).
 * Exact for the patterns policies use (wildcards on one side), conservative otherwise.
 */
export function patternsOverlap(a: string, b: string, ignoreCase = false): boolean {
  const hasWild = (s: string) => s.includes('*') || s.includes('?');
  if (!hasWild(b)) return wildcardMatch(a, b, ignoreCase);
  if (!hasWild(a)) return wildcardMatch(b, a, ignoreCase);
  // Both have wildcards: compare the literal prefixes and suffixes before the first / after the last wildcard.
  const norm = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const prefix = (s: string) => s.slice(0, s.search(/[*?]/));
  const suffix = (s: string) => s.slice(Math.max(s.lastIndexOf('*'), s.lastIndexOf('?')) + 1);
  const pa = norm(prefix(a)), pb = norm(prefix(b)), sa = norm(suffix(a)), sb = norm(suffix(b));
  return (pa.startsWith(pb) || pb.startsWith(pa)) && (sa.endsWith(sb) || sb.endsWith(sa));
}
