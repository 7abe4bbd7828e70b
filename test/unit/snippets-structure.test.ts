import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSnippet } from '../../src/snippets/render';
import { SNIPPET_JOBS } from '../../src/snippets/types';
import { goProblems, javaProblems } from './support/codeStructure';

for (const job of SNIPPET_JOBS) {
  test(`Java ${job}: balanced, every type imported, every import used`, () => {
    assert.deepEqual(javaProblems(renderSnippet(job, 'java').code), []);
    assert.deepEqual(javaProblems(renderSnippet(job, 'java', { roleName: 'R', region: 'cn-hangzhou', keyId: 'k', secretName: 's' }).code), []);
  });

  test(`Go ${job}: balanced, every package imported and used`, () => {
    assert.deepEqual(goProblems(renderSnippet(job, 'go').code), []);
  });
}

test('the Java checker catches the mistakes of the product document examples', () => {
  // Step 4's KMS example: prints with Gson but never imports it
  const kmsExample = `import com.aliyuncs.kms.model.v20160120.EncryptResponse;
public class RamRoleTest {
    public static void main(String[] args) throws Exception {
        EncryptResponse response = null;
        System.out.println(new Gson().toJson(response));
    }
}`;
  assert.deepEqual(javaProblems(kmsExample), ["type Gson is used but not imported"]);
  // Step 4's Secrets Manager example: SecretCacheClient and its builder are not imported
  const secretsExample = `import com.aliyuncs.kms.secretsmanager.cacheclient.model.SecretInfo;
public class EcsSamples {
    public static void main(String[] args) throws Exception {
        SecretCacheClient client = SecretCacheClientBuilder.newCacheClientBuilder(null).build();
        SecretInfo secretInfo = client.getSecretInfo("name");
    }
}`;
  const problems = javaProblems(secretsExample);
  assert.ok(problems.includes('type SecretCacheClient is used but not imported'), problems.join('; '));
  assert.ok(problems.includes('type SecretCacheClientBuilder is used but not imported'), problems.join('; '));
  assert.deepEqual(javaProblems('public class A { public static void main(String[] a) { if (x) { } }'), ['unclosed {']);
});

test('the Go checker catches an unused import, a missing import and unbalanced code', () => {
  const code = `package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(strings.ToUpper("x"))
}
`;
  assert.deepEqual(goProblems(code), ['strings is neither an imported package nor a declared variable', 'import os is not used']);
  assert.deepEqual(goProblems('package main\n\nfunc main() {\n\tif true {\n}\n'), ['unclosed {']);
});

test('the TypeScript snippets type-check under strict mode against the real @alicloud SDK typings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snippets-ts-'));
  try {
    symlinkSync(join(__dirname, '..', '..', 'node_modules'), join(dir, 'node_modules'), 'dir');
    const files = SNIPPET_JOBS.map((job) => {
      const file = join(dir, `${job}.ts`);
      writeFileSync(file, renderSnippet(job, 'typescript', { roleName: 'R', region: 'cn-hangzhou', keyId: 'k', secretName: 's' }).code);
      return file;
    });
    const tsc = join(__dirname, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--noEmit', '--strict', '--esModuleInterop', '--skipLibCheck', '--target', 'ES2022', '--module', 'commonjs', '--types', 'node'];
    const result = spawnSync(process.execPath, [tsc, ...args, ...files], { encoding: 'utf8', cwd: dir });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
