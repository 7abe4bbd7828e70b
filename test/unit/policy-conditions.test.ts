// The extension's Condition decisions (src/policy/conditions.ts): RAM's AND/OR rules, a key the request
// lacks, and what stays undecided (no context, a key or operator it does not know).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionHolds, ipInRange } from '../../src/policy/conditions';

const ctx = { sourceIp: '10.1.2.3', secureTransport: true, currentTime: '2026-11-30T17:00:00Z' };

test('values of one key are alternatives; keys and operators must all hold', () => {
  assert.equal(conditionHolds({ IpAddress: { 'acs:SourceIp': ['192.168.0.0/16', '10.0.0.0/8'] } }, ctx), true);
  assert.equal(conditionHolds({ IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] }, Bool: { 'acs:SecureTransport': ['false'] } }, ctx), false);
  // 2026-12-01T00:00:00+08:00 is 16:00Z on Nov 30: the request (17:00Z) is after it (time zones count).
  assert.equal(conditionHolds({ DateLessThan: { 'acs:CurrentTime': ['2026-12-01T00:00:00+08:00'] } }, ctx), false);
  assert.equal(conditionHolds({ DateGreaterThan: { 'acs:CurrentTime': ['2026-12-01T00:00:00+08:00'] } }, ctx), true);
});

test('a key the request does not carry fails a positive operator and satisfies a negated one', () => {
  assert.equal(conditionHolds({ StringEquals: { 'acs:SourceVpc': ['vpc-1'] } }, ctx), false);
  assert.equal(conditionHolds({ StringNotEquals: { 'acs:SourceVpc': ['vpc-1'] } }, ctx), true);
  assert.equal(conditionHolds({ StringLike: { 'acs:SourceVpc': ['vpc-*'] } }, { ...ctx, sourceVpc: 'vpc-9' }), true);
});

test('undecided without a context, or for a key or operator it does not know', () => {
  assert.equal(conditionHolds({ StringEquals: { 'acs:SourceVpc': ['vpc-1'] } }, undefined), undefined);
  assert.equal(conditionHolds({ StringEquals: { 'kms:tag/env': ['prod'] } }, ctx), undefined);
  assert.equal(conditionHolds({ NumericLessThan: { 'acs:SourceIp': ['1'] } }, ctx), undefined);
  assert.equal(conditionHolds(undefined, undefined), true);
});

test('IPv4 ranges', () => {
  assert.ok(ipInRange('10.255.0.1', '10.0.0.0/8') && ipInRange('192.168.1.10', '192.168.1.10') && ipInRange('1.2.3.4', '0.0.0.0/0'));
  assert.ok(!ipInRange('11.0.0.1', '10.0.0.0/8') && !ipInRange('not-an-ip', '10.0.0.0/8') && !ipInRange('10.0.0.1', '10.0.0.0/33'));
});
