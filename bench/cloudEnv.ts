// The cloud layer pointed at an emulator, the way the extension builds it (default retry policy,
// default fan-out concurrency), with an empty temporary HOME and the emulator's administrator
// as the environment-variable profile.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCloudServicesFactory } from '../src/cloud';
import type { CloudServices, CloudServicesFactory, CloudSettings, SecretStore } from '../src/cloud/types';

export interface EmulatorAddress {
  readonly api: string;
  readonly metadata: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

const noSecrets: SecretStore = { get: async () => undefined, store: async () => {}, delete: async () => {} };

export function emulatorSettings(emulator: EmulatorAddress, extra: Partial<CloudSettings> = {}): CloudSettings {
  return { endpoints: { ecs: emulator.api, ram: emulator.api, sts: emulator.api, kms: emulator.api }, metadataEndpoint: emulator.metadata, ...extra };
}

export interface BenchCloud {
  readonly factory: CloudServicesFactory;
  admin(regionId?: string): Promise<CloudServices>;
  close(): void;
}

export function benchCloud(emulator: EmulatorAddress, extra: Partial<CloudSettings> = {}): BenchCloud {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-home-'));
  const settings = emulatorSettings(emulator, extra);
  const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.accessKeySecret };
  const factory = createCloudServicesFactory({ secrets: noSecrets, settings: () => settings, home, env });
  return {
    factory,
    async admin(regionId) {
      const profile = (await factory.listProfiles()).profiles.find((p) => p.id === 'environment:env');
      if (!profile) throw new Error('bench: the environment profile was not found');
      return factory.createServices(profile, regionId);
    },
    close: () => fs.rmSync(home, { recursive: true, force: true }),
  };
}
