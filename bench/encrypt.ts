// The instance-credential encrypt loop: Encrypts through the factory's instance services (the
// credential comes from the emulator's metadata service, as on an ECS instance, through the shared
// metadata cache) against the raw KMS SDK signing with a static copy of the same credential.
// Both paths run in the same process against the same emulator, interleaved in blocks.
import { startEmulator } from '../test/emulator';
import { clients } from '../test/emulator/sdkClients';
import { benchCloud } from './cloudEnv';
import { progress } from './progress';
import { median, summarize, type Summary } from './stats';

export interface EncryptResult {
  /** Encrypts per run and path. */
  readonly encrypts: number;
  readonly runs: number;
  /** Over the runs' medians. */
  readonly ours: Summary;
  readonly raw: Summary;
  /** Metadata service calls made by one run's Encrypts from a cold cache (the most of any run). */
  readonly metadataCalls: number;
  readonly metadataByPath: Record<string, number>;
  /** Metadata requests of one refresh (each later credential lifetime). */
  readonly refreshCalls: number;
}

const KEY = 'alias/demo-app';
const REGION = 'cn-hangzhou';

async function timed(call: () => Promise<unknown>, into: number[]): Promise<void> {
  const t0 = performance.now();
  await call();
  into.push(performance.now() - t0);
}

export async function measureEncrypt(runs = 5, encrypts = 200, block = 50, warmup = 20): Promise<EncryptResult> {
  const emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo' });
  const cloud = benchCloud(emulator);
  try {
    // A static copy of the instance's credential for the raw SDK: the emulator does the same work
    // (STS token check) for both paths.
    const roleName = 'EcsKmsAccessRole';
    const answer = await fetch(`${emulator.metadata}/latest/meta-data/ram/security-credentials/${roleName}`);
    const credential = (await answer.json()) as { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string };
    const raw = clients(emulator.api, { accessKeyId: credential.AccessKeyId, accessKeySecret: credential.AccessKeySecret, securityToken: credential.SecurityToken }).kms;
    const { EncryptRequest } = require('@alicloud/kms20160120') as typeof import('@alicloud/kms20160120');
    const rawEncrypt = () => raw.encrypt(new EncryptRequest({ keyId: KEY, plaintext: 'benchmark plaintext' }));

    progress(`encrypt: warm-up (${warmup} each path, SDK load)`);
    const warm = cloud.factory.createInstanceServices(REGION).kms();
    for (let i = 0; i < warmup; i++) {
      await warm.encrypt({ keyId: KEY, plaintext: 'benchmark plaintext' });
      await rawEncrypt();
    }

    // Each run: a fresh factory, so the metadata cache starts cold and its calls are counted;
    // both paths interleaved in blocks. A run's figure is the median of its Encrypts.
    const ours: number[] = [];
    const base: number[] = [];
    let metadataCalls = 0;
    let metadataByPath: Record<string, number> = {};
    for (let run = 0; run < runs; run++) {
      const fresh = benchCloud(emulator);
      const kms = fresh.factory.createInstanceServices(REGION).kms();
      emulator.resetCalls();
      const oursRun: number[] = [];
      const baseRun: number[] = [];
      for (let done = 0; done < encrypts; done += block) {
        const n = Math.min(block, encrypts - done);
        for (let i = 0; i < n; i++) await timed(() => kms.encrypt({ keyId: KEY, plaintext: 'benchmark plaintext' }), oursRun);
        for (let i = 0; i < n; i++) await timed(rawEncrypt, baseRun);
      }
      fresh.close();
      ours.push(median(oursRun));
      base.push(median(baseRun));
      if (emulator.calls.metadata >= metadataCalls) {
        metadataCalls = emulator.calls.metadata;
        metadataByPath = { ...emulator.calls.metadataByPath };
      }
    }
    // The next credential lifetime: what one refresh of the cached credential costs.
    const later = benchCloud(emulator);
    await later.factory.metadata.getCredential();
    emulator.resetCalls();
    await later.factory.metadata.getCredential({ forceRefresh: true });
    const refreshCalls = emulator.calls.metadata;
    later.close();
    const result = { encrypts, runs, ours: summarize(ours), raw: summarize(base), metadataCalls, metadataByPath, refreshCalls };
    progress(`encrypt: ours median ${result.ours.median.toFixed(2)} ms, raw ${result.raw.median.toFixed(2)} ms, metadata calls ${result.metadataCalls} cold, ${result.refreshCalls} per refresh`);
    return result;
  } finally {
    cloud.close();
    await emulator.close();
  }
}
