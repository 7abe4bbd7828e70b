// SECURITY.md names the test files that prove each of its claims: every file it names must exist and
// hold tests, and every row of its claims table must name at least one, so the page cannot point at a
// proof that was renamed or deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const page = fs.readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');
const TEST_FILE = /test\/[\w./-]+\.test\.ts/g;

test('every test file SECURITY.md names exists and holds tests', () => {
  const named = [...new Set(page.match(TEST_FILE) ?? [])];
  assert.ok(named.length >= 10, `SECURITY.md names ${named.length} test files`);
  const problems = named.flatMap((file) => {
    const full = path.join(ROOT, file);
    if (!fs.existsSync(full)) return [`${file} does not exist`];
    return /^\s*(test|it)\(/m.test(fs.readFileSync(full, 'utf8')) ? [] : [`${file} holds no test`];
  });
  assert.deepEqual(problems, []);
});

test('each claim in the table of SECURITY.md names a test file', () => {
  const section = page.slice(page.indexOf('## How this is tested'));
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Claim') && !line.startsWith('| ---'));
  assert.ok(rows.length >= 10, `${rows.length} claim rows`);
  const unproved = rows.filter((row) => !(row.split('|')[2] ?? '').match(TEST_FILE));
  assert.deepEqual(unproved, []);
});

test('the check notices a missing file (the pattern finds the names it must check)', () => {
  const sample = '| claim | `test/unit/no-such-file.test.ts`, `test/extension/a-b.test.ts` |';
  assert.deepEqual(sample.match(TEST_FILE), ['test/unit/no-such-file.test.ts', 'test/extension/a-b.test.ts']);
  assert.equal(fs.existsSync(path.join(ROOT, 'test/unit/no-such-file.test.ts')), false);
});
