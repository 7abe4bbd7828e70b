// Parses the EncryptionContext the user types for Test Encrypt: `key=value, key2=value2` or a JSON
// object of strings. Empty means none. Pure.

export type ParsedContext = { ok: true; value?: Record<string, string> } | { ok: false; problem: string };

export function parseEncryptionContext(input: string): ParsedContext {
  const textValue = input.trim();
  if (textValue === '') return { ok: true };
  if (textValue.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(textValue);
    } catch {
      return { ok: false, problem: 'Not valid JSON: write {"key":"value"} or key=value, key2=value2.' };
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, problem: 'The JSON must be an object of strings.' };
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([, v]) => typeof v !== 'string')) return { ok: false, problem: 'Every value of the EncryptionContext must be a string.' };
    return entries.length ? { ok: true, value: Object.fromEntries(entries) as Record<string, string> } : { ok: true };
  }
  const value: Record<string, string> = {};
  for (const part of textValue.split(',')) {
    const pair = part.trim();
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) return { ok: false, problem: `"${pair}" is not key=value.` };
    const key = pair.slice(0, eq).trim();
    if (Object.hasOwn(value, key)) return { ok: false, problem: `The key "${key}" appears twice.` };
    value[key] = pair.slice(eq + 1).trim();
  }
  return Object.keys(value).length ? { ok: true, value } : { ok: true };
}
