// Parses the EncryptionContext the user types for Test Encrypt: `key=value, key2=value2` or a JSON
// object of strings. Empty means none. Pure.
import { english, text, type Message, type MessageArg } from '../util/message';

/** `problem` is the English text (log, tests); `text` is what the UI shows, localized. */
export type ParsedContext = { ok: true; value?: Record<string, string> } | { ok: false; problem: string; text: Message };

function fail(template: string, ...args: MessageArg[]): ParsedContext {
  const value = text(template, ...args);
  return { ok: false, problem: english(value), text: value };
}

export function parseEncryptionContext(input: string): ParsedContext {
  const textValue = input.trim();
  if (textValue === '') return { ok: true };
  if (textValue.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(textValue);
    } catch {
      return fail('Not valid JSON: write {"key":"value"} or key=value, key2=value2.');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail('The JSON must be an object of strings.');
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([, v]) => typeof v !== 'string')) return fail('Every value of the EncryptionContext must be a string.');
    return entries.length ? { ok: true, value: Object.fromEntries(entries) as Record<string, string> } : { ok: true };
  }
  const value: Record<string, string> = {};
  for (const part of textValue.split(',')) {
    const pair = part.trim();
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) return fail('"{0}" is not key=value.', pair);
    const key = pair.slice(0, eq).trim();
    if (Object.hasOwn(value, key)) return fail('The key "{0}" appears twice.', key);
    value[key] = pair.slice(eq + 1).trim();
  }
  return Object.keys(value).length ? { ok: true, value } : { ok: true };
}
