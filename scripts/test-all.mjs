// `npm test`: the four tiers in order. Every tier runs even when an earlier one failed, so one run
// shows every failure; the exit code is non-zero when any tier failed or ran no test.
import { spawnSync } from 'node:child_process';

const tiers = ['test:unit', 'test:integration', 'test:extension', 'test:e2e'];
const failed = [];
for (const tier of tiers) {
  console.log(`\n=== npm run ${tier}`);
  const result = spawnSync('npm', ['run', '--silent', tier], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(tier);
}
console.log(`\n=== tiers: ${tiers.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.join(', ')})` : ''}`);
process.exit(failed.length ? 1 : 0);
