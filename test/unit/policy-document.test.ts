import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePolicyText, parsePolicyDocument } from '../../src/policy/policyDocument';
import { PolicyError } from '../../src/policy/problem';
import { parseJsonAst, toValue } from '../../src/policy/jsonAst';
import fc from 'fast-check';

const codes = (text: string) => analyzePolicyText(text).problems.map((p) => p.code);

test('a valid permission policy parses, strings normalized to arrays', () => {
  const doc = parsePolicyDocument('{"Version":"1","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}');
  assert.deepEqual(doc, { Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['*'] }] });
});

test('a trust policy parses with Principal and no Resource', () => {
  const doc = parsePolicyDocument({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs.aliyuncs.com' } }], Version: '1' });
  assert.deepEqual(doc.Statement[0].Principal, { Service: ['ecs.aliyuncs.com'] });
});

test('JSON syntax errors give line, column and what was expected', () => {
  const text = '{\n  "Version": "1",\n  "Statement": [ , ]\n}';
  const a = analyzePolicyText(text);
  assert.equal(a.problems.length, 1);
  assert.equal(a.problems[0].code, 'Json.Syntax');
  assert.match(a.problems[0].message, /line 3, column 18: expected a value/);
  assert.equal(text[a.problems[0].offset], ',');
});

test('trailing commas are refused like RAM refuses them', () => {
  assert.match(analyzePolicyText('{"Version":"1",}').problems[0].message, /no trailing comma/);
  assert.match(analyzePolicyText('["a",]').problems[0].message, /no trailing comma/);
});

test('Version must be the string "1"', () => {
  assert.ok(codes('{"Version":1,"Statement":[]}').includes('Policy.BadVersion'));
  assert.ok(codes('{"Statement":[]}').includes('Policy.MissingVersion'));
});

test('Statement must be an array; its problem points at the value', () => {
  const text = '{"Version":"1","Statement":{"Effect":"Allow"}}';
  const p = analyzePolicyText(text).problems.find((x) => x.code === 'Policy.StatementNotArray');
  assert.ok(p);
  assert.equal(text.slice(p.offset, p.offset + p.length), '{"Effect":"Allow"}');
});

test('Effect must be Allow or Deny, exactly', () => {
  assert.ok(codes('{"Version":"1","Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}').includes('Statement.BadEffect'));
  assert.ok(codes('{"Version":"1","Statement":[{"Action":"*","Resource":"*"}]}').includes('Statement.MissingEffect'));
});

test('Action and NotAction together, or neither, are errors', () => {
  assert.ok(codes('{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","NotAction":"kms:*","Resource":"*"}]}').includes('Statement.Both'));
  assert.ok(codes('{"Version":"1","Statement":[{"Effect":"Allow","Resource":"*"}]}').includes('Statement.MissingAction'));
});

test('a permission statement needs Resource; a trust statement does not', () => {
  assert.ok(codes('{"Version":"1","Statement":[{"Effect":"Allow","Action":"kms:*"}]}').includes('Statement.MissingResource'));
  assert.deepEqual(codes('{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::123:root"]}}]}'), []);
});

test('bad action and resource formats, empty lists, wrong types', () => {
  const c = codes('{"Version":"1","Statement":[{"Effect":"Allow","Action":["Decrypt",3],"Resource":["arn:aws:kms","acs:kms"]},{"Effect":"Deny","Action":[],"Resource":"*"}]}');
  for (const code of ['Action.BadFormat', 'Policy.NotString', 'Resource.BadFormat', 'Resource.ShortArn', 'Policy.EmptyList']) assert.ok(c.includes(code), code);
});

test('unknown elements, wrong case and duplicates are named', () => {
  const c = codes('{"Version":"1","Statement":[{"effect":"Allow","Effect":"Allow","Effect":"Deny","Actions":"*","Action":"*","Resource":"*"}]}');
  for (const code of ['Policy.WrongCase', 'Policy.DuplicateKey', 'Statement.UnknownElement']) assert.ok(c.includes(code), code);
});

test('Principal and Condition shapes are checked', () => {
  const c = codes('{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"User":"x"},"Condition":{"StringEqualz":{"a":"b"},"Bool":"true"}}]}');
  for (const code of ['Principal.UnknownType', 'Condition.UnknownOperator', 'Condition.BlockNotObject']) assert.ok(c.includes(code), code);
});

test('a __proto__ key does not pollute anything', () => {
  const doc = parsePolicyDocument('{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"__proto__":"x"}}}]}');
  assert.deepEqual(Object.keys(doc.Statement[0].Condition!.StringEquals), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).x, undefined);
});

test('parsePolicyDocument throws PolicyError with line and column for invalid text', () => {
  assert.throws(() => parsePolicyDocument('{\n"Version":"2","Statement":[]}'), (e: unknown) => e instanceof PolicyError && /line 2, column 11/.test(e.message));
  assert.throws(() => parsePolicyDocument(''), PolicyError);
  assert.throws(() => parsePolicyDocument(undefined), PolicyError);
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  assert.throws(() => parsePolicyDocument(circular), PolicyError);
});

test('very deep nesting is refused with a PolicyError, not a stack overflow', () => {
  const text = '['.repeat(10000) + ']'.repeat(10000);
  assert.equal(analyzePolicyText(text).problems[0].code, 'Json.TooDeep');
});

test('numbers of any length JSON accepts are accepted (a 400-digit number, 1e400, a long fraction)', () => {
  const long = '9'.repeat(400);
  const fraction = '0.' + '0'.repeat(500) + '1';
  for (const n of [long, '1e400', '-1E-400', fraction]) {
    const text = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"NumericLessThan":{"acs:x":${n}}}}]}`;
    assert.deepEqual(codes(text), [], n.slice(0, 20));
    const doc = parsePolicyDocument(text);
    assert.deepEqual(doc.Statement[0].Condition!.NumericLessThan['acs:x'], [String(JSON.parse(n))]);
  }
});

test('the parser accepts exactly what JSON.parse accepts, with the same value (BOM allowed first)', () => {
  const chars = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', '+', '.', 'e', ' ', '\n', '\t', '\v', 't', 'r', 'n', 'l', 'f', 'a', '/', '*', '\u2028', '\ufeff', '\u0001');
  const texts = fc.oneof(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ unit: 'binary', maxLength: 30 }));
  fc.assert(fc.property(texts, (text) => {
    let expected: unknown;
    let valid = true;
    try {
      expected = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      valid = false;
    }
    try {
      const value = toValue(parseJsonAst(text));
      assert.ok(valid, `accepted what JSON.parse refuses: ${JSON.stringify(text)}`);
      assert.deepEqual(value, expected);
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      assert.ok(!valid, `refused valid JSON ${JSON.stringify(text)}: ${err.message}`);
    }
  }), { seed: 20261130, numRuns: 4000 });
});

test('comments, a BOM inside the text and whitespace JSON does not know are refused', () => {
  assert.match(analyzePolicyText('{"Version":"1" // c\n}').problems[0].message, /no comment/);
  assert.equal(analyzePolicyText('{"Version":"1",\ufeff"Statement":[]}').problems[0].code, 'Json.Syntax');
  assert.equal(analyzePolicyText('{"Version":"1",\u00a0"Statement":[]}').problems[0].code, 'Json.Syntax');
  const control = analyzePolicyText('{"Version":"1\u0001"}').problems[0];
  assert.equal(control.offset, 13, 'points at the control character, not the string');
});

test('a __proto__ element of a statement or the document is refused, not merged into the prototype', () => {
  const statement = '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","__proto__":{"Effect":"Deny"}}]}';
  assert.ok(codes(statement).includes('Statement.UnknownElement'));
  assert.throws(() => parsePolicyDocument(statement), (e: unknown) => e instanceof PolicyError && /Unknown element "__proto__"/.test(e.message));
  assert.ok(codes('{"__proto__":{},"Version":"1","Statement":[]}').includes('Policy.UnknownElement'));
  assert.equal(({} as Record<string, unknown>).Effect, undefined);
});
