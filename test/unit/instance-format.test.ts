import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, hiddenValue, maskAccessKeyId, maskSecretValue } from '../../src/instance/format';
import { parseEncryptionContext } from '../../src/instance/encryptionContext';
import { english, text } from '../../src/instance/localText';

test('the AccessKeyId is masked to its first characters and last four', () => {
  const id = 'STS.NTzx7Kq2LmP9vR4wB5cD8eFg';
  const masked = maskAccessKeyId(id);
  assert.equal(masked, `STS.NTzx****${id.slice(-4)}`);
  assert.ok(masked.endsWith(id.slice(-4)));
  assert.ok(!masked.includes(id.slice(8, -4)), 'the middle must not be shown');
  assert.equal(maskAccessKeyId('LTAI1234'), 'LT****');
  // Never more than half of a short id.
  const short = maskAccessKeyId('LTAI5tABCDEF');
  assert.equal(short, 'LTAI****CDEF');
});

test('secrets and tokens are never shown, not even in part; secret values keep two characters and the length', () => {
  assert.equal(hiddenValue('abcdefgh'), '•••••• (8)');
  assert.equal(maskSecretValue('demo-db-password-not-real'), `de${'*'.repeat(12)} (25)`);
  assert.equal(maskSecretValue('abc'), '****');
});

test('durations read like a countdown', () => {
  assert.equal(formatDuration(45_000), '45s');
  assert.equal(formatDuration(14 * 60_000 + 5_000), '14m 05s');
  assert.equal(formatDuration(3600_000 + 2 * 60_000 + 59_000), '1h 02m');
  assert.equal(formatDuration(-90_000), '-1m 30s');
});

test('EncryptionContext: key=value pairs, a JSON object, or nothing; bad input says what is wrong', () => {
  assert.deepEqual(parseEncryptionContext(''), { ok: true });
  assert.deepEqual(parseEncryptionContext(' purpose=test, app = web '), { ok: true, value: { purpose: 'test', app: 'web' } });
  assert.deepEqual(parseEncryptionContext('{"a":"1"}'), { ok: true, value: { a: '1' } });
  assert.deepEqual(parseEncryptionContext('{}'), { ok: true });
  assert.match((parseEncryptionContext('novalue') as { problem: string }).problem, /"novalue" is not key=value/);
  assert.match((parseEncryptionContext('a=1,a=2') as { problem: string }).problem, /appears twice/);
  assert.match((parseEncryptionContext('{"a":1}') as { problem: string }).problem, /must be a string/);
  assert.match((parseEncryptionContext('{"a":') as { problem: string }).problem, /Not valid JSON/);
  assert.match((parseEncryptionContext('[1]') as { problem: string }).problem, /is not key=value/);
});

test('LocalText fills its placeholders for the log', () => {
  assert.equal(english(text('Role {0} lacks {1}.', 'R', 'kms:Encrypt')), 'Role R lacks kms:Encrypt.');
  assert.equal(english(text('{0} and {1}', 'only one')), 'only one and {1}');
});
