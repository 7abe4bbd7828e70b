// Runs every *.test.ts under the given folder with node's test runner (TypeScript through tsx)
// and fails when the folder holds no test or the run executed none: a tier that ran nothing is not green.
import { spawn } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...extra] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/run-node-tests.mjs <folder> [node --test options]');
  process.exit(2);
}

function findTests(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) return findTests(full);
    return name.endsWith('.test.ts') ? [full] : [];
  }).sort();
}

const files = findTests(dir);
if (files.length === 0) {
  console.error(`${dir}: no *.test.ts files: this tier ran no test.`);
  process.exit(1);
}

const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...extra, ...files];
const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code, signal) => {
  const executed = /^ℹ tests (\d+)/m.exec(output);
  if (code === 0 && (!executed || Number(executed[1]) === 0)) {
    console.error(`${dir}: the test runner executed no test.`);
    process.exit(1);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
