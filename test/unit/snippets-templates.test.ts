import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dependencyToCopy, InvalidSnippetValueError, pickValues, renderSnippet, VALUE_HOLES } from '../../src/snippets/render';
import { snippetFileText } from '../../src/snippets/snippetFile';
import type { SnippetLanguage } from '../../src/snippets/types';
import { SNIPPET_JOBS, SNIPPET_LANGUAGES } from '../../src/snippets/types';
import { findAccessKeys } from '../../src/linter/detect';

const VALUES = { roleName: 'AppRole-1', region: 'cn-shanghai', keyId: 'alias/app-key', secretName: 'db/password', accountId: '1234567890123456' };
const ALL = SNIPPET_JOBS.flatMap((job) => SNIPPET_LANGUAGES.map((language) => ({ job, language })));

for (const { job, language } of ALL) {
  test(`${language} ${job}: values fill their holes, no tab stop left`, () => {
    const rendered = renderSnippet(job, language, VALUES);
    assert.doesNotMatch(rendered.body, /\$\{\d+:/);
    assert.ok(rendered.code.includes(`'${VALUES.roleName}'`) || rendered.code.includes(`"${VALUES.roleName}"`), 'role name filled');
    assert.ok(rendered.code.includes(VALUES.region), 'region filled');
    if (job === 'read-secret') assert.ok(rendered.code.includes(VALUES.secretName), 'secret name filled');
    else assert.ok(rendered.code.includes(VALUES.keyId), 'key filled');
  });

  test(`${language} ${job}: without values the holes stay tab stops with the same numbers`, () => {
    const { body, code, dependency } = renderSnippet(job, language);
    assert.match(body, /\$\{1:your-instance-ram-role\}/);
    assert.match(body, /\$\{2:cn-hangzhou\}/);
    assert.match(body, job === 'read-secret' ? /\$\{4:your-secret-name\}/ : /\$\{3:your-key-id(-or-alias)?\}/);
    assert.ok(code.split('\n')[0].includes(dependency), 'the first line names the package to install');
    assert.doesNotMatch(code, /\{\{|\}\}\}/, 'no template marker left');
  });

  test(`${language} ${job}: no secret of any kind and no AccessKey in the output`, () => {
    for (const text of [renderSnippet(job, language).code, renderSnippet(job, language, VALUES).code]) {
      assert.deepEqual(findAccessKeys(text, language, `snippet.${language}`), []);
      assert.doesNotMatch(text, /LTAI|withAccessKey|access_key_secret\s*=|accessKeySecret\s*[:=]\s*['"]/);
      // nothing that looks like a key or token: long runs of base64/hex characters
      assert.doesNotMatch(text, /['"][A-Za-z0-9+/=]{24,}['"]/);
    }
  });
}

test('JavaScript and TypeScript snippets differ only in types and import style', () => {
  const js = renderSnippet('envelope', 'javascript').code;
  const ts = renderSnippet('envelope', 'typescript').code;
  assert.match(js, /require\('@alicloud\/kms20160120'\)/);
  assert.match(ts, /^import Kms, \{ GenerateDataKeyRequest, DecryptRequest \} from '@alicloud\/kms20160120';$/m);
  assert.doesNotMatch(js, /\): Promise<|client: Kms|^import /m);
});

test('a value that could break out of a string literal is refused with its name', () => {
  assert.throws(() => renderSnippet('encrypt-decrypt', 'java', { keyId: 'x"; Runtime.exec("rm' }), (error: unknown) =>
    error instanceof InvalidSnippetValueError && error.valueName === 'keyId' && /KMS key id or alias/.test(error.message),
  );
  assert.throws(() => renderSnippet('read-secret', 'python', { secretName: "a'b" }), InvalidSnippetValueError);
  assert.throws(() => renderSnippet('read-secret', 'go', { roleName: 'a\nb' }), InvalidSnippetValueError);
});

test('a value with snippet syntax characters cannot create tab stops', () => {
  // "$" is not allowed in values at all; the escaping is checked on the placeholder side
  assert.throws(() => renderSnippet('encrypt-decrypt', 'typescript', { region: '${1:x}' }), InvalidSnippetValueError);
  const body = renderSnippet('encrypt-decrypt', 'typescript').body;
  assert.match(body, /fetch\(`\\\$\{base\}\\\$\{path\}`/, 'template-literal $ is escaped in the snippet body');
});

test('pickValues takes the known string fields of any object and ignores the rest', () => {
  assert.deepEqual(pickValues({ roleName: 'R', region: ' cn-beijing ', keyId: '', label: 'x', secretName: 3 }), { roleName: 'R', region: 'cn-beijing' });
  assert.deepEqual(pickValues(undefined), {});
  assert.deepEqual(pickValues('role'), {});
  assert.deepEqual(Object.keys(VALUE_HOLES).sort(), ['accountId', 'keyId', 'region', 'roleName', 'secretName']);
});

for (const language of SNIPPET_LANGUAGES) {
  test(`snippets/${language}.json is valid and generated from the templates (run npm run snippets if this fails)`, () => {
    const text = readFileSync(join(__dirname, '..', '..', 'snippets', `${language}.json`), 'utf8');
    const parsed = JSON.parse(text) as Record<string, { prefix: string; body: string[]; description: string }>;
    assert.equal(Object.keys(parsed).length, 3);
    for (const entry of Object.values(parsed)) {
      assert.match(entry.prefix, /^alikms-/);
      assert.ok(Array.isArray(entry.body) && entry.body.every((line) => typeof line === 'string'));
      assert.ok(entry.description.length > 10);
    }
    assert.equal(text, snippetFileText(language));
  });
}

test('package.json contributes exactly one snippet file per language', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  assert.deepEqual(
    manifest.contributes.snippets,
    SNIPPET_LANGUAGES.map((language) => ({ language, path: `./snippets/${language}.json` })),
  );
});

test('every JavaScript snippet parses (node --check)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snippets-js-'));
  try {
    for (const job of SNIPPET_JOBS) {
      const file = join(dir, `${job}.js`);
      writeFileSync(file, renderSnippet(job, 'javascript', VALUES).code);
      const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${job}: ${result.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the copied dependency is the install command, or pom.xml elements for Maven', () => {
  assert.equal(dependencyToCopy(renderSnippet('envelope', 'typescript').dependency), 'npm install @alicloud/kms20160120 @alicloud/rpc-client');
  assert.equal(
    dependencyToCopy(renderSnippet('read-secret', 'java').dependency),
    '<dependency>\n  <groupId>com.aliyun</groupId>\n  <artifactId>alibabacloud-secretsmanager-client</artifactId>\n  <version>1.3.2</version>\n</dependency>',
  );
  assert.equal((dependencyToCopy(renderSnippet('encrypt-decrypt', 'java').dependency).match(/<dependency>/g) ?? []).length, 2);
});

/** What VS Code inserts for a snippet body whose tab stops hold their placeholder text. */
function expandLikeVsCode(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && /[\\$}]/.test(body[i + 1] ?? '')) {
      out += body[++i];
    } else if (c === '$') {
      const stop = /^\$\{(\d+):((?:[^\\}]|\\.)*)\}/.exec(body.slice(i));
      assert.ok(stop, `unescaped $ at ${i}: ${body.slice(i, i + 20)}`);
      out += stop[2].replace(/\\([\\$}])/g, '$1');
      i += stop[0].length - 1;
    } else {
      out += c;
    }
  }
  return out;
}

for (const { job, language } of ALL) {
  test(`${language} ${job}: the snippet VS Code inserts is exactly the plain code (escaping is right)`, () => {
    for (const values of [{}, VALUES, { roleName: 'R' }]) {
      const rendered = renderSnippet(job, language, values);
      assert.equal(expandLikeVsCode(rendered.body), rendered.code);
    }
  });
}

test('Encrypt gets the Base64 of the UTF-8 bytes and Decrypt\'s Plaintext is decoded from Base64, in every language', () => {
  // KMS documents Encrypt.Plaintext as Base64 and Decrypt returns it as sent (api-meta/kms.json, the SDKs' models)
  const expected: Record<SnippetLanguage, RegExp[]> = {
    java: [/setPlaintext\(Base64\.getEncoder\(\)\.encodeToString\(plaintext\.getBytes\(StandardCharsets\.UTF_8\)\)\)/, /new String\(Base64\.getDecoder\(\)\.decode\(decrypted\.getPlaintext\(\)\), StandardCharsets\.UTF_8\)/],
    python: [/plaintext=encoded\)/, /encoded = base64\.b64encode\(plaintext\.encode\('utf-8'\)\)/, /base64\.b64decode\(decrypted\.body\.plaintext\)\.decode\('utf-8'\) == plaintext/],
    go: [/Plaintext = base64\.StdEncoding\.EncodeToString\(\[\]byte\(plaintext\)\)/, /base64\.StdEncoding\.DecodeString\(decrypted\.Plaintext\)/],
    javascript: [/plaintext: Buffer\.from\(plaintext, 'utf8'\)\.toString\('base64'\)/, /Buffer\.from\(decrypted\.plaintext, 'base64'\)\.toString\('utf8'\) === plaintext/],
    typescript: [/plaintext: Buffer\.from\(plaintext, 'utf8'\)\.toString\('base64'\)/, /Buffer\.from\(decrypted\.plaintext, 'base64'\)\.toString\('utf8'\) === plaintext/],
  };
  for (const language of SNIPPET_LANGUAGES) {
    const code = renderSnippet('encrypt-decrypt', language, VALUES).code;
    for (const pattern of expected[language]) assert.match(code, pattern, language);
  }
});
