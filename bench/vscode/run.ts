// `npm run bench:vscode`: activation as VS Code's extension host reports it, against an empty extension,
// and the explorer's first paint, both in the real host (code-server + headless Chromium, as the e2e
// tier). Separate from `npm run bench` because it takes minutes (every sample starts a browser and an
// extension host). `--json`: one JSON object on stdout (progress on stderr); `--runs N` activation
// samples of each extension (default 10); `--paint-runs N` first-paint samples (default 5).
import * as os from 'node:os';
import { startEmulator } from '../../test/emulator';
import { buildPackage } from '../activation';
import { progress } from '../progress';
import { tableOf } from '../report';
import { measureFirstPaint } from './firstPaint';
import { measureHostActivation } from './hostActivation';
import { vscodeJson, vscodeRows } from './report';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number of samples, at least 1`);
  return value;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const runs = option('--runs', 10);
  const paintRuns = option('--paint-runs', 5);
  const started = performance.now();
  const loadStart = os.loadavg()[0];
  progress(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  // --no-package: measure the .vsix already built (while trying the script; a real run packages first).
  if (!process.argv.includes('--no-package')) buildPackage();
  const emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo' });
  const activation = await measureHostActivation(emulator, runs).finally(() => emulator.close());
  const firstPaint = await measureFirstPaint(paintRuns);
  const figures = vscodeJson({ activation, firstPaint, loadAverage: [loadStart, os.loadavg()[0]], cpus: os.cpus().length });
  progress(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const rows = vscodeRows(figures);
  process.stdout.write(`\n${tableOf(rows)}\n\n`);
  for (const row of rows.filter((r) => r.met === false)) process.stdout.write(`MISSED ${row.figure.split(' ')[0]}: ${row.why}\n`);
  process.stdout.write(`${os.cpus().length} CPUs, load average ${loadStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:vscode failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
