/**
 * Two JSON texts are the same document when they parse to the same value with keys in the same order
 * (RAM returns policy documents as sent, so reformatting alone is not a change). Unparseable texts
 * compare as text.
 */
export function sameJson(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}
