// Turns the raw alicloudKms.* settings into CloudSettings, dropping values of the wrong shape
// (settings.json is hand-edited). extension.ts passes `key => configuration.get(key)`.
import type { CloudProduct, CloudSettings } from './types';

const PRODUCTS: readonly CloudProduct[] = ['ecs', 'ram', 'sts', 'kms'];

export function readCloudSettings(get: (key: string) => unknown): CloudSettings {
  const endpointsRaw = get('endpoints');
  const endpoints: Partial<Record<CloudProduct, string>> = {};
  if (endpointsRaw && typeof endpointsRaw === 'object') {
    for (const product of PRODUCTS) {
      const value = (endpointsRaw as Record<string, unknown>)[product];
      if (typeof value === 'string' && value.trim() !== '') endpoints[product] = value.trim();
    }
  }
  const metadataEndpoint = get('metadataEndpoint');
  const concurrency = get('fanOutConcurrency');
  const region = get('defaultRegion');
  return {
    endpoints,
    metadataEndpoint: typeof metadataEndpoint === 'string' && metadataEndpoint.trim() !== '' ? metadataEndpoint.trim() : undefined,
    kmsVpcEndpoint: get('kmsVpcEndpoint') === true,
    imdsv1Disabled: get('imdsv1Disabled') === true,
    fanOutConcurrency: typeof concurrency === 'number' && Number.isFinite(concurrency) ? Math.min(32, Math.max(1, Math.floor(concurrency))) : undefined,
    defaultRegion: typeof region === 'string' && /^[a-z]{2,}(-[a-z0-9]+)+$/.test(region) ? region : undefined,
  };
}
