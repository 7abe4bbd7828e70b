// Starts bench/harness/emulatorProcess.ts and talks to it: the emulator's address, its call
// counters and faults, as if it were in process.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { EmulatorOptions, Faults } from '../test/emulator';
import type { EmulatorAddress } from './cloudEnv';

export interface Calls {
  total: number;
  byAction: Record<string, number>;
  metadata: number;
  metadataByPath: Record<string, number>;
}

export interface RemoteEmulator extends EmulatorAddress {
  calls(): Promise<Calls>;
  resetCalls(): Promise<void>;
  setFaults(faults: Partial<Faults>): Promise<void>;
  /** [instance id, region] of every instance. */
  instances(): Promise<[string, string][]>;
  close(): Promise<void>;
}

export function startRemoteEmulator(options: EmulatorOptions): Promise<RemoteEmulator> {
  const child: ChildProcess = fork(path.join(__dirname, 'harness', 'emulatorProcess.ts'), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  const ask = <T>(op: string, extra: object = {}): Promise<T> =>
    new Promise((resolve) => {
      const id = ++next;
      waiting.set(id, resolve as (result: unknown) => void);
      child.send({ id, op, ...extra });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator process exited with ${code}`)));
    child.on('message', (raw) => {
      const message = raw as { ready?: EmulatorAddress; id?: number; result?: unknown };
      if (message.ready) {
        resolve({
          ...message.ready,
          calls: () => ask<Calls>('calls'),
          resetCalls: () => ask<void>('resetCalls'),
          setFaults: (faults) => ask<void>('faults', { faults }),
          instances: () => ask<[string, string][]>('instances'),
          close: async () => {
            await ask<void>('close');
            if (child.exitCode === null) await new Promise((done) => child.once('exit', done));
          },
        });
      } else if (message.id !== undefined) {
        waiting.get(message.id)?.(message.result);
        waiting.delete(message.id);
      }
    });
  });
}
