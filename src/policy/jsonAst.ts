// A strict JSON parser that keeps where every value is, so policy problems can point at the exact
// place in the user's document. Errors are PolicyError with an offset and a message saying what was
// expected there. Strict JSON on purpose: RAM rejects comments and trailing commas too.
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

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses JSON text into positioned nodes; throws PolicyError (code `Json.Syntax`) with the offset. */
export function parseJsonAst(text: string): JsonNode {
  let pos = 0;

  function fail(what: string, at = pos): never {
    const { line, column } = lineColumn(text, at);
    const found = at >= text.length ? 'the end of the text' : JSON.stringify(text[at]);
    throw new PolicyError(
      problem('Json.Syntax', 'Invalid JSON at line {0}, column {1}: expected {2} but found {3}.', line, column, what, found),
      at,
      1,
    );
  }

  const skipSpace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else if (c === 0xfeff && pos === 0) pos++;
      else break;
    }
  };

  const parseString = (): JsonString => {
    const start = pos;
    pos++; // opening quote
    let value = '';
    while (true) {
      if (pos >= text.length) fail('a closing quote (")');
      const c = text[pos];
      if (c === '"') {
        pos++;
        return { type: 'string', value, offset: start, length: pos - start };
      }
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('four hex digits after \\u', pos + 2);
          value += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else if (e !== undefined && e in ESCAPES) {
          value += ESCAPES[e];
          pos += 2;
        } else {
          fail('a valid escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)', pos + 1);
        }
      } else if (c.charCodeAt(0) < 0x20) {
        fail('no control character inside a string (write it escaped, e.g. \\n)');
      } else {
        value += c;
        pos++;
      }
    }
  };

  const parseNumber = (): JsonNumber => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match || match[0] === '-') return fail('a value (object, array, string, number, true, false or null)');
    const start = pos;
    pos += match[0].length;
    return { type: 'number', value: Number(match[0]), offset: start, length: match[0].length };
  };

  const parseLiteral = (word: 'true' | 'false' | 'null'): JsonNode => {
    if (text.startsWith(word, pos)) {
      const start = pos;
      pos += word.length;
      if (word === 'null') return { type: 'null', value: null, offset: start, length: word.length };
      return { type: 'boolean', value: word === 'true', offset: start, length: word.length };
    }
    return fail('a value (object, array, string, number, true, false or null)');
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) {
      throw new PolicyError(problem('Json.TooDeep', 'The JSON nests deeper than {0} levels; a policy document never does.', MAX_DEPTH), pos, 1);
    }
    skipSpace();
    const c = text[pos];
    if (c === '{') return parseObject(depth);
    if (c === '[') return parseArray(depth);
    if (c === '"') return parseString();
    if (c === 't') return parseLiteral('true');
    if (c === 'f') return parseLiteral('false');
    if (c === 'n') return parseLiteral('null');
    return parseNumber();
  };

  const parseArray = (depth: number): JsonArray => {
    const start = pos;
    pos++;
    const items: JsonNode[] = [];
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return { type: 'array', items, offset: start, length: pos - start };
    }
    while (true) {
      items.push(parseValue(depth + 1));
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        skipSpace();
        if (text[pos] === ']') fail('another value after the comma (JSON allows no trailing comma)');
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return { type: 'array', items, offset: start, length: pos - start };
      }
      fail('a comma (,) or the end of the array (])');
    }
  };

  const parseObject = (depth: number): JsonObject => {
    const start = pos;
    pos++;
    const properties: JsonProperty[] = [];
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return { type: 'object', properties, offset: start, length: pos - start };
    }
    while (true) {
      skipSpace();
      if (text[pos] !== '"') fail(properties.length > 0 ? 'a property name in double quotes (JSON allows no trailing comma)' : 'a property name in double quotes');
      const key = parseString();
      skipSpace();
      if (text[pos] !== ':') fail('a colon (:) after the property name');
      pos++;
      const value = parseValue(depth + 1);
      properties.push({ key, value });
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return { type: 'object', properties, offset: start, length: pos - start };
      }
      fail('a comma (,) or the end of the object (})');
    }
  };

  skipSpace();
  if (pos >= text.length) fail('a JSON document');
  const root = parseValue(0);
  skipSpace();
  if (pos < text.length) fail('the end of the document (only one JSON value is allowed)');
  return root;
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
