// Scale: the ECS Instances view with 10,000 instances in ONE region. The emulator runs here; the
// tree code runs in a child process (bench/tree/treeChild.ts) with the vscode stand-in and
// --expose-gc, so its heap growth is the tree's alone.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { startEmulator, type EmulatorSeed } from '../test/emulator';
import { progress } from './progress';
import { summarize, type Summary } from './stats';

const ROOT = path.resolve(__dirname, '..');
const REGION = 'cn-hangzhou';

export interface TreeResult {
  readonly instances: number;
  readonly firstPage: Summary;
  readonly firstPageCount: number;
  readonly firstPageMb: number;
  /** Heap growth with every instance of the region loaded into the tree ("Load more…" to the end). */
  readonly allMb: number;
  readonly allMs: number;
}

export function oneRegionSeed(count: number): EmulatorSeed {
  return {
    accountId: '1688000000000009',
    roles: [{ name: 'BenchRole', policies: ['AliyunKMSCryptoUserAccess'] }],
    vpcs: [{ id: 'vpc-bench', region: REGION, vSwitches: [{ id: 'vsw-bench' }], securityGroups: [{ id: 'sg-bench' }] }],
    instances: Array.from({ length: count }, (_, n) => ({
      id: `i-bench${String(n).padStart(13, '0')}`, name: `bench-${String(n).padStart(5, '0')}`, region: REGION,
      ...(n % 10 === 0 ? { role: 'BenchRole' } : {}),
    })),
  };
}

export async function measureTree(runs: number, count = 10_000): Promise<TreeResult> {
  const emulator = await startEmulator({ port: 0, metadataPort: 0, seed: oneRegionSeed(count) });
  try {
    progress(`tree: ${count} instances in ${REGION}; first page ${runs} times, then every page (child process)`);
    const address = { api: emulator.api, metadata: emulator.metadata, accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret, region: REGION, runs };
    const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      // spawnSync would block this process, and with it the emulator the child talks to.
      const proc = spawn(process.execPath, [
        '--expose-gc', '--require', path.join(__dirname, 'harness', 'registerVscode.cjs'), '--import', 'tsx',
        path.join(__dirname, 'tree', 'treeChild.ts'), JSON.stringify(address),
      ], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (d) => (stdout += d));
      proc.stderr.on('data', (d) => (stderr += d));
      proc.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    if (child.status !== 0) throw new Error(`tree child failed: ${child.stderr.trim()}`);
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { firstPage: number[]; firstPageCount: number; firstPageMb: number; allMb: number; allMs: number; instances: number };
    progress(`tree: first page median ${summarize(r.firstPage).median.toFixed(1)} ms; all ${r.instances} instances: +${r.allMb.toFixed(1)} MB heap`);
    return { instances: r.instances, firstPage: summarize(r.firstPage), firstPageCount: r.firstPageCount, firstPageMb: r.firstPageMb, allMb: r.allMb, allMs: r.allMs };
  } finally {
    await emulator.close();
  }
}
