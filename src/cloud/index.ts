// The factory extension.ts builds once: profiles from every source, services per profile, and the
// shared instance-metadata client. Creating services loads no SDK; the first call does.
import * as os from 'node:os';
import { CloudError } from './cloudError';
import { aliyunConfigPath } from './credentials/aliyunCliConfig';
import { credentialsFilePath } from './credentials/credentialsFile';
import { environmentRegion } from './credentials/environment';
import { readCatalog, type Catalog } from './credentials/profileCatalog';
import { supplierFor } from './credentials/resolveSupplier';
import { removeAccessKey, storeAccessKey } from './credentials/secretStorageProfiles';
import type { CredentialSupplier } from './credentials/credentialSupplier';
import type { CredentialSpec } from './credentials/profileSpec';
import { EcsServiceImpl } from './ecs';
import { CloudAssistantServiceImpl } from './cloudAssistant';
import { DEFAULT_REGION, resolveEndpoint } from './endpoints';
import { fanOut } from './fanOut';
import type { InvokeContext } from './invoke';
import { KmsServiceImpl } from './kms';
import { InstanceMetadataClient } from './metadata/instanceMetadataClient';
import { RamServiceImpl } from './ram';
import { RAM_READ_GATE, TokenBucketGate, type RequestGate } from './requestGate';
import type { RetryPolicy } from './retry';
import { StsServiceImpl } from './sts';
import type {
  AccessKeyInput, CloudEnvironment, CloudServices, CloudServicesFactory, InstanceMetadata, KmsService, MetadataProbeResult, Profile,
  ProfileList,
} from './types';

export * from './types';
export { readCloudSettings } from './settings';
export { nodeNetworkProbe } from './networkProbe';

/** The id of the profile backed by this machine's instance RAM role. */
export const INSTANCE_PROFILE_ID = 'ecsInstance:instance';

export interface FactoryOptions {
  /** Tests shorten the backoff. */
  readonly retry?: RetryPolicy;
}

export function createCloudServicesFactory(environment: CloudEnvironment, options: FactoryOptions = {}): CloudServicesFactory {
  return new CloudServicesFactoryImpl(environment, options);
}

class CloudServicesFactoryImpl implements CloudServicesFactory {
  private catalog: Catalog | undefined;
  private readonly suppliers = new WeakMap<CredentialSpec, CredentialSupplier>();
  private lastProbe: { client: InstanceMetadata; at: number; result: Promise<MetadataProbeResult> } | undefined;
  private metadataClient: InstanceMetadataClient | undefined;
  private metadataKey = '';
  /** RAM's flow control is per account: one gate per profile, shared by the services rebuilt for it. */
  private readonly ramGates = new Map<string, RequestGate>();
  private readonly home: string;
  private readonly env: Readonly<Record<string, string | undefined>>;

  constructor(private readonly environment: CloudEnvironment, private readonly options: FactoryOptions) {
    this.home = environment.home ?? os.homedir();
    this.env = environment.env ?? process.env;
  }

  /** One metadata client (one credential cache) per endpoint setting. */
  get metadata(): InstanceMetadata {
    const settings = this.environment.settings();
    const key = `${settings.metadataEndpoint ?? ''}|${settings.imdsv1Disabled === true}`;
    if (!this.metadataClient || key !== this.metadataKey) {
      this.metadataKey = key;
      this.metadataClient = new InstanceMetadataClient({
        endpoint: settings.metadataEndpoint,
        imdsv1Disabled: settings.imdsv1Disabled,
        env: this.env,
        onFetch: (message) => this.environment.log?.info(message),
      });
    }
    return this.metadataClient;
  }

  /** listProfiles probes the metadata service; off ECS that costs up to 0.4 s, so a recent answer
   * (one minute) is reused. metadata.probe() itself always probes. */
  private recentProbe(): Promise<MetadataProbeResult> {
    const metadata = this.metadata;
    const now = Date.now();
    if (!this.lastProbe || this.lastProbe.client !== metadata || now - this.lastProbe.at > 60_000) {
      this.lastProbe = { client: metadata, at: now, result: metadata.probe() };
    }
    return this.lastProbe.result;
  }

  async listProfiles(): Promise<ProfileList> {
    this.catalog = await readCatalog({ home: this.home, env: this.env, secrets: this.environment.secrets, metadata: this.metadata, probe: () => this.recentProbe() });
    for (const warning of this.catalog.list.warnings) this.environment.log?.warn(warning);
    return this.catalog.list;
  }

  async addAccessKey(input: AccessKeyInput): Promise<Profile> {
    const entry = await storeAccessKey(this.environment.secrets, input);
    this.catalog = undefined;
    this.environment.log?.info(`AccessKey ${entry.profile.accessKeyIdMasked} stored in SecretStorage as profile ${entry.profile.name}`);
    return entry.profile;
  }

  async removeAccessKey(profileId: string): Promise<void> {
    const [source, ...rest] = profileId.split(':');
    if (source !== 'secretStorage') throw new Error(`Only AccessKeys stored in VS Code can be removed here; ${profileId} comes from ${source}.`);
    await removeAccessKey(this.environment.secrets, rest.join(':'));
    this.catalog = undefined;
  }

  watchedFiles(): string[] {
    return [aliyunConfigPath(this.home), credentialsFilePath(this.home, this.env)];
  }

  createServices(profile: Profile, regionId?: string): CloudServices {
    const settings = this.environment.settings();
    const region = regionId ?? profile.region ?? environmentRegion(this.env) ?? settings.defaultRegion ?? DEFAULT_REGION;
    const invokeContext: InvokeContext = { log: this.environment.log, retry: this.options.retry };
    return this.build(profile, region, this.lazySupplier(profile, region, invokeContext), invokeContext);
  }

  createInstanceServices(regionId?: string): CloudServices {
    const settings = this.environment.settings();
    const region = regionId ?? settings.defaultRegion ?? DEFAULT_REGION;
    const invokeContext: InvokeContext = { log: this.environment.log, retry: this.options.retry };
    const profile: Profile = { id: INSTANCE_PROFILE_ID, name: 'instance', source: 'ecsInstance', kind: 'EcsRamRole', usable: true };
    const supplier = supplierFor({ type: 'ecsRamRole' }, INSTANCE_PROFILE_ID, { metadata: this.metadata, settings, invokeContext, regionId: region });
    return this.build(profile, region, supplier, invokeContext);
  }

  private build(profile: Profile, region: string, supplier: CredentialSupplier, invokeContext: InvokeContext): CloudServices {
    const settings = this.environment.settings();
    const kmsByRegion = new Map<string, KmsService>();
    const concurrency = settings.fanOutConcurrency;
    return {
      profile,
      regionId: region,
      ram: new RamServiceImpl(settings, supplier, { ...invokeContext, gate: this.ramGate(profile.id) }),
      ecs: new EcsServiceImpl(region, settings, supplier, invokeContext),
      sts: new StsServiceImpl(region, settings, supplier, invokeContext),
      cloudAssistant: new CloudAssistantServiceImpl(settings, supplier, invokeContext),
      kms: (kmsRegion = region) => {
        let service = kmsByRegion.get(kmsRegion);
        if (!service) {
          service = new KmsServiceImpl(kmsRegion, resolveEndpoint('kms', kmsRegion, settings), supplier, invokeContext);
          kmsByRegion.set(kmsRegion, service);
        }
        return service;
      },
      fanOut: (regions, task, fanOptions = {}) => fanOut(regions, task, { concurrency: fanOptions.concurrency ?? concurrency, signal: fanOptions.signal }),
    };
  }

  private ramGate(profileId: string): RequestGate {
    let gate = this.ramGates.get(profileId);
    if (!gate) {
      gate = new TokenBucketGate(RAM_READ_GATE);
      this.ramGates.set(profileId, gate);
    }
    return gate;
  }

  /** Resolves the profile's credential on first use (re-reading the sources if it is not known yet). */
  private lazySupplier(profile: Profile, regionId: string, invokeContext: InvokeContext): CredentialSupplier {
    let resolved: Promise<CredentialSupplier> | undefined;
    const resolve = async (): Promise<CredentialSupplier> => {
      let entry = this.catalog?.entries.get(profile.id);
      if (!entry) {
        await this.listProfiles();
        entry = this.catalog?.entries.get(profile.id);
      }
      if (!entry) {
        throw new CloudError({ code: 'ProfileNotFound', message: `Profile ${profile.id} no longer exists.` });
      }
      // One supplier per profile definition, so services built again (after a refresh) reuse an
      // assumed-role credential instead of calling AssumeRole again.
      let supplier = this.suppliers.get(entry.spec);
      if (!supplier) {
        supplier = supplierFor(entry.spec, profile.id, { metadata: this.metadata, settings: this.environment.settings(), invokeContext, regionId });
        this.suppliers.set(entry.spec, supplier);
      }
      return supplier;
    };
    return {
      providerName: 'vscode_profile',
      get: async () => {
        resolved ??= resolve().catch((error: unknown) => {
          resolved = undefined;
          throw error;
        });
        return (await resolved).get();
      },
    };
  }
}
