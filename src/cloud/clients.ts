// Builds SDK clients for one product and region, with the endpoint, protocol, timeouts and the
// credential adapter. Only called after the SDK is loaded (the first real call).
import { resolveEndpoint, type ResolvedEndpoint } from './endpoints';
import { SdkCredentialAdapter, type CredentialSupplier } from './credentials/credentialSupplier';
import { loadSdk } from './sdkLoader';
import type { CloudProduct, CloudSettings } from './types';

export const CONNECT_TIMEOUT_MS = 5000;
export const READ_TIMEOUT_MS = 20000;

export type EcsClient = InstanceType<ReturnType<typeof loadSdk>['EcsClient']>;
export type RamClient = InstanceType<ReturnType<typeof loadSdk>['RamClient']>;
export type StsClient = InstanceType<ReturnType<typeof loadSdk>['StsClient']>;
export type KmsClient = InstanceType<ReturnType<typeof loadSdk>['KmsClient']>;

/** What every client of both SDK generations is built with: endpoint, region, our credential, timeouts. */
function clientOptions(endpoint: ResolvedEndpoint, regionId: string, supplier: CredentialSupplier) {
  return {
    credential: new SdkCredentialAdapter(supplier),
    endpoint: endpoint.endpoint,
    protocol: endpoint.protocol,
    regionId,
    connectTimeout: CONNECT_TIMEOUT_MS,
    readTimeout: READ_TIMEOUT_MS,
    userAgent: 'vscode-alicloud-kms-access',
  };
}

function openApiConfig(endpoint: ResolvedEndpoint, regionId: string, supplier: CredentialSupplier) {
  const sdk = loadSdk();
  return new sdk.$OpenApiUtil.Config(clientOptions(endpoint, regionId, supplier));
}

export function endpointFor(product: CloudProduct, regionId: string, settings: CloudSettings): ResolvedEndpoint {
  return resolveEndpoint(product, regionId, settings);
}

export function createEcsClient(regionId: string, settings: CloudSettings, supplier: CredentialSupplier): EcsClient {
  const sdk = loadSdk();
  return new sdk.EcsClient(openApiConfig(endpointFor('ecs', regionId, settings), regionId, supplier));
}

/**
 * One ECS client per region, made on first use and kept (each region has its own endpoint): what the
 * ECS and Cloud Assistant services share.
 */
export function ecsClientsByRegion(settings: CloudSettings, supplier: CredentialSupplier): (regionId: string) => EcsClient {
  const clients = new Map<string, EcsClient>();
  return (regionId) => {
    let client = clients.get(regionId);
    if (!client) {
      client = createEcsClient(regionId, settings, supplier);
      clients.set(regionId, client);
    }
    return client;
  };
}

export function createRamClient(settings: CloudSettings, supplier: CredentialSupplier): RamClient {
  const sdk = loadSdk();
  return new sdk.RamClient(openApiConfig(endpointFor('ram', 'cn-hangzhou', settings), 'cn-hangzhou', supplier));
}

export function createStsClient(regionId: string, settings: CloudSettings, supplier: CredentialSupplier): StsClient {
  const sdk = loadSdk();
  return new sdk.StsClient(openApiConfig(endpointFor('sts', regionId, settings), regionId, supplier));
}

/** KMS 1.2.0 is the older RPC client: it needs the endpoint set explicitly and returns bodies directly. */
export function createKmsClient(endpoint: ResolvedEndpoint, regionId: string, supplier: CredentialSupplier): KmsClient {
  const sdk = loadSdk();
  const config = clientOptions(endpoint, regionId, supplier);
  const client = new sdk.KmsClient(config as unknown as ConstructorParameters<typeof sdk.KmsClient>[0]);
  // KMS is regional by endpoint and ignores RegionId: the default endpoints and a {region} override
  // name the region. Only an override without {region} (one endpoint for every region, such as a
  // local emulator) gets RegionId, like the aliyun CLI sends it, so that endpoint can tell regions apart.
  if (!endpoint.overridden || endpoint.perRegion) return client;
  const doRequest = client.doRequest.bind(client);
  client.doRequest = (action, protocol, method, version, authType, query, body, runtime) =>
    doRequest(action, protocol, method, version, authType, { RegionId: regionId, ...query }, body, runtime);
  return client;
}
