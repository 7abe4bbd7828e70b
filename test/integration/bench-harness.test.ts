// `npm run bench` activates the built extension in a fresh Node process against bench/harness/vscodeStub.cjs.
// When the extension starts using a VS Code API the stand-in lacks, every activation sample throws and the
// benchmark prints nothing (it did: registerFileSystemProvider, added for Edit Trust Policy, broke it for a
// session unnoticed). This runs one sample, first use included, on a fresh build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

test('one benchmark activation sample of the built extension succeeds, first use (dist/main.js) included', () => {
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'pipe' });
  const harness = path.join(ROOT, 'bench', 'harness');
  const result = spawnSync(process.execPath, ['--require', path.join(harness, 'registerVscode.cjs'), path.join(harness, 'activateOnce.cjs'), path.join(ROOT, 'dist', 'extension.js')], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
  });
  assert.equal(result.status, 0, `the sample failed: ${result.stderr.split('\n').filter((l) => /Error|at /.test(l)).slice(0, 4).join('\n')}`);
  const sample = JSON.parse(result.stdout.trim()) as { ms: number; firstUseMs?: number };
  assert.ok(sample.ms > 0 && typeof sample.firstUseMs === 'number', result.stdout);
});
