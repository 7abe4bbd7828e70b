import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPolicySchema } from '../../src/policy/policySchema';
import { KNOWN_ACTIONS } from '../../src/policy/actions';
import { CONDITION_OPERATORS, parsePolicyDocument } from '../../src/policy/policyDocument';
import Ajv from 'ajv';
import fc from 'fast-check';
import { serviceTrustPolicy } from '../../src/policy/trustPolicy';
import { leastPrivilegeKmsPolicy, KMS_SYSTEM_POLICIES } from '../../src/policy/kmsPolicy';

const file = join(__dirname, '../../schemas/ram-policy.schema.json');

test('schemas/ram-policy.schema.json is what buildPolicySchema() gives (regenerate with UPDATE_SCHEMA=1)', () => {
  const expected = JSON.stringify(buildPolicySchema(), null, 2) + '\n';
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, expected);
  assert.equal(readFileSync(file, 'utf8'), expected);
});

test('the schema offers every known action and condition operator, and accepts any product:Action', () => {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  const statement = schema.definitions.statement.properties;
  const actionChoices = statement.Action.anyOf[0].anyOf;
  for (const a of KNOWN_ACTIONS) assert.ok(actionChoices[0].enum.includes(a), a);
  const pattern = new RegExp(actionChoices[1].pattern);
  assert.ok(pattern.test('oss:GetObject') && pattern.test('*') && !pattern.test('GetObject'));
  assert.deepEqual(Object.keys(statement.Condition.properties), [...CONDITION_OPERATORS]);
  const resource = new RegExp(statement.Resource.anyOf[0].anyOf[1].pattern);
  assert.ok(resource.test('acs:kms:cn-hangzhou:1:key/abc') && resource.test('*') && !resource.test('arn:aws:s3:::b'));
});

// The schema is checked with a real JSON-schema validator (ajv 8, already in the dev tree through
// @vscode/vsce) the way VS Code's JSON service applies it: generated documents pass, wrong shapes fail,
// and whatever the strict parser accepts the schema accepts too.

function compile() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
}

test('the schema accepts the documents the extension generates and rejects wrong shapes', () => {
  const validate = compile();
  const good = [
    serviceTrustPolicy(), serviceTrustPolicy(['ecs.aliyuncs.com', 'fc.aliyuncs.com']),
    leastPrivilegeKmsPolicy({ keys: [{ region: 'cn-hangzhou', account: '1', keyId: 'key-abcdef12' }], secrets: [{ region: 'cn-hangzhou', account: '1', name: 'db' }] }),
    ...KMS_SYSTEM_POLICIES.map((p) => p.document),
    { Version: '1', Statement: [{ Effect: 'Deny', NotAction: 'oss:*', NotResource: 'acs:oss:*:*:bucket/*', Condition: { Bool: { 'acs:SecureTransport': false } } }] },
  ];
  for (const doc of good) assert.ok(validate(doc), JSON.stringify(validate.errors));
  const bad = [
    { Version: '2', Statement: [] },
    { Version: '1', Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] },
    { Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:*' }] },
    { Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:*', NotAction: 'kms:Decrypt', Resource: '*' }] },
    { Version: '1', Statement: [{ Effect: 'Allow', Action: 'Decrypt', Resource: '*' }] },
    { Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: 'arn:aws:kms:::x' }] },
    { Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { User: 'x' } }] },
    { Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualz: { a: 'b' } } }] },
  ];
  for (const doc of bad) assert.ok(!validate(doc), JSON.stringify(doc));
});

test('fuzz: whatever the strict parser accepts, the schema accepts', (t) => {
  const validate = compile();
  const token = fc.constantFrom('*', 'kms:Decrypt', 'kms:*', 'oss:Get*', 'acs:kms:*:*:key/*', 'sts:AssumeRole', 'ecs.aliyuncs.com', 'acs:ram::1:root', '', 'x', 7);
  const list = fc.oneof(token, fc.array(token, { maxLength: 3 }));
  const statement = fc.record({
    Effect: fc.constantFrom('Allow', 'Deny', 'allow'), Action: list, NotAction: list, Resource: list, NotResource: list,
    Principal: fc.record({ Service: list, RAM: list }, { requiredKeys: [] }),
    Condition: fc.dictionary(fc.constantFrom('StringEquals', 'IpAddress', 'Bogus'), fc.dictionary(fc.constantFrom('acs:SourceIp', 'k'), list)),
  }, { requiredKeys: [] });
  let cases = 0;
  let accepted = 0;
  fc.assert(fc.property(fc.array(statement, { maxLength: 3 }), (statements) => {
    cases++;
    const doc = { Version: '1', Statement: statements };
    let parsed = false;
    try {
      parsePolicyDocument(doc);
      parsed = true;
    } catch { /* rejected by the parser: nothing to compare */ }
    if (parsed) {
      accepted++;
      assert.ok(validate(doc), `${JSON.stringify(doc)}\n${JSON.stringify(validate.errors)}`);
    }
  }), { seed: 20261130, numRuns: 1000 });
  t.diagnostic(`parser vs schema: ${cases} cases, ${accepted} accepted by the parser (seed 20261130)`);
  assert.ok(accepted > 20, 'the generator produces enough valid documents to compare');
});
