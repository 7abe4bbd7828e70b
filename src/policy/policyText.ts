// Policy documents as text: compact for API parameters and CLI arguments (RAM counts characters, and
// 6,144 is the limit), indented like the RAM console for reading.

/** One-line JSON, as sent in AssumeRolePolicyDocument / PolicyDocument parameters. Text that is not JSON is passed through as written. */
export function formatCompact(document: unknown): string {
  if (typeof document === 'string') {
    try {
      return JSON.stringify(JSON.parse(document));
    } catch {
      return document;
    }
  }
  return JSON.stringify(document) ?? '';
}
