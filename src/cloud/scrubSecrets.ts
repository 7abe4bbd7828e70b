// The one secret scrubber for error text. Every CloudError message passes through it (cloudError.ts), so
// a service or a proxy that quotes the request back cannot put a secret into a log or a notification:
// - On SignatureDoesNotMatch the service echoes its string to sign ("server string to sign is: …"); for
//   the KMS RPC signature that holds the AccessKeyId, the SecurityToken and every parameter (Plaintext).
// - SDKs quote the request URL in network errors, and the RPC client signs in the query string.
// - A hostile or broken endpoint may echo the whole request (query, headers, body) into its message.
// What it removes: the string-to-sign block to the end of the text, the query string of every URL, and
// the VALUE of every secret-bearing name below, whether written `Name=v`, `Name: v`, `"Name":"v"`,
// `\"Name\":\"v\"`, or percent-encoded once or more (`Name%3Dv%26`, `Name%253Dv%2526`).
// Names and ids stay: the reader still sees which parameter it was, and the AccessKeyId (an id, not a
// secret) stays findable in the RAM console.

/** Parameter, field and header names whose values are secrets (matched case-insensitively). */
const SECRET_NAMES = [
  'SecurityToken', 'x-acs-security-token', 'Signature', 'AccessKeySecret', 'x-acs-accesskey-secret',
  'Plaintext', 'SecretData', 'SecretString', 'CiphertextBlob', 'Password', 'Authorization',
];

const REDACTED = '[redacted]';

const NAMES = String.raw`\b(?:${SECRET_NAMES.map((n) => n.replace(/-/g, '\\-')).join('|')})\b`;
/** `"Name": "value"` (also inside a JSON string, `\"Name\":\"value\"`): the value runs to its closing quote. */
const QUOTED = new RegExp(String.raw`(${NAMES}\\*"\s*:\s*\\*")(?:[^"\\]|\\[^"])*`, 'gi');
/** `=`, `:` or either percent-encoded any number of times (%3D, %253D, %3A…), with encoded quotes around. */
const SEPARATOR = String.raw`(?:%(?:25)*22)?\s*(?:=|:|%(?:25)*3[dDaA])\s*(?:%(?:25)*22)?`;
/** An unquoted value ends at whitespace, a quote, `&`, `,`, `;`, `}`, `<`, or an encoded `&`/`"`/space/`,`. */
const VALUE = String.raw`(?:(?!%(?:25)*(?:26|22|20|2[cC]))[^\s&"',;}<\\])+`;
const PLAIN = new RegExp(String.raw`(${NAMES}${SEPARATOR})${VALUE}`, 'gi');

/** "server string to sign is: …", "StringToSign: …", "string-to-sign=…": everything after it goes. */
const STRING_TO_SIGN = /(string[ _-]?to[ _-]?sign(?:\s+is)?\s*[:=]?)[\s\S]*$/i;

/** The query string and fragment of every absolute URL (the address stays). */
export function withoutQueryStrings(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#]*)[?#][^\s]*/gi, '$1');
}

/** The text with string-to-sign blocks, URL query strings and secret values removed. */
export function scrubSecrets(text: string): string {
  return withoutQueryStrings(text.replace(STRING_TO_SIGN, `$1 ${REDACTED}`)).replace(QUOTED, `$1${REDACTED}`).replace(PLAIN, `$1${REDACTED}`);
}
