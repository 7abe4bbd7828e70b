// The one masking rule (src/util/mask.ts), and that every place that shows a credential uses it:
// profile lists (cloud), the instance credential (diagnosis), the AccessKey linter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAccessKeys } from '../../src/linter/detect';
import { maskAccessKeyId, maskSecret } from '../../src/util/mask';

test('an AccessKeyId shows at most its first 6 and its last 4 characters', () => {
  assert.equal(maskAccessKeyId('LTAI5tABCDEFGH1234'), 'LTAI5t****1234');
  const sts = 'STS.NTzx7Kq2LmP9vR4wB5cD8eFg';
  const masked = maskAccessKeyId(sts);
  assert.equal(masked, `STS.NT****${sts.slice(-4)}`);
  assert.ok(!masked.includes(sts.slice(6, -4)), 'the middle must not be shown');
});

test('a short id keeps at least 4 characters hidden, and an id of 8 or fewer shows only 2', () => {
  assert.equal(maskAccessKeyId('LTAI5tABCDEF'), 'LTAI****CDEF');
  assert.equal(maskAccessKeyId('LTAI5tABC'), 'L****tABC');
  assert.equal(maskAccessKeyId('LTAI1234'), 'LT****');
  assert.equal(maskAccessKeyId('short'), 'sh****');
  for (let n = 9; n <= 30; n++) {
    const id = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcd'.slice(0, n);
    const shown = maskAccessKeyId(id).replace('****', '');
    assert.ok(id.length - shown.length >= 4, `${id}: ${maskAccessKeyId(id)}`);
  }
});

test('an AccessKeySecret, a SecurityToken and a secret value show nothing but their length', () => {
  for (const secret of ['Xy9mN3bV7cQ2wE5rT8uI1oP4aS6dF0gH', 'CAIS' + 'x'.repeat(300), 'demo-db-password-not-real']) {
    const masked = maskSecret(secret);
    assert.equal(masked, `****** (${secret.length})`);
    assert.ok(!masked.includes(secret.slice(0, 2)), 'not even a prefix');
  }
});

test('the linter masks with the same rule (profiles: cloud-profiles.test.ts)', () => {
  const id = 'LTAI' + '5tQbCdEfGhIjKlMnOp';
  const secret = 'Xy9mN3bV7cQ2wE5r' + 'T8uI1oP4aS6dF0';
  const findings = findAccessKeys(`ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}`, 'plaintext', '.env');
  assert.equal(findings.find((f) => f.kind === 'accessKeyId')?.masked, maskAccessKeyId(id));
  assert.equal(findings.find((f) => f.kind === 'accessKeySecret')?.masked, maskSecret(secret));
});
