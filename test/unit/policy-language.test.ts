import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchPolicyFile, policyFindings } from '../../src/language/policyFiles';

test('file patterns decide the kind; untitled JSON that looks like a policy is checked too', () => {
  assert.deepEqual(matchPolicyFile('/w/ecs.trust-policy.json', 'json', false, '{}'), { kind: 'trust', schemaApplies: true });
  assert.deepEqual(matchPolicyFile('/w/KMS.RAM-Policy.json', 'json', false, '{}'), { kind: 'permission', schemaApplies: true });
  assert.deepEqual(matchPolicyFile('Untitled-1', 'json', true, '{"Version":"1","Statement":[]}'), { kind: 'auto', schemaApplies: false });
  assert.equal(matchPolicyFile('Untitled-1', 'json', true, '{"name":"x"}'), undefined);
  assert.equal(matchPolicyFile('/w/package.json', 'json', false, '{"Version":"1","Statement":[]}'), undefined);
});

test('no doubles with the JSON service: syntax never, shapes only when no schema applies', () => {
  const text = '{"Version":"2","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}';
  const withSchema = policyFindings(text, { kind: 'permission', schemaApplies: true }).map((p) => p.code);
  assert.deepEqual(withSchema, ['Kms.WildcardEverything']);
  const untitled = policyFindings(text, { kind: 'auto', schemaApplies: false }).map((p) => p.code);
  assert.deepEqual(untitled, ['Policy.BadVersion', 'Kms.WildcardEverything']);
  assert.deepEqual(policyFindings('{"Version": ', { kind: 'trust', schemaApplies: true }), []);
});
