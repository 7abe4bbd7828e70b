// The pure helpers of the instance features: durations, the EncryptionContext parser, and the one
// message type (the masking rule is tested in util-mask.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEncryptionContext } from '../../src/diagnosis/encryptionContext';
import { formatDuration } from '../../src/util/duration';
import { english, text } from '../../src/util/message';

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

test('a Message fills its placeholders for the log', () => {
  assert.equal(english(text('Role {0} lacks {1}.', 'R', 'kms:Encrypt')), 'Role R lacks kms:Encrypt.');
  assert.equal(english(text('{0} and {1}', 'only one')), 'only one and {1}');
});
