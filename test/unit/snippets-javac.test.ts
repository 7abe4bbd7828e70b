// The Java snippets through the real Java compiler front end (javac is on the project's machines).
// The Alibaba Cloud jars cannot be fetched here, so javac is expected to report exactly two kinds of
// error: an Alibaba Cloud package that does not exist, and a symbol that is one of the imported
// Alibaba Cloud classes. Anything else (a syntax error, a class used without its import, a JDK type
// misused) fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSnippet } from '../../src/snippets/render';
import { SNIPPET_JOBS } from '../../src/snippets/types';

/** javac's errors that are not explained by the missing Alibaba Cloud jars. */
function unexplainedErrors(sources: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'snippets-javac-'));
  try {
    const files = Object.entries(sources).map(([className, code]) => {
      const file = join(dir, `${className}.java`);
      writeFileSync(file, code);
      return file;
    });
    const result = spawnSync('javac', ['-proc:none', '-Xmaxerrs', '10000', '-d', join(dir, 'out'), ...files], { encoding: 'utf8' });
    assert.ifError(result.error); // javac missing: install a JDK (openjdk-17-jdk-headless)
    const aliyunClasses = new Set(
      Object.values(sources).flatMap((code) => [...code.matchAll(/^import\s+com\.aliyun(?:cs)?(?:\.[a-z]\w*)*\.([A-Z]\w*);/gm)].map((m) => m[1])),
    );
    // one error = its header line plus the indented detail lines after it
    const errors = result.stderr.split(/\n(?=\S+\.java:\d+: error: )/).filter((block) => /: error: /.test(block));
    return errors.filter((block) => {
      if (/: error: package com\.aliyun(?:cs)?(?:\.[\w.]+)? does not exist/.test(block)) return false;
      const symbol = /: error: cannot find symbol[\s\S]*?symbol:\s+(?:class|variable)\s+(\w+)/.exec(block);
      return !(symbol && aliyunClasses.has(symbol[1]));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sourcesOf(code: string): Record<string, string> {
  return { [/public class (\w+)/.exec(code)![1]]: code };
}

// one javac run for the three snippets (each JVM start costs seconds)
const VALUES = { roleName: 'AppRole', region: 'cn-hangzhou', keyId: 'key-1', secretName: 'db/password', accountId: '1688' };
let allErrors: string[] | undefined;
const sources = Object.fromEntries(SNIPPET_JOBS.map((job) => {
  const code = renderSnippet(job, 'java', VALUES).code;
  return [/public class (\w+)/.exec(code)![1], code] as const;
}));

for (const [className, code] of Object.entries(sources)) {
  test(`Java ${className} (${SNIPPET_JOBS.find((job) => renderSnippet(job, 'java', VALUES).code === code)}): javac finds nothing wrong beyond the missing Alibaba Cloud jars`, () => {
    allErrors ??= unexplainedErrors(sources);
    assert.deepEqual(allErrors.filter((e) => e.includes(`${className}.java:`)), []);
  });
}

test('javac check can fail: the source document\'s Gson call and a syntax error are reported', () => {
  const withGson = renderSnippet('encrypt-decrypt', 'java').code.replace(
    'System.out.println("Decrypted text matches: "',
    'System.out.println(new Gson().toJson(decrypted));\n        System.out.println("Decrypted text matches: "',
  );
  const gson = unexplainedErrors(sourcesOf(withGson));
  assert.equal(gson.length, 1, gson.join('\n'));
  assert.match(gson[0], /symbol:\s+class Gson/);
  const broken = renderSnippet('read-secret', 'java').code.replace('.build();', '.build()');
  assert.ok(unexplainedErrors(sourcesOf(broken)).some((e) => /';' expected/.test(e)));
});
