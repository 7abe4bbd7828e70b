// Where each product's requests go. Default: the public endpoint of the product and region, from
// Alibaba Cloud's published endpoint list; alicloudKms.endpoints overrides per product (the scheme
// decides the protocol, host:port the endpoint). KMS and ECS are regional by endpoint: an override
// with a {region} placeholder gives each region its own endpoint; one without names a single
// endpoint for every region.
import type { CloudProduct, CloudSettings } from './types';

export interface ResolvedEndpoint {
  /** host[:port] as the SDKs want it. */
  readonly endpoint: string;
  readonly protocol: 'https' | 'http';
  /** True when it came from the endpoints setting. */
  readonly overridden: boolean;
  /** Set when the override had a {region} placeholder: this endpoint serves this region only. */
  readonly perRegion?: true;
}

/** The placeholder an override may contain, replaced by the region id of each call. */
export const REGION_PLACEHOLDER = '{region}';

/** ECS regions whose published endpoint is not ecs.<region>.aliyuncs.com (api-meta/ecs.json). */
const ECS_ENDPOINT_EXCEPTIONS: Readonly<Record<string, string>> = {
  'cn-hangzhou': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-hangzhou-finance': 'ecs.aliyuncs.com',
  'cn-shanghai-finance-1': 'ecs-cn-hangzhou.aliyuncs.com',
  'cn-shenzhen-finance-1': 'ecs-cn-hangzhou.aliyuncs.com',
};

export const DEFAULT_REGION = 'cn-hangzhou';

const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

export function defaultEndpoint(product: CloudProduct, regionId: string, kmsVpc = false): string {
  if ((product === 'ecs' || product === 'kms') && !REGION_PATTERN.test(regionId)) {
    throw new Error(`Not a region id: ${JSON.stringify(regionId)} (expected e.g. cn-hangzhou).`);
  }
  switch (product) {
    case 'ecs':
      return Object.hasOwn(ECS_ENDPOINT_EXCEPTIONS, regionId) ? ECS_ENDPOINT_EXCEPTIONS[regionId] : `ecs.${regionId}.aliyuncs.com`;
    case 'ram':
      return 'ram.aliyuncs.com';
    case 'sts':
      return 'sts.aliyuncs.com';
    case 'kms':
      return kmsVpc ? `kms-vpc.${regionId}.aliyuncs.com` : `kms.${regionId}.aliyuncs.com`;
  }
}

/**
 * Parses an override such as `http://127.0.0.1:1234`, `kms.example.internal` (https assumed) or
 * `https://kms.{region}.example.internal` ({region} becomes `regionId`).
 */
export function parseEndpointOverride(product: CloudProduct, value: string, regionId?: string): ResolvedEndpoint {
  const templated = value.includes(REGION_PLACEHOLDER);
  if (templated && (regionId === undefined || !REGION_PATTERN.test(regionId))) {
    throw new Error(`alicloudKms.endpoints.${product} has ${REGION_PLACEHOLDER} but the call names no valid region: ${JSON.stringify(regionId)}`);
  }
  const text = (templated ? value.split(REGION_PLACEHOLDER).join(regionId) : value).trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`alicloudKms.endpoints.${product} is not a valid URL or host: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`alicloudKms.endpoints.${product} must use http:// or https://, not ${url.protocol}`);
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new Error(`alicloudKms.endpoints.${product} must not have a path (${url.pathname}): the APIs are served at /`);
  }
  const resolved = { endpoint: url.host, protocol: url.protocol === 'http:' ? 'http' as const : 'https' as const, overridden: true };
  return templated ? { ...resolved, perRegion: true } : resolved;
}

export function resolveEndpoint(product: CloudProduct, regionId: string, settings: CloudSettings): ResolvedEndpoint {
  const override = settings.endpoints?.[product];
  if (override && override.trim() !== '') return parseEndpointOverride(product, override, regionId);
  return { endpoint: defaultEndpoint(product, regionId, settings.kmsVpcEndpoint === true), protocol: 'https', overridden: false };
}
