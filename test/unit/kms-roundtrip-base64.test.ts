// Test Encrypt and Diagnose send KMS Encrypt's Plaintext as Base64 of the text's UTF-8 bytes, as the API
// metadata documents, and check that Decrypt gives back exactly that (src/diagnosis/kmsRoundTrip.ts).
// The KMS service here is a fake of our own interface that records what it is sent and returns it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KmsService } from '../../src/cloud/types';
import { encryptRoundTrip, fromBase64, toBase64 } from '../../src/diagnosis/kmsRoundTrip';

/** Encrypt stores what it is sent; Decrypt returns it, as KMS does ("returns what was encrypted"). */
function recordingKms(alter?: (p: string) => string) {
  const sent: string[] = [];
  const kms = {
    regionId: 'cn-hangzhou', endpoint: 'kms.cn-hangzhou.aliyuncs.com', protocol: 'https',
    async encrypt(input: { plaintext: string }) {
      sent.push(input.plaintext);
      return { ciphertextBlob: `blob:${input.plaintext}`, keyId: 'key-1', keyVersionId: 'v1', requestId: 'R1' };
    },
    async decrypt(input: { ciphertextBlob: string }) {
      const p = input.ciphertextBlob.slice('blob:'.length);
      return { plaintext: alter ? alter(p) : p, keyId: 'key-1', keyVersionId: 'v1', requestId: 'R2' };
    },
  };
  return { kms: kms as unknown as KmsService, sent };
}

for (const text of ['hello', '密钥测试 ✓ naïve — 🔐', 'line one\nline two\t"quoted"', '']) {
  test(`the plaintext ${JSON.stringify(text)} goes out as Base64 of its UTF-8 bytes and round-trips`, async () => {
    const { kms, sent } = recordingKms();
    const result = await encryptRoundTrip(kms, { keyId: 'alias/app', plaintext: text });
    assert.deepEqual(sent, [Buffer.from(text, 'utf8').toString('base64')]);
    assert.match(sent[0], /^[A-Za-z0-9+/]*={0,2}$/, 'only Base64 characters are sent');
    assert.equal(result.matches, true);
    assert.equal(fromBase64(toBase64(text)), text);
  });
}

test('a Decrypt that returns other bytes is a mismatch, not a pass', async () => {
  const { kms } = recordingKms((p) => toBase64(`${fromBase64(p)}!`));
  const result = await encryptRoundTrip(kms, { keyId: 'alias/app', plaintext: '密钥' });
  assert.equal(result.matches, false);
});
