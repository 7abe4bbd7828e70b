// Wildcard matching as RAM does it: `*` matches any run of characters (including none, and across
// `:` and `/`), `?` matches exactly one. Actions compare case-insensitively, resources as written.
//
// No regular expressions: a pattern such as `kms:*?*?*?…!` compiled to a backtracking RegExp took
// seconds to fail (issue 17). The pattern is split at its `*`s; the first piece must match at the start,
// the last at the end, and each piece between is found at its leftmost place after the previous one.
// Taking the leftmost place is always right for `*` (a later piece can only gain room), so nothing is
// ever retried: the cost is at most len(pattern) × len(value) character comparisons, usually far less.

/** Does the wildcard `pattern` match `value` as a whole? */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  return wildcardMatcher(pattern, ignoreCase)(value);
}

/** The pattern prepared once, for matching it against many values (e.g. every known action). */
export function wildcardMatcher(pattern: string, ignoreCase = false): (value: string) => boolean {
  if (pattern === '*') return () => true;
  const pieces = (ignoreCase ? fold(pattern) : pattern).split('*');
  const fixed = pieces.reduce((sum, piece) => sum + piece.length, 0);
  if (pieces.length === 1) {
    return (value) => value.length === fixed && pieceAt(pieces[0], ignoreCase ? fold(value) : value, 0);
  }
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return (value) => {
    if (value.length < fixed) return false; // every character outside the *s needs one of its own
    const v = ignoreCase ? fold(value) : value;
    if (!pieceAt(first, v, 0) || !pieceAt(last, v, v.length - last.length)) return false;
    let from = first.length;
    const end = v.length - last.length;
    for (let i = 1; i < pieces.length - 1; i++) {
      const piece = pieces[i];
      if (piece === '') continue;
      const at = findPiece(piece, v, from, end);
      if (at < 0) return false;
      from = at + piece.length;
    }
    return true;
  };
}

/** Lower case one UTF-16 unit at a time, so `?` still stands for exactly one unit (as `[\s\S]` did). */
function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const lower = text[i].toLowerCase();
    out += lower.length === 1 ? lower : text[i];
  }
  return out;
}

/** Does the piece (literal characters and `?`) match `value` at `at`? */
function pieceAt(piece: string, value: string, at: number): boolean {
  for (let i = 0; i < piece.length; i++) {
    if (piece[i] !== '?' && piece[i] !== value[at + i]) return false;
  }
  return true;
}

/** Leftmost place in value[from, end) where the piece matches, or -1. */
function findPiece(piece: string, value: string, from: number, end: number): number {
  for (let at = from; at + piece.length <= end; at++) {
    if (pieceAt(piece, value, at)) return at;
  }
  return -1;
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
