// Gathers the profiles of every source and decides which one is preferred:
// ALIBABA_CLOUD_PROFILE, else the environment's AccessKey, else the aliyun CLI's `current`,
// else the first usable one.
import type { InstanceMetadata, MetadataProbeResult, ProfileList, SecretStore } from '../types';
import { readAliyunConfig } from './aliyunCliConfig';
import { readCredentialsFile } from './credentialsFile';
import { preferredProfileName, readEnvironment } from './environment';
import { makeEntry, type ProfileEntry } from './profileSpec';
import { readSecretProfiles } from './secretStorageProfiles';

export interface CatalogSources {
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly secrets: SecretStore;
  readonly metadata: InstanceMetadata;
  /** Defaults to metadata.probe(). */
  readonly probe?: () => Promise<MetadataProbeResult>;
}

export interface Catalog {
  readonly list: ProfileList;
  readonly entries: ReadonlyMap<string, ProfileEntry>;
}

async function instanceEntries(metadata: InstanceMetadata, probeFn?: () => Promise<MetadataProbeResult>): Promise<ProfileEntry[]> {
  const probe = await (probeFn ? probeFn() : metadata.probe());
  if (!probe.onEcs) return [];
  try {
    const roleName = await metadata.getRoleName();
    if (!roleName) {
      return [makeEntry('ecsInstance', 'instance', 'EcsRamRole', { type: 'unsupported', reason: 'No RAM role is attached to this ECS instance.' })];
    }
    return [makeEntry('ecsInstance', 'instance', 'EcsRamRole', { type: 'ecsRamRole', roleName }, { roleName })];
  } catch (error) {
    return [makeEntry('ecsInstance', 'instance', 'EcsRamRole', { type: 'unsupported', reason: (error as Error).message })];
  }
}

export async function readCatalog(sources: CatalogSources): Promise<Catalog> {
  const warnings: string[] = [];
  const [cli, file, secret, instance] = await Promise.all([
    readAliyunConfig(sources.home),
    readCredentialsFile(sources.home, sources.env),
    readSecretProfiles(sources.secrets).catch((error: Error) => {
      warnings.push(`SecretStorage: ${error.message}`);
      return [] as ProfileEntry[];
    }),
    instanceEntries(sources.metadata, sources.probe),
  ]);
  warnings.push(...cli.warnings, ...file.warnings);
  const all = [...readEnvironment(sources.env), ...cli.entries, ...file.entries, ...secret, ...instance];
  const entries = new Map(all.map((entry) => [entry.profile.id, entry]));

  const usable = (id: string | undefined) => (id && entries.get(id)?.profile.usable ? id : undefined);
  const wanted = preferredProfileName(sources.env);
  let preferredId: string | undefined;
  if (wanted) {
    preferredId = ['aliyunCli', 'credentialsFile', 'secretStorage'].map((s) => `${s}:${wanted}`).find((id) => entries.has(id));
    if (!preferredId) warnings.push(`ALIBABA_CLOUD_PROFILE names ${JSON.stringify(wanted)}, which no source has.`);
  }
  preferredId ??= usable('environment:env') ?? usable(cli.current ? `aliyunCli:${cli.current}` : undefined) ?? all.find((e) => e.profile.usable)?.profile.id;
  return { list: { profiles: all.map((e) => e.profile), preferredId, warnings }, entries };
}
