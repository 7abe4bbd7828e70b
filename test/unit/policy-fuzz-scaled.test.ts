// Size-scaled inputs with a time budget per case (issue 17): big documents, many statements, deep
// nesting, long strings and numbers. The budget is generous for a linear path (each case takes
// milliseconds) and far too small for a quadratic one (8,000 bad statements once took 129 s), so a
// super-linear path fails here instead of freezing the extension host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzePolicyText, MAX_ANALYZED_LENGTH } from '../../src/policy/policyDocument';
import { checkPolicyText } from '../../src/policy/semanticChecks';
import { policyFindings } from '../../src/language/policyFiles';
import { findAccessKeys } from '../../src/linter/detect';

// CPU time of this process, not wall time: the test machines are shared, and a busy neighbour must not
// fail a linear path (a quadratic one needs minutes of CPU here, far past the budget either way).
const BUDGET_MS = 2000;
const SEED = 20261130;

function withinBudget<T>(t: { diagnostic(message: string): void }, name: string, work: () => T): T {
  const start = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  t.diagnostic(`${name}: ${ms.toFixed(0)} ms of CPU`);
  assert.ok(ms < BUDGET_MS, `${name} took ${ms.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
  return result;
}

const policy = (statements: string) => `{"Version":"1","Statement":[${statements}]}`;
/** Statements that add problems: no Effect, no Action, no Resource (3 errors each), 3 characters each. */
const badStatements = (n: number) => policy(Array(n).fill('{}').join(','));

test('many bad statements are analysed in linear time', (t) => {
  // 10,000 statements with 3 problems each: milliseconds when linear, seconds when each statement
  // re-reads the problems found so far (as it once did).
  const n = 10_000;
  const text = badStatements(n);
  assert.ok(text.length <= MAX_ANALYZED_LENGTH);
  const problems = withinBudget(t, `${n} bad statements (${text.length} characters)`, () => checkPolicyText(text, { kind: 'permission' }));
  assert.equal(problems.filter((p) => p.code === 'Statement.MissingEffect').length, n);
});

test('a document far over RAM\'s limit gets one clear problem, whatever its size', (t) => {
  for (const [name, text] of [
    ['6,000 bad statements', policy(Array(6000).fill('{"Effect":"Allow","Action":"kms:Nope*?","Resource":"bad"}').join(','))],
    ['100,000 statements', badStatements(100_000)],
    ['1 MB of one string', policy(`{"Sid":"${'x'.repeat(1 << 20)}"}`)],
  ] as const) {
    const problems = withinBudget(t, name, () => checkPolicyText(text, { kind: 'permission' }));
    assert.equal(problems.length, 1, name);
    assert.equal(problems[0].code, 'Policy.TooLargeToCheck');
    assert.match(problems[0].message, new RegExp(`^The document is ${text.length} characters; RAM accepts at most 6,144\\.`));
  }
});

test('deep nesting is refused at once, at every size', (t) => {
  for (const depth of [100, 10_000, 100_000]) {
    for (const [open, close] of [['[', ']'], ['{"a":', '}']]) {
      const text = policy(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":${open.repeat(depth)}1${close.repeat(depth)}}`);
      const problems = withinBudget(t, `${depth} levels of ${open}`, () => analyzePolicyText(text).problems);
      assert.equal(problems.length, 1);
      assert.ok(['Json.TooDeep', 'Policy.TooLargeToCheck'].includes(problems[0].code), problems[0].code);
    }
  }
});

test('long values: strings, numbers, action and resource patterns', (t) => {
  const half = Math.floor(MAX_ANALYZED_LENGTH / 2);
  const cases: [string, string][] = [
    ['a long action of wildcards', policy(`{"Effect":"Allow","Action":"kms:${'*?'.repeat(half / 2)}!","Resource":"*"}`)],
    ['a long misspelt action', policy(`{"Effect":"Allow","Action":"kms:${'Decrypx'.repeat(half / 7)}","Resource":"*"}`)],
    ['many misspelt actions', policy(`{"Effect":"Allow","Action":[${Array(Math.floor(half / 16)).fill('"kms:Decrypx"').join(',')}],"Resource":"*"}`)],
    ['many wildcard actions', policy(`{"Effect":"Allow","Action":[${Array(Math.floor(half / 24)).fill('"kms:*?*?*?*?*?*?!"').join(',')}],"Resource":"*"}`)],
    ['a long number', policy(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"a":${'9'.repeat(half)}}}}`)],
    ['a long resource', policy(`{"Effect":"Allow","Action":"kms:Decrypt","Resource":"acs:kms:*:*:${'key/*?'.repeat(half / 6)}"}`)],
  ];
  for (const [name, text] of cases) {
    assert.ok(text.length <= MAX_ANALYZED_LENGTH, name);
    withinBudget(t, name, () => {
      checkPolicyText(text, { kind: 'permission' });
      checkPolicyText(text, { kind: 'trust' });
    });
  }
});

test('fuzz, scaled: random statements repeated up to 1 MB stay within the budget', (t) => {
  const statement = fc.record({
    Effect: fc.constantFrom('Allow', 'Deny', 'allow', 1),
    Action: fc.oneof(fc.constantFrom('kms:*', '*', 'kms:Decrypx', 'sts:AssumeRole'), fc.stringMatching(/^kms:[A-Za-z*?!]{0,24}$/)),
    Resource: fc.oneof(fc.constantFrom('*', 'acs:kms:*:*:key/*', 'bad'), fc.stringMatching(/^acs:[a-z*?:/]{0,24}$/)),
    Principal: fc.option(fc.record({ Service: fc.constantFrom('ecs.aliyuncs.com', '*', 'x') }), { nil: undefined }),
  }, { requiredKeys: ['Effect'] });
  const samples = fc.sample(fc.array(statement, { minLength: 1, maxLength: 5 }), { seed: SEED, numRuns: 8 });
  let cases = 0;
  for (const size of [1_000, 10_000, 60_000, 1 << 20]) {
    for (const group of samples) {
      const unit = group.map((s) => JSON.stringify(s)).join(',');
      const text = policy(Array(Math.max(1, Math.floor(size / (unit.length + 1)))).fill(unit).join(','));
      withinBudget(t, `${text.length} characters`, () => {
        for (const kind of ['permission', 'trust', 'auto'] as const) policyFindings(text, { kind, schemaApplies: kind !== 'auto' });
      });
      cases++;
    }
  }
  t.diagnostic(`${cases} cases (seed ${SEED})`);
});

test('the AccessKey linter scans 1 MB texts within the budget', (t) => {
  const texts: [string, string, string][] = [
    ['dotted names', 'a.'.repeat(1 << 19), 'app.properties'],
    ['a long secret name line', 'access_key_secret'.repeat(60_000) + ' = "x', 'app.ts'],
    ['LTAI runs', 'LTAI'.repeat(1 << 18), 'app.py'],
    ['many assignments', 'accessKeySecret = "abcdefghijklmnopqrstuvwxyz123456";\n'.repeat(20_000), 'app.js'],
    ['one minified line below an ignore marker', '// alicloud-kms-lint: ignore\n\n' + 'accessKeySecret="abcdefghijklmnopqrstuvwxyz123456";'.repeat(20_000), 'app.js'],
  ];
  for (const [name, text, file] of texts) {
    const language = file.endsWith('.ts') ? 'typescript' : file.endsWith('.py') ? 'python' : file.endsWith('.js') ? 'javascript' : 'properties';
    withinBudget(t, `linter: ${name}`, () => findAccessKeys(text, language, file));
  }
});
