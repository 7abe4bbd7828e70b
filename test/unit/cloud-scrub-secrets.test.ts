// The one secret scrubber of CloudError text (src/cloud/scrubSecrets.ts): string-to-sign blocks, URL
// query strings and the values of secret-bearing names in plain, percent-encoded (once, twice) and JSON forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrubSecrets } from '../../src/cloud/scrubSecrets';
import { CloudError } from '../../src/cloud/cloudError';
import { normalizeError } from '../../src/cloud/errors';

const TOKEN = 'CAISab+c/dEf==';
const once = encodeURIComponent(TOKEN);
const twice = encodeURIComponent(once);
const SECRETS = [TOKEN, once, twice, 'aGVsbG8gc2VjcmV0', 'hunter2-secret-value', 'deadbeefcafe'];

const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

test('the RPC string to sign (the token encoded twice, the plaintext) is removed with everything after it', () => {
  const text = `Specified signature does not match our calculation. server string to sign is:POST&%2F&AccessKeyId%3DSTS.x%26Plaintext%3DaGVsbG8gc2VjcmV0%26SecurityToken%3D${twice}%26SignatureMethod%3DHMAC-SHA1`;
  const out = scrubSecrets(text);
  assert.deepEqual(leaks(out), []);
  assert.equal(out, 'Specified signature does not match our calculation. server string to sign is: [redacted]');
  assert.match(scrubSecrets('StringToSign: GET&%2F&x'), /^StringToSign: \[redacted\]$/);
});

test('values of secret names in query, header, JSON, escaped JSON and encoded forms; names and other values stay', () => {
  const cases = [
    `/?AccessKeyId=STS.keep&Plaintext=aGVsbG8gc2VjcmV0&SecurityToken=${once}&Signature=deadbeefcafe&Action=Encrypt`,
    `{"x-acs-security-token":"${TOKEN}","authorization":"ACS3-HMAC-SHA256 Credential=STS.x,Signature=deadbeefcafe"}`,
    `body {\\"SecretData\\":\\"hunter2-secret-value\\",\\"Action\\":\\"keep\\"}`,
    `"AccessKeySecret": "hunter2-secret-value"`,
    `SecurityToken: ${TOKEN}`,
    `x=SecurityToken%253D${twice}%2526Action%253Dkeep`,
    `ciphertextblob=aGVsbG8gc2VjcmV0`,
  ];
  for (const text of cases) {
    const out = scrubSecrets(text);
    assert.deepEqual(leaks(out), [], `${text} → ${out}`);
    assert.match(out, /\[redacted\]/);
    if (text.includes('keep')) assert.match(out, /keep/, `${text} → ${out}`);
  }
});

test('URLs lose their query string; ordinary messages are unchanged', () => {
  assert.equal(scrubSecrets(`connect ECONNREFUSED http://127.0.0.1:1/?SecurityToken=${once}&x=1 then`), 'connect ECONNREFUSED http://127.0.0.1:1/ then');
  for (const plain of ['The specified key is disabled.', 'SignatureDoesNotMatch: Specified signature does not match', 'Role EcsKmsAccessRole: Plaintext is required.']) {
    assert.equal(scrubSecrets(plain), plain);
  }
});

test('the choke point: every CloudError, however made, carries the scrubbed message', () => {
  const direct = new CloudError({ code: 'X', message: `echo SecurityToken=${once}` });
  assert.deepEqual(leaks(direct.message + direct.toLogLine()), []);
  const sdk = normalizeError(Object.assign(new Error(`code: 400, Specified signature does not match. server string to sign is:POST&%2F&SecurityToken%3D${twice} request id: R-1`), {
    name: 'ResponseError', code: 'SignatureDoesNotMatchError', data: { Code: 'SignatureDoesNotMatch', Message: `Specified signature does not match. server string to sign is:POST&%2F&SecurityToken%3D${twice}`, RequestId: 'R-1' },
  }), 'Encrypt');
  assert.equal(sdk.code, 'SignatureDoesNotMatch');
  assert.equal(sdk.requestId, 'R-1');
  assert.deepEqual(leaks(`${sdk.message} ${sdk.toLogLine()}`), []);
});
