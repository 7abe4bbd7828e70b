import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceTrustPolicy, formatPolicy } from '../../src/policy/trustPolicy';

test('the default trust policy is exactly the one of the product document', () => {
  assert.equal(
    JSON.stringify(serviceTrustPolicy()),
    '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}',
  );
});

test('a trust policy needs at least one service', () => {
  assert.throws(() => serviceTrustPolicy([]), /at least one trusted service/);
});

test('formatPolicy indents like the RAM console', () => {
  assert.match(formatPolicy(serviceTrustPolicy()), /^\{\n {4}"Statement"/);
});
