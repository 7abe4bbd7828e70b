// alicloud-kms-lint: ignore-file (this file is a test fixture full of fake AccessKeys)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAccessKeys, lintTarget, looksLikeSecret } from '../../src/linter/detect';
import { maskAccessKeyId } from '../../src/util/mask';

// Fake values built at run time, shaped like the real ones (LTAI + id characters; 30-character secret).
const ID = 'LTAI' + '5tQbCdEfGhIjKlMnOp';
const SECRET = 'aB3dE5gH7jK9mN1p' + 'Q3sT5vW7yZ9bC1';

function kinds(text: string, languageId: string, fileName: string): string[] {
  return findAccessKeys(text, languageId, fileName).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

test('an AccessKey id in code is found with the exact range of the id', () => {
  const text = `const client = new Client({ accessKeyId: '${ID}' });`;
  const [finding] = findAccessKeys(text, 'typescript', 'a.ts');
  assert.equal(text.slice(finding.start, finding.end), ID);
  assert.equal(text.slice(finding.literalStart, finding.literalEnd), `'${ID}'`);
});

test('secrets assigned to the usual names are found in every supported language', () => {
  const cases: [string, string, string][] = [
    ['typescript', 'a.ts', `const accessKeySecret = '${SECRET}';`],
    ['javascript', 'a.js', `module.exports = { "accessKeySecret": "${SECRET}" };`],
    ['javascriptreact', 'a.jsx', 'const cfg = { accessKeySecret: `' + SECRET + '` };'],
    ['python', 'a.py', `client = Client(access_key_secret='${SECRET}')`],
    ['python', 'b.py', `CONFIG = {'access_key_secret': "${SECRET}"}`],
    ['go', 'a.go', `cfg := &Config{AccessKeySecret: "${SECRET}"}`],
    ['go', 'b.go', `accessKeySecret := "${SECRET}"`],
    ['java', 'A.java', `private static final String ACCESS_KEY_SECRET = "${SECRET}";`],
    ['java', 'B.java', `config.setAccessKeySecret("${SECRET}");`],
    ['plaintext', '.env', `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${SECRET}`],
    ['dotenv', 'prod.env', `export ALIBABA_CLOUD_ACCESS_KEY_SECRET="${SECRET}" # prod`],
    ['properties', 'application.properties', `aliyun.access-key-secret = ${SECRET}`],
    ['yaml', 'application.yml', `aliyun:\n  accessKeySecret: '${SECRET}'`],
    ['yaml', 'values.yaml', `secretAccessKey: ${SECRET} # comment`],
  ];
  for (const [languageId, fileName, text] of cases) {
    assert.deepEqual(kinds(text, languageId, fileName), [`accessKeySecret:${SECRET}`], `${fileName}: ${text}`);
  }
});

test('an AccessKey id and its secret in a .env file are two findings', () => {
  const text = `ALIBABA_CLOUD_ACCESS_KEY_ID=${ID}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${SECRET}\n`;
  assert.deepEqual(kinds(text, 'plaintext', '/app/.env'), [`accessKeyId:${ID}`, `accessKeySecret:${SECRET}`]);
});

test('no false positives on ordinary code', () => {
  const ordinary = [
    // base64 data that happens to contain LTAI, and a UUID
    `const logo = 'iVBORw0KGgoAAAANSUhEUgLTAI5tQbCdEfGhIjKlMnOpAAABAAAAAQCAYAAAAf8/9h';`,
    `const requestId = '123e4567-e89b-12d3-a456-426614174000';`,
    `const blob = "Zm9vYmFyLTAI5tQbCdEfGhIjKlMnOp+LTAI5tQbCdEfGhIjKlMnOp==";`,
    // reading the secret from somewhere else is the right thing
    `const accessKeySecret = process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;`,
    `const accessKeySecret: string = config.get('secret');`,
    `if (accessKeySecret == '${SECRET}') {}`,
    // placeholders and empty values
    `const accessKeySecret = '<your-access-key-secret>';`,
    `const accessKeySecret = '';`,
    `const accessKeySecret = 'yourAccessKeySecret123456';`,
    `const accessKeySecret = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';`,
    `const accessKeyId = 'LTAI4Fxxxxxxxxxxxxxxxxxx';`,
    // a secret-looking value under an unrelated name
    `const sessionNonce = '${SECRET}';`,
  ];
  for (const text of ordinary) assert.deepEqual(kinds(text, 'typescript', 'a.ts'), [], text);
  assert.deepEqual(kinds(`ALIBABA_CLOUD_ACCESS_KEY_SECRET=\${SECRET_FROM_VAULT}`, 'plaintext', '.env'), []);
  assert.deepEqual(kinds(`accessKeySecret: \${ALIBABA_CLOUD_ACCESS_KEY_SECRET}`, 'yaml', 'a.yml'), []);
});

test('a test fixture marked as such is skipped, as is a line marked to ignore', () => {
  const fixture = `// alicloud-kms-lint: ignore-file\nconst accessKeyId = '${ID}';\nconst accessKeySecret = '${SECRET}';`;
  assert.deepEqual(kinds(fixture, 'typescript', 'fixture.ts'), []);
  const marked = `// alicloud-kms-lint: ignore (fake key for the parser test)\nconst accessKeyId = '${ID}';\nconst other = '${ID}';`;
  assert.equal(findAccessKeys(marked, 'typescript', 'a.ts').length, 1);
  assert.equal(findAccessKeys(`x = '${ID}'  # alicloud-kms-lint: ignore`, 'python', 'a.py').length, 0);
});

test('documents the linter does not handle are left alone', () => {
  assert.equal(lintTarget('markdown', 'README.md'), undefined);
  assert.equal(lintTarget('json', 'package.json'), undefined);
  assert.deepEqual(findAccessKeys(`accessKeySecret: ${SECRET} ${ID}`, 'markdown', 'README.md'), []);
  assert.deepEqual(lintTarget('plaintext', '/x/.env.production'), { kind: 'env' });
  assert.deepEqual(lintTarget('typescriptreact', 'a.tsx'), { kind: 'code', language: 'typescript' });
});

test('the masked value never contains the secret, and the id keeps only its ends', () => {
  const text = `ALIBABA_CLOUD_ACCESS_KEY_ID=${ID}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${SECRET}`;
  for (const finding of findAccessKeys(text, 'plaintext', '.env')) {
    assert.ok(!finding.masked.includes(SECRET.slice(0, 6)) && !finding.masked.includes(SECRET.slice(-6)), finding.masked);
  }
  // The one masking rule (src/util/mask.ts): the first 6 and the last 4 characters of an id.
  assert.equal(maskAccessKeyId(ID), 'LTAI5t****MnOp');
  assert.doesNotMatch(maskAccessKeyId(ID), /QbCd/);
});

test('looksLikeSecret wants key characters with letters and digits', () => {
  assert.equal(looksLikeSecret(SECRET), true);
  assert.equal(looksLikeSecret('short1A'), false);
  assert.equal(looksLikeSecret('only-letters-and-dashes-here'), false);
  assert.equal(looksLikeSecret('with space 1234567890abcdef'), false);
});

test('a secret passed right after a literal AccessKey id is found too (positional client constructors)', () => {
  const python = `client = AcsClient('${ID}', '${SECRET}', 'cn-hangzhou')`;
  assert.deepEqual(kinds(python, 'python', 'a.py'), [`accessKeyId:${ID}`, `accessKeySecret:${SECRET}`]);
  const java = `DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", "${ID}", "${SECRET}");`;
  assert.deepEqual(kinds(java, 'java', 'A.java'), [`accessKeyId:${ID}`, `accessKeySecret:${SECRET}`]);
  // the next argument is a region or a variable, not a secret
  assert.deepEqual(kinds(`f('${ID}', 'cn-hangzhou')`, 'typescript', 'a.ts'), [`accessKeyId:${ID}`]);
  assert.deepEqual(kinds(`f('${ID}', secret)`, 'typescript', 'a.ts'), [`accessKeyId:${ID}`]);
});
