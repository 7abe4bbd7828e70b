// Where each product's requests go. Default: the public endpoint of the product and region;
// alicloudKms.endpoints overrides per product (the scheme decides the protocol, host:port the endpoint).
import type { CloudProduct, CloudSettings } from './types';

export interface ResolvedEndpoint {
  /** host[:port] as the SDKs want it. */
  readonly endpoint: string;
  readonly protocol: 'https' | 'http';
  /** True when it came from the endpoints setting. */
  readonly overridden: boolean;
}

export const DEFAULT_REGION = 'cn-hangzhou';

const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

export function defaultEndpoint(product: CloudProduct, regionId: string, kmsVpc = false): string {
  if ((product === 'ecs' || product === 'kms') && !REGION_PATTERN.test(regionId)) {
    throw new Error(`Not a region id: ${JSON.stringify(regionId)} (expected e.g. cn-hangzhou).`);
  }
  switch (product) {
    case 'ecs':
      return regionId === 'cn-hangzhou' ? 'ecs-cn-hangzhou.aliyuncs.com' : `ecs.${regionId}.aliyuncs.com`;
    case 'ram':
      return 'ram.aliyuncs.com';
    case 'sts':
      return 'sts.aliyuncs.com';
    case 'kms':
      return kmsVpc ? `kms-vpc.${regionId}.aliyuncs.com` : `kms.${regionId}.aliyuncs.com`;
  }
}

/** Parses an override such as `http://127.0.0.1:1234` or `kms.example.internal` (https assumed). */
export function parseEndpointOverride(product: CloudProduct, value: string): ResolvedEndpoint {
  const text = value.trim();
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
  return { endpoint: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https', overridden: true };
}

export function resolveEndpoint(product: CloudProduct, regionId: string, settings: CloudSettings): ResolvedEndpoint {
  const override = settings.endpoints?.[product];
  if (override && override.trim() !== '') return parseEndpointOverride(product, override);
  return { endpoint: defaultEndpoint(product, regionId, settings.kmsVpcEndpoint === true), protocol: 'https', overridden: false };
}
