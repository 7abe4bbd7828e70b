// `npm run bench`: activation, fan-out, encrypt loop, tree scale and the realistic account; prints a table.
// `npm run bench -- --json`: exactly one JSON object on stdout (progress goes to stderr).
// --quick takes fewer samples (to try the script). There is no way to run one part alone on purpose:
// the figures of a run belong together (measured under the same machine load).
import * as os from 'node:os';
import { measureActivation } from './activation';
import { measureEncrypt } from './encrypt';
import { measureFanOut } from './fanout';
import { measureRealistic } from './realistic';
import { progress } from './progress';
import { table, toJson, type BenchResults } from './report';
import { measureTree } from './tree';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const quick = process.argv.includes('--quick');
  const started = performance.now();
  const loadStart = os.loadavg()[0];
  progress(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const activation = measureActivation(quick ? 5 : 21);
  const tree = await measureTree(quick ? 3 : 9);
  const encrypt = await measureEncrypt(quick ? 2 : 5);
  const fanOut = await measureFanOut(quick ? 1 : 3);
  const realistic = await measureRealistic();
  const results: BenchResults = { activation, fanOut, encrypt, tree, realistic, loadAverage: [loadStart, os.loadavg()[0]], cpus: os.cpus().length };
  progress(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (json) process.stdout.write(`${JSON.stringify(toJson(results))}\n`);
  else process.stdout.write(`\n${table(results)}\n\n${os.cpus().length} CPUs, load average ${loadStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
