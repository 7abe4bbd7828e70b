// The services and their factory.
import type { CallOptions } from './host';
import type { AccessKeyInput, Profile, ProfileList } from './profiles';
import type { FanOutOptions, RegionOutcome } from './paging';
import type { RamService } from './ram';
import type { EcsService } from './ecs';
import type { KmsService } from './kms';
import type { StsService } from './sts';
import type { InstanceMetadata } from './metadata';
import type { CloudAssistantService } from './cloudAssistant';

export interface CloudServices {
  readonly profile: Profile;
  /** The default region of these services (the profile's, else settings.defaultRegion, else cn-hangzhou). */
  readonly regionId: string;
  readonly ram: RamService;
  readonly ecs: EcsService;
  readonly sts: StsService;
  /** ECS Cloud Assistant: run a script on instances. */
  readonly cloudAssistant: CloudAssistantService;
  /** KMS in a region (default: regionId). */
  kms(regionId?: string): KmsService;
  /** Run `task` per region at bounded concurrency; outcomes streamed as they finish, failures isolated. */
  fanOut<T>(
    regions: readonly string[],
    task: (regionId: string, options: CallOptions) => Promise<T>,
    options?: FanOutOptions,
  ): AsyncIterable<RegionOutcome<T>>;
}

export interface CloudServicesFactory {
  /** Every profile from every source (aliyun CLI, env, credentials file, SecretStorage, ECS instance). */
  listProfiles(): Promise<ProfileList>;
  /** Store an AccessKey in SecretStorage; returns its profile. */
  addAccessKey(input: AccessKeyInput): Promise<Profile>;
  /** Delete a SecretStorage profile (only source `secretStorage`). */
  removeAccessKey(profileId: string): Promise<void>;
  /** Files whose change should refresh the profile list (aliyun CLI config, credentials file). */
  watchedFiles(): string[];
  /** Build services for a profile. Cheap and synchronous: the SDK loads on the first call. */
  createServices(profile: Profile, regionId?: string): CloudServices;
  /**
   * Services that sign ONLY with this machine's instance RAM role credential (through the shared
   * metadata cache), whatever the active profile is: for Test Encrypt / Diagnose on the instance.
   * Pass the instance's region (InstanceMetadata.getIdentity().regionId).
   */
  createInstanceServices(regionId?: string): CloudServices;
  /** The shared metadata client for this machine (also backs the `ecsInstance` profile). */
  readonly metadata: InstanceMetadata;
}
