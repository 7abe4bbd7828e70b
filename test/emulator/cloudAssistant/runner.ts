// Really runs a RunCommand script "on" each targeted instance: /bin/sh in a new temporary directory,
// killed at the command's Timeout, with the metadata address pointed at a metadata service of THAT
// instance (its role's credential, or 404 without a role) and the KMS endpoints at the emulator's API,
// so what the script signs is verified like any SDK's request.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMetadataServer } from '../metadata';
import { isoSeconds, type Account } from '../state';
import type { CloudAssistantRuntime, Invocation, InvocationRecord } from './state';

/** Cloud Assistant keeps the last 24 KB of a command's output; the rest is counted in Dropped. */
const OUTPUT_LIMIT = 24 * 1024;

/** The account as the metadata service of one instance sees it: "this machine" is that instance. */
function instanceView(account: Account, instanceId: string): Account {
  return Object.create(account, { thisInstanceId: { value: instanceId, writable: false } }) as Account;
}

async function instanceMetadata(account: Account, instanceId: string, runtime: CloudAssistantRuntime): Promise<{ url: string; server: Server }> {
  const server = createMetadataServer({
    account: instanceView(account, instanceId), faults: runtime.faults(), now: () => Date.now() + runtime.faults().clockSkewMs,
    calls: { total: 0, byAction: {}, metadata: 0, metadataByPath: {} }, mode: () => 'token-optional', credentialLifetimeSeconds: 3600,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function finish(record: InvocationRecord, fields: Partial<InvocationRecord>): void {
  Object.assign(record, fields, { finishTime: isoSeconds(Date.now()) });
}

async function runOne(account: Account, invocation: Invocation, record: InvocationRecord, runtime: CloudAssistantRuntime, unreachableVpc: boolean): Promise<void> {
  record.status = 'Running';
  record.startTime = isoSeconds(Date.now());
  const dir = await mkdtemp(join(tmpdir(), 'emu-cloud-assistant-'));
  const metadata = await instanceMetadata(account, record.instanceId, runtime);
  try {
    await writeFile(join(dir, 'script.sh'), Buffer.from(invocation.content, 'base64'));
    const child = spawn('/bin/sh', ['script.sh'], {
      cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8',
        KMS_CHECK_METADATA_URL: metadata.url,
        // A refused port on loopback is what "unreachable" looks like from the instance.
        KMS_CHECK_VPC_ENDPOINT: unreachableVpc ? 'http://127.0.0.1:1' : runtime.api,
        KMS_CHECK_PUBLIC_ENDPOINT: runtime.api,
      },
    });
    let output = Buffer.alloc(0);
    let dropped = 0;
    const collect = (chunk: Buffer) => {
      output = Buffer.concat([output, chunk]);
      if (output.length > OUTPUT_LIMIT) {
        dropped += output.length - OUTPUT_LIMIT;
        output = output.subarray(output.length - OUTPUT_LIMIT);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, invocation.timeout * 1000);
    const exitCode = await new Promise<number>((resolve) => {
      child.on('error', () => resolve(127));
      child.on('close', (code) => resolve(code ?? -1));
    });
    clearTimeout(timer);
    const text = output.toString('utf8');
    if (timedOut) finish(record, { status: 'Timeout', output: text, dropped, exitCode: -1, errorCode: 'ExecutionTimeout', errorInfo: 'the command execution has timed out' });
    else if (exitCode !== 0) finish(record, { status: 'Failed', output: text, dropped, exitCode, errorCode: 'ExitCodeNonzero', errorInfo: `command process exit code ${exitCode}` });
    else finish(record, { status: 'Success', output: text, dropped, exitCode: 0 });
  } catch (e) {
    finish(record, { status: 'Failed', errorCode: 'ExecutionException', errorInfo: (e as Error).message });
  } finally {
    await new Promise<void>((resolve) => { metadata.server.closeAllConnections(); metadata.server.close(() => resolve()); });
    await rm(dir, { recursive: true, force: true });
  }
}

/** Starts every Pending record of the invocation, at most `runtime.concurrency` at once; returns when all ended. */
export async function runInvocation(account: Account, invocation: Invocation, runtime: CloudAssistantRuntime, unreachableVpc: ReadonlySet<string>): Promise<void> {
  const queue = invocation.records.filter((r) => r.status === 'Pending');
  const worker = async () => {
    for (let record = queue.shift(); record; record = queue.shift()) {
      await runOne(account, invocation, record, runtime, unreachableVpc.has(record.instanceId));
    }
  };
  await Promise.all(Array.from({ length: Math.min(runtime.concurrency, queue.length) }, worker));
}
