// Property-based tests: arbitrary input into the parser, the checks and the validators. Fixed seed so a
// failure reproduces; each test reports how many cases it ran.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzePolicyText, parsePolicyDocument, readPolicyLeniently } from '../../src/policy/policyDocument';
import { checkPolicyText } from '../../src/policy/semanticChecks';
import { PolicyError } from '../../src/policy/problem';
import * as v from '../../src/policy/validation';
import { classifyKeyIdentifier, parseArn, parseRoleArn, roleArn } from '../../src/policy/arn';
import { evaluate } from '../../src/policy/evaluator';
import { shellQuote } from '../../src/policy/cli';
import { wildcardMatch } from '../../src/policy/wildcard';
import { SHELLS, wordsIn } from './support/shells';

const SEED = 20261130;
const RUNS = 400;

function run<T>(t: { diagnostic(message: string): void }, name: string, arb: fc.Arbitrary<T>, check: (value: T) => void, numRuns = RUNS): void {
  let cases = 0;
  fc.assert(fc.property(arb, (value) => {
    cases++;
    check(value);
  }), { seed: SEED, numRuns });
  t.diagnostic(`${name}: ${cases} cases (seed ${SEED})`);
}

function assertClearProblems(problems: readonly { code: string; message: string; offset: number; length: number }[], text: string): void {
  for (const p of problems) {
    assert.ok(p.code.length > 0 && p.message.length > 0, 'every problem has a code and a message');
    assert.ok(!/undefined|\{\d\}|\[object/.test(p.message), `message is filled in: ${p.message}`);
    assert.ok(p.offset >= 0 && p.offset <= text.length && p.length >= 0, 'the place is inside the text');
  }
}

const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
const stringOrList = fc.oneof(fc.string(), fc.array(fc.oneof(fc.string(), scalar), { maxLength: 4 }), scalar, fc.constantFrom('*', 'kms:*', 'kms:Decrypt', 'acs:kms:*:*:key/*', 'sts:AssumeRole'));
const statementLike = fc.dictionary(
  fc.constantFrom('Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition', 'Sid', 'effect', '__proto__', 'Other'),
  fc.oneof(stringOrList, fc.constantFrom('Allow', 'Deny'), fc.dictionary(fc.constantFrom('Service', 'RAM', 'StringEquals', 'IpAddress', 'x'), fc.oneof(stringOrList, fc.dictionary(fc.string(), stringOrList)))),
);
const policyLike = fc.record({
  Version: fc.oneof(fc.constant('1'), scalar),
  Statement: fc.oneof(fc.array(fc.oneof(statementLike, scalar), { maxLength: 4 }), statementLike, scalar),
}, { requiredKeys: [] });

test('fuzz: any text into the analyzer and the checks: no exception, clear placed problems', (t) => {
  run(t, 'arbitrary strings', fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
    assertClearProblems(checkPolicyText(text), text);
  });
  run(t, 'arbitrary JSON', fc.jsonValue(), (value) => {
    const text = JSON.stringify(value, null, 1);
    const problems = checkPolicyText(text, { kind: 'auto' });
    assertClearProblems(problems, text);
    if (text === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) assert.ok(problems.length > 0);
  });
  run(t, 'policy-shaped documents', policyLike, (value) => {
    const text = JSON.stringify(value);
    assertClearProblems(checkPolicyText(text, { kind: 'trust' }), text);
    assertClearProblems(checkPolicyText(text, { kind: 'permission' }), text);
  });
});

test('fuzz: parsePolicyDocument returns a document or throws PolicyError, nothing else', (t) => {
  run(t, 'parsePolicyDocument(anything)', fc.oneof(fc.anything(), policyLike, fc.string()), (value) => {
    try {
      const doc = parsePolicyDocument(value);
      assert.equal(doc.Version, '1');
      assert.deepEqual(parsePolicyDocument(JSON.stringify(doc)), doc, 'a parsed document round-trips');
    } catch (err) {
      assert.ok(err instanceof PolicyError, `threw ${String(err)}`);
      assert.ok(err.message.length > 0);
    }
  });
  run(t, 'readPolicyLeniently(anything) keeps only statements the strict parser accepts', fc.oneof(fc.anything(), policyLike, fc.string()), (value) => {
    const { document, skipped } = readPolicyLeniently(value);
    assert.deepEqual(parsePolicyDocument(JSON.stringify(document)), document);
    for (const p of skipped) assert.ok(p.message.length > 0);
  });
  run(t, 'mutated valid policy text', fc.tuple(fc.nat(), fc.string({ maxLength: 3 })), ([at, insert]) => {
    const valid = '{"Version":"1","Statement":[{"Effect":"Allow","Action":["kms:Decrypt"],"Resource":["acs:kms:*:*:key/*"]}]}';
    const i = at % (valid.length + 1);
    const text = valid.slice(0, i) + insert + valid.slice(i);
    assertClearProblems(analyzePolicyText(text).problems, text);
  });
});

test('fuzz: validators never throw and always explain', (t) => {
  const validators = [v.validateRoleName, v.validatePolicyName, v.validateDescription, v.validateMaxSessionDuration, v.validateInstanceId,
    v.validateInstanceIds, v.validateRegionId, v.validateAccountId, v.validateKeyId, v.validateKeyAlias, v.validateSecretName,
    v.validatePolicyDocumentLength, v.validateServicePrincipal, v.validateInstanceType, (x: unknown) => v.validatePrefixedId(x, 'vsw')];
  run(t, 'validators(anything)', fc.oneof(fc.anything(), fc.string(), fc.array(fc.string(), { maxLength: 120 })), (value) => {
    for (const validate of validators) {
      const p = validate(value);
      if (p) assert.ok(p.message.length > 10 && !/\{\d\}/.test(p.message));
    }
    const k = classifyKeyIdentifier(value as string);
    if (!k.ok) assert.ok(k.problem.message.length > 10);
    parseArn(value as string);
  });
  run(t, 'valid role names are accepted and round-trip through the ARN in lower case',
    fc.stringMatching(/^[A-Za-z0-9.-]{1,64}$/), (name) => {
      assert.equal(v.validateRoleName(name), undefined);
      assert.equal(parseRoleArn(roleArn('1234567890123456', name))?.roleName, name.toLowerCase());
    });
  run(t, 'names longer than 64 or with other characters are refused with the rule',
    fc.oneof(fc.string({ minLength: 65, maxLength: 90 }), fc.string().filter((s) => /[^A-Za-z0-9.-]/.test(s))), (name) => {
      const p = v.validateRoleName(name);
      assert.ok(p);
      assert.match(p.message, /1 to 64 characters/);
    });
});

test('fuzz: explicit Deny always wins; a literal pattern matches itself', (t) => {
  const token = fc.stringMatching(/^[A-Za-z0-9:/._-]{1,30}$/);
  run(t, 'Deny over Allow', fc.tuple(token, token), ([action, resource]) => {
    const allow = parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const deny = parsePolicyDocument({ Version: '1', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] });
    assert.equal(evaluate([allow], action, resource).decision, 'Allow');
    assert.equal(evaluate([allow, deny], action, resource).decision, 'Deny');
    assert.ok(wildcardMatch(resource, resource));
  });
});

test('fuzz: shell quoting survives real shells (bash, dash, and zsh when installed)', (t) => {
  const values = fc.sample(fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: fc.constantFrom('=', '~', '#', '!', '%', '^', 'a', ' ', "'", '$', '*'), maxLength: 6 }),
  ).filter((s) => !s.includes('\0')), { seed: SEED, numRuns: 300 });
  for (const shell of SHELLS) {
    if (!shell.path) {
      assert.ok(!shell.required, `${shell.name} is required`);
      t.diagnostic(`${shell.name} is not installed: skipped`);
      continue;
    }
    assert.deepEqual(wordsIn(shell.path, values.map(shellQuote).join(' ')), values, shell.name);
    t.diagnostic(`shellQuote: ${values.length} cases through ${shell.name} (seed ${SEED})`);
  }
});
