// Shared setup of the cloud-layer integration tests: an in-process emulator, a temporary HOME,
// a SecretStore in memory, and the factory pointed at the emulator through the settings.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import { createCloudServicesFactory } from '../../src/cloud';
import type { CloudLog, CloudServices, CloudServicesFactory, CloudSettings, SecretStore } from '../../src/cloud/types';

export class MemorySecretStore implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}

export class MemoryLog implements CloudLog {
  readonly lines: string[] = [];
  trace(m: string) { this.lines.push(`trace ${m}`); }
  debug(m: string) { this.lines.push(`debug ${m}`); }
  info(m: string) { this.lines.push(`info ${m}`); }
  warn(m: string) { this.lines.push(`warn ${m}`); }
  error(m: string) { this.lines.push(`error ${m}`); }
}

export interface Harness {
  readonly emulator: Emulator;
  readonly home: string;
  readonly secrets: MemorySecretStore;
  readonly log: MemoryLog;
  readonly settings: CloudSettings;
  readonly factory: CloudServicesFactory;
  /** Services for the emulator's administrator (through the environment-variable profile). */
  admin(regionId?: string): Promise<CloudServices>;
  close(): Promise<void>;
}

export function emulatorSettings(emulator: Emulator, extra: Partial<CloudSettings> = {}): CloudSettings {
  return {
    endpoints: { ecs: emulator.api, ram: emulator.api, sts: emulator.api, kms: emulator.api },
    metadataEndpoint: emulator.metadata,
    ...extra,
  };
}

export async function startHarness(
  options: EmulatorOptions = {},
  more: { env?: Record<string, string>; settings?: Partial<CloudSettings> } = {},
): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo', ...options });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-home-'));
  const secrets = new MemorySecretStore();
  const log = new MemoryLog();
  const settings = emulatorSettings(emulator, more.settings);
  const env = more.env ?? { ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.accessKeySecret };
  const factory = createCloudServicesFactory(
    { secrets, settings: () => settings, log, home, env },
    { retry: { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 40 } },
  );
  return {
    emulator, home, secrets, log, settings, factory,
    async admin(regionId?: string) {
      const list = await factory.listProfiles();
      const profile = list.profiles.find((p) => p.id === 'environment:env');
      if (!profile) throw new Error('no environment profile');
      return factory.createServices(profile, regionId);
    },
    async close() {
      await emulator.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
