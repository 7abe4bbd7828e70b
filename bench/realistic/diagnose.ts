// A full Diagnose KMS Access on "this instance" of the realistic account, through the checklist's
// public entry (runDiagnosis), with the real metadata client and SDKs: its calls (API and metadata
// service) and its time. Issue 14 moves the checklist out of src/instance: only the import changes.
import type { Emulator } from '../../test/emulator';
import { runDiagnosis } from '../../src/diagnosis/runDiagnosis';
import { nodeNetworkProbe } from '../../src/cloud/networkProbe';
import { benchCloud } from '../cloudEnv';

export async function measureDiagnose(emulator: Emulator, regionId: string, keyId: string): Promise<{ calls: number; apiCalls: number; ms: number; passed: boolean }> {
  const cloud = benchCloud(emulator);
  try {
    const management = await cloud.admin(regionId);
    emulator.resetCalls();
    const t0 = performance.now();
    const report = await runDiagnosis({
      metadata: cloud.factory.metadata,
      network: nodeNetworkProbe,
      instanceKms: (region) => cloud.factory.createInstanceServices(region).kms(region),
      kmsEndpoint: () => ({ endpoint: new URL(emulator.api).host, protocol: 'http', vpc: false, overridden: true }),
      management: { profileName: management.profile.name, services: management },
      key: { identifier: keyId, regionId },
      fallbackRegionId: regionId,
      now: Date.now,
    });
    const ms = performance.now() - t0;
    return { calls: emulator.calls.total + emulator.calls.metadata, apiCalls: emulator.calls.total, ms, passed: report.lines.every((l) => l.status === 'passed') };
  } finally {
    cloud.close();
  }
}
