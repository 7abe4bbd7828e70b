// A syntax error in the aliyun CLI config (~/.aliyun/config.json, which holds AccessKey secrets and STS
// tokens) is reported with the file, the line and column and what is wrong there, and never with any
// of the file's text: JSON.parse's own message quotes the text around the error (it did, on main).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAliyunConfig, readAliyunConfig } from '../../src/cloud/credentials/aliyunCliConfig';

const SECRET = 'Zq8SecretValueNotForLogs0001';
const TOKEN = 'CAIStsTokenValueNotForLogs0002';

/** A config with the secret right at the error (each case breaks the JSON next to a secret). */
const CASES: { name: string; text: string; line: number; column: number; what: RegExp }[] = [
  {
    name: 'an unquoted secret value',
    text: `{\n  "current": "default",\n  "profiles": [{\n    "name": "default",\n    "access_key_secret": ${SECRET}\n  }]\n}`,
    line: 5, column: 26, what: /cannot start a JSON value/,
  },
  {
    name: 'a missing comma after the secret',
    text: `{"profiles": [{"name": "p", "access_key_secret": "${SECRET}" "sts_token": "${TOKEN}"}]}`,
    line: 1, column: 81, what: /comma/,
  },
  {
    name: 'a secret whose closing quote is missing',
    text: `{\n"profiles": [{"name": "p",\n"sts_token": "${TOKEN}\n}]}`,
    line: 3, column: 14, what: /string|control character/,
  },
  {
    name: 'a trailing comma after the token',
    text: `{"profiles": [{"name": "p", "sts_token": "${TOKEN}",}]}`,
    line: 1, column: 75, what: /property name/,
  },
];

function assertNoFragment(warning: string, ...secrets: string[]): void {
  for (const secret of secrets) {
    for (let i = 0; i + 6 <= secret.length; i++) assert.ok(!warning.includes(secret.slice(i, i + 6)), `"${secret.slice(i, i + 6)}" of a secret is in: ${warning}`);
  }
}

for (const c of CASES) {
  test(`aliyun config with ${c.name}: the warning says where and what, not the content`, () => {
    assert.throws(() => JSON.parse(c.text), 'the case is invalid JSON');
    const { entries, warnings } = parseAliyunConfig(c.text, '/home/u/.aliyun/config.json');
    assert.deepEqual(entries, []);
    assert.equal(warnings.length, 1);
    const [warning] = warnings;
    assertNoFragment(warning, SECRET, TOKEN);
    assert.match(warning, new RegExp(`^/home/u/\\.aliyun/config\\.json: not valid JSON at line ${c.line}, column ${c.column}: `));
    assert.match(warning, c.what);
    assert.ok(!/"/.test(warning.replace(/\(.*?\)/g, '')) && !/'/.test(warning), `no quoted text: ${warning}`);
  });
}

test('the file read from HOME gives the same warning (the path is the file\'s, no content)', async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-config-'));
  try {
    fs.mkdirSync(path.join(home, '.aliyun'));
    fs.writeFileSync(path.join(home, '.aliyun', 'config.json'), CASES[0].text);
    const { warnings } = await readAliyunConfig(home);
    assert.equal(warnings.length, 1);
    assert.ok(warnings[0].startsWith(`${path.join(home, '.aliyun', 'config.json')}: not valid JSON at line 5, column 26`), warnings[0]);
    assertNoFragment(warnings[0], SECRET);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
