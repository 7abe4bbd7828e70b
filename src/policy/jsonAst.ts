// JSON with the place of every value, so policy problems can point at the exact spot in the user's
// document. The parsing is jsonc-parser's (the parser of VS Code's own JSON support). What this file
// adds, because the library does not do it:
// - strict JSON: no comments, no trailing commas, only one value, nothing but JSON (RAM refuses the rest),
//   with a byte order mark allowed at the very start as editors write it;
// - a depth limit checked before the (recursive) parser runs, so a deeply nested text is refused with a
//   clear problem instead of overflowing the stack;
// - errors as PolicyError with line, column and what was expected there, pointing at the offending
//   character (the library points at the start of a bad string);
// - every duplicate key kept in order (policyDocument.ts reports them) and `toValue`, which defines
//   properties instead of assigning them, so a `__proto__` key is data, never a prototype.
import { createScanner, parseTree, ParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import { PolicyError, lineColumn, problem } from './problem';

interface NodeBase {
  readonly offset: number;
  readonly length: number;
}
export interface JsonString extends NodeBase { readonly type: 'string'; readonly value: string }
export interface JsonNumber extends NodeBase { readonly type: 'number'; readonly value: number }
export interface JsonBoolean extends NodeBase { readonly type: 'boolean'; readonly value: boolean }
export interface JsonNull extends NodeBase { readonly type: 'null'; readonly value: null }
export interface JsonArray extends NodeBase { readonly type: 'array'; readonly items: JsonNode[] }
export interface JsonProperty { readonly key: JsonString; readonly value: JsonNode }
export interface JsonObject extends NodeBase { readonly type: 'object'; readonly properties: JsonProperty[] }
export type JsonNode = JsonString | JsonNumber | JsonBoolean | JsonNull | JsonArray | JsonObject;

/** Deeper documents are refused rather than risking the stack; no policy nests anywhere near this. */
const MAX_DEPTH = 64;

const A_VALUE = 'a value (object, array, string, number, true, false or null)';
const A_COMMA = 'a comma (,) or the end of the object (}) or array (])';
const TRAILING_COMMA = 'another value after the comma (JSON allows no trailing comma)';

/** What was expected where the library reports each error (the "expected ..." of our message). */
const EXPECTED: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: A_VALUE,
  [ParseErrorCode.InvalidNumberFormat]: 'a number as JSON writes it (e.g. 12, -0.5, 1e3)',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes',
  [ParseErrorCode.ValueExpected]: A_VALUE,
  [ParseErrorCode.ColonExpected]: 'a colon (:) after the property name',
  [ParseErrorCode.CommaExpected]: A_COMMA,
  [ParseErrorCode.CloseBraceExpected]: 'a comma (,) or the end of the object (})',
  [ParseErrorCode.CloseBracketExpected]: 'a comma (,) or the end of the array (])',
  [ParseErrorCode.EndOfFileExpected]: 'the end of the document (only one JSON value is allowed)',
  [ParseErrorCode.InvalidCommentToken]: 'no comment (JSON has none, and RAM refuses them)',
  [ParseErrorCode.UnexpectedEndOfComment]: 'no comment (JSON has none, and RAM refuses them)',
  [ParseErrorCode.UnexpectedEndOfString]: 'a closing quote (")',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a digit',
  [ParseErrorCode.InvalidUnicode]: 'four hex digits after \\u',
  [ParseErrorCode.InvalidEscapeCharacter]: 'a valid escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)',
  [ParseErrorCode.InvalidCharacter]: 'no control character inside a string (write it escaped, e.g. \\n)',
};

function syntaxError(text: string, what: string, at: number): PolicyError {
  const { line, column } = lineColumn(text, at);
  const found = at >= text.length ? 'the end of the text' : JSON.stringify(text[at]);
  return new PolicyError(
    problem('Json.Syntax', 'Invalid JSON at line {0}, column {1}: expected {2} but found {3}.', line, column, what, found),
    at,
    1,
  );
}

/** Parses JSON text into positioned nodes; throws PolicyError (code `Json.Syntax` or `Json.TooDeep`) with the offset. */
export function parseJsonAst(text: string): JsonNode {
  // A byte order mark is allowed first (editors write one); a space in its place keeps every offset.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  refuseDeepNesting(source);
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) throw describeError(source, errors[0]);
  if (!root) throw syntaxError(source, 'a JSON document', 0);
  return convert(root);
}

/** One pass of the library's scanner (a loop, no recursion) that counts open brackets. */
function refuseDeepNesting(text: string): void {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_DEPTH + 1) {
        throw new PolicyError(problem('Json.TooDeep', 'The JSON nests deeper than {0} levels; a policy document never does.', MAX_DEPTH), scanner.getTokenOffset(), 1);
      }
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
}

function describeError(text: string, error: ParseError): PolicyError {
  let at = error.offset;
  const closing = text[at] === ']' || text[at] === '}';
  if (closing && (error.error === ParseErrorCode.ValueExpected || error.error === ParseErrorCode.PropertyNameExpected) && previousNonSpace(text, at) === ',') {
    return syntaxError(text, TRAILING_COMMA, at);
  }
  // Errors inside a string are reported at the string's start: point at the offending character instead.
  const inString = error.offset + error.length;
  if (error.error === ParseErrorCode.InvalidCharacter) at = firstIndex(text, at + 1, inString, (c) => c < 0x20) ?? at;
  if (error.error === ParseErrorCode.InvalidEscapeCharacter || error.error === ParseErrorCode.InvalidUnicode) at = badEscape(text, at + 1, inString) ?? at;
  if (error.error === ParseErrorCode.UnexpectedEndOfString) at = inString;
  return syntaxError(text, EXPECTED[error.error] ?? A_VALUE, at);
}

function previousNonSpace(text: string, at: number): string | undefined {
  let i = at - 1;
  while (i >= 0 && ' \t\r\n'.includes(text[i])) i--;
  return i >= 0 ? text[i] : undefined;
}

function firstIndex(text: string, from: number, to: number, test: (code: number) => boolean): number | undefined {
  for (let i = from; i < to; i++) if (test(text.charCodeAt(i))) return i;
  return undefined;
}

/** The character after the first backslash whose escape JSON does not allow (or the first bad hex digit). */
function badEscape(text: string, from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) {
    if (text[i] !== '\\') continue;
    const e = text[i + 1];
    if (e === 'u') {
      for (let h = i + 2; h < i + 6; h++) if (!/[0-9a-fA-F]/.test(text[h] ?? '')) return h;
      i += 5;
    } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
      i++;
    } else {
      return i + 1;
    }
  }
  return undefined;
}

/** The library's tree as our typed nodes; depth is bounded by refuseDeepNesting, so recursion is safe. */
function convert(node: Node): JsonNode {
  const { offset, length } = node;
  switch (node.type) {
    case 'object':
      return {
        type: 'object', offset, length,
        properties: (node.children ?? []).map((p) => ({ key: convert(p.children![0]) as JsonString, value: convert(p.children![1]) })),
      };
    case 'array':
      return { type: 'array', offset, length, items: (node.children ?? []).map(convert) };
    case 'string':
      return { type: 'string', offset, length, value: node.value as string };
    case 'number':
      return { type: 'number', offset, length, value: node.value as number };
    case 'boolean':
      return { type: 'boolean', offset, length, value: node.value as boolean };
    default:
      return { type: 'null', offset, length, value: null };
  }
}

/** The plain JavaScript value of a node (what JSON.parse would give, last duplicate key winning). */
export function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'array':
      return node.items.map(toValue);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        Object.defineProperty(out, p.key.value, { value: toValue(p.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      return node.value;
  }
}

/** A JSON type name for messages: "a string", "an array"... */
export function describeType(node: JsonNode): string {
  switch (node.type) {
    case 'array': return 'an array';
    case 'object': return 'an object';
    case 'null': return 'null';
    default: return `a ${node.type}`;
  }
}
