// Activation as VS Code's extension host reports it (code loading, activate call, activate resolved;
// bench/vscode/activationTimes.ts), for the packaged extension and for an empty extension with the same
// activation events, each installed alone in its own code-server (the same VS Code 1.139 build, the
// same settings and environment: the demo account), samples interleaved so machine load hits both alike.
import { rmSync } from 'node:fs';
import type { Emulator } from '../../test/emulator';
import { startCodeServer, type RunningCodeServer } from '../../test/host/codeServer';
import { demoHostOptions } from '../../test/host/demoHost';
import { vsixPath } from '../../test/host/paths';
import { progress } from '../progress';
import { summarize, type Summary } from '../stats';
import { readActivationTimes, type ActivationTimes } from './activationTimes';
import { buildEmptyExtension, EMPTY_EXTENSION_ID } from './emptyExtension';
import { openFreshWorkbench } from './freshWorkbench';

export const EXTENSION_ID = 'alicloud-kms-access.alicloud-kms-access';

export interface ExtensionActivation {
  readonly total: Summary;
  readonly codeLoading: Summary;
  readonly activateCall: Summary;
  readonly activateResolved: Summary;
  readonly event: string;
}

export interface HostActivationResult {
  readonly extension: ExtensionActivation;
  readonly empty: ExtensionActivation;
  readonly activationEvents: readonly string[];
}

function summarizeTimes(samples: readonly ActivationTimes[]): ExtensionActivation {
  const of = (pick: (t: ActivationTimes) => number) => summarize(samples.map(pick));
  return {
    total: of((t) => t.totalMs),
    codeLoading: of((t) => t.codeLoadingMs),
    activateCall: of((t) => t.activateCallMs),
    activateResolved: of((t) => t.activateResolvedMs),
    event: samples[0]?.event ?? '',
  };
}

async function sample(server: RunningCodeServer, extensionId: string): Promise<ActivationTimes> {
  const workbench = await openFreshWorkbench(server);
  try {
    return await readActivationTimes(workbench.page, extensionId);
  } finally {
    await workbench.close();
  }
}

/** `runs` samples of each after one warm-up of each (the first page a server serves does one-off work). */
export async function measureHostActivation(emulator: Emulator, runs: number): Promise<HostActivationResult> {
  const empty = buildEmptyExtension();
  const servers: RunningCodeServer[] = [];
  try {
    servers.push(await startCodeServer(demoHostOptions(emulator, vsixPath)));
    servers.push(await startCodeServer(demoHostOptions(emulator, empty.vsix)));
    const [ours, baseline] = servers;
    const samples = { ours: [] as ActivationTimes[], empty: [] as ActivationTimes[] };
    for (let i = -1; i < runs; i++) {
      const a = await sample(ours, EXTENSION_ID);
      const b = await sample(baseline, EMPTY_EXTENSION_ID);
      progress(`vscode activation ${i < 0 ? 'warm-up' : `${i + 1}/${runs}`}: extension ${a.totalMs} ms (${a.codeLoadingMs} + ${a.activateCallMs} + ${a.activateResolvedMs}), empty ${b.totalMs} ms (${b.codeLoadingMs} + ${b.activateCallMs} + ${b.activateResolvedMs})`);
      if (i < 0) continue;
      samples.ours.push(a);
      samples.empty.push(b);
    }
    return { extension: summarizeTimes(samples.ours), empty: summarizeTimes(samples.empty), activationEvents: empty.activationEvents };
  } finally {
    for (const server of servers) await server.stop();
    rmSync(empty.dir, { recursive: true, force: true });
  }
}
