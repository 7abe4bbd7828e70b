// The Python and Go snippets, filled with sample values the way Insert SDK Snippet fills them (and left
// as placeholders, the way the snippets/*.json files insert them), through their languages' own tools:
// `python3 -m py_compile` plus an ast name check, and `gofmt -e -l` (Go's parser; the snippet must also
// be gofmt-clean). The Alibaba Cloud libraries cannot be installed here (no PyPI, no Go module proxy), so
// these are compile-level syntax checks; what they import was checked against the libraries' own
// repositories (see the comments in src/snippets/templates/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSnippet } from '../../src/snippets/render';
import type { SnippetValues } from '../../src/snippets/types';
import { SNIPPET_JOBS } from '../../src/snippets/types';
import { GOFMT, isOnPath, PYTHON3, PYTHON_NAME_CHECK, runOnFiles, toolGate } from './support/snippetTools';

const SAMPLE: SnippetValues = { roleName: 'AppRole-1', region: 'cn-shanghai', keyId: 'alias/app-key', secretName: 'db/password', accountId: '1234567890123456' };
const VARIANTS = [['filled', SAMPLE], ['placeholders', {}]] as const;

function filesOf(language: 'python' | 'go', extension: string): Record<string, string> {
  return Object.fromEntries(
    SNIPPET_JOBS.flatMap((job) => VARIANTS.map(([variant, values]) => [`${job.replace(/-/g, '_')}_${variant}.${extension}`, renderSnippet(job, language, values).code])),
  );
}

const pythonSkip = toolGate(PYTHON3, isOnPath(PYTHON3.command));
const goSkip = toolGate(GOFMT, isOnPath(GOFMT.command));

test('every Python snippet compiles (python3 -m py_compile), filled and with placeholders', { skip: pythonSkip }, () => {
  // one interpreter start for all six files (py_compile names the file of any error)
  const result = runOnFiles('python3', ['-m', 'py_compile'], filesOf('python', 'py'));
  assert.equal(result.status, 0, result.stderr);
});

test('every Python snippet imports each name it uses and uses each import (python3 ast)', { skip: pythonSkip }, () => {
  const result = runOnFiles('python3', ['-c', PYTHON_NAME_CHECK], filesOf('python', 'py'));
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '');
});

test('the Python checks can fail: a syntax error, a missing import and an unused one are reported', { skip: pythonSkip }, () => {
  assert.notEqual(runOnFiles('python3', ['-m', 'py_compile'], { 'broken.py': 'def main(:\n    pass\n' }).status, 0);
  const withoutImport = renderSnippet('encrypt-decrypt', 'python', SAMPLE).code.replace('import base64\n', 'import os\n');
  assert.equal(runOnFiles('python3', ['-m', 'py_compile'], { 'no_import.py': withoutImport }).status, 0, 'py_compile alone misses it');
  const names = runOnFiles('python3', ['-c', PYTHON_NAME_CHECK], { 'no_import.py': withoutImport });
  assert.equal(names.stdout, 'no_import.py: base64 is used but neither imported nor defined\nno_import.py: import os is not used\n');
});

test('every Go snippet parses and is gofmt-clean (gofmt -e -l), filled and with placeholders', { skip: goSkip }, () => {
  const files = filesOf('go', 'go');
  const result = runOnFiles('gofmt', ['-e', '-l'], files);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '', 'gofmt would reformat these files');
  assert.equal(Object.keys(files).length, SNIPPET_JOBS.length * VARIANTS.length);
});

test('the Go check can fail: a syntax error and unformatted code are reported', { skip: goSkip }, () => {
  const code = renderSnippet('encrypt-decrypt', 'go', SAMPLE).code;
  const broken = runOnFiles('gofmt', ['-e', '-l'], { 'broken.go': code.replace('if err != nil {', 'if err != nil (') });
  assert.notEqual(broken.status, 0);
  assert.match(broken.stderr, /broken\.go:\d+:\d+: /);
  const unformatted = runOnFiles('gofmt', ['-e', '-l'], { 'spaces.go': code.replace(/\t/g, '    ') });
  assert.equal(unformatted.status, 0);
  assert.match(unformatted.stdout, /spaces\.go/);
});

test('a missing tool is a skip that says what to install, but a failure in CI', () => {
  assert.equal(toolGate(GOFMT, true, { CI: 'true' }), undefined);
  assert.match(toolGate(GOFMT, false, {}) ?? '', /^gofmt is not on PATH.*golang-go.*sudo apt-get install -y golang-go\)$/);
  assert.throws(() => toolGate(PYTHON3, false, { CI: 'true' }), /python3 is not on PATH.*In CI this check must run\./);
});
