import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultEndpoint, parseEndpointOverride, resolveEndpoint } from '../../src/cloud/endpoints';

test('default public endpoints per product and region', () => {
  assert.equal(defaultEndpoint('ecs', 'cn-hangzhou'), 'ecs-cn-hangzhou.aliyuncs.com');
  assert.equal(defaultEndpoint('ecs', 'cn-shanghai'), 'ecs.cn-shanghai.aliyuncs.com');
  assert.equal(defaultEndpoint('ecs', 'ap-southeast-1'), 'ecs.ap-southeast-1.aliyuncs.com');
  assert.equal(defaultEndpoint('ram', 'cn-beijing'), 'ram.aliyuncs.com');
  assert.equal(defaultEndpoint('sts', 'cn-beijing'), 'sts.aliyuncs.com');
  assert.equal(defaultEndpoint('kms', 'cn-hangzhou'), 'kms.cn-hangzhou.aliyuncs.com');
  assert.equal(defaultEndpoint('kms', 'cn-hangzhou', true), 'kms-vpc.cn-hangzhou.aliyuncs.com');
  assert.throws(() => defaultEndpoint('kms', 'Hangzhou'), /Not a region id/);
});

test('overrides: the scheme decides the protocol, host:port the endpoint', () => {
  assert.deepEqual(parseEndpointOverride('ecs', 'http://127.0.0.1:1234'), { endpoint: '127.0.0.1:1234', protocol: 'http', overridden: true });
  assert.deepEqual(parseEndpointOverride('kms', 'https://kms.example.internal/'), { endpoint: 'kms.example.internal', protocol: 'https', overridden: true });
  assert.deepEqual(parseEndpointOverride('kms', 'kms-proxy.local:8443'), { endpoint: 'kms-proxy.local:8443', protocol: 'https', overridden: true });
  assert.throws(() => parseEndpointOverride('ram', 'ftp://x'), /http:\/\/ or https:\/\//);
  assert.throws(() => parseEndpointOverride('ram', 'http://x/api'), /must not have a path/);
  assert.throws(() => parseEndpointOverride('ram', 'http://'), /not a valid URL/);
});

test('resolveEndpoint applies only the product\'s own override and the VPC choice for KMS', () => {
  const settings = { endpoints: { ecs: 'http://127.0.0.1:9' }, kmsVpcEndpoint: true };
  assert.equal(resolveEndpoint('ecs', 'cn-beijing', settings).endpoint, '127.0.0.1:9');
  assert.deepEqual(resolveEndpoint('kms', 'cn-beijing', settings), { endpoint: 'kms-vpc.cn-beijing.aliyuncs.com', protocol: 'https', overridden: false });
  assert.equal(resolveEndpoint('ram', 'cn-beijing', { endpoints: { ram: '  ' } }).endpoint, 'ram.aliyuncs.com');
});

test('settings are read defensively', async () => {
  const { readCloudSettings } = await import('../../src/cloud/settings');
  const values: Record<string, unknown> = {
    endpoints: { ecs: ' http://127.0.0.1:1 ', kms: 42, bogus: 'x' },
    metadataEndpoint: '',
    fanOutConcurrency: 100,
    kmsVpcEndpoint: 'yes',
    imdsv1Disabled: true,
    defaultRegion: 'Hangzhou',
  };
  assert.deepEqual(readCloudSettings((k) => values[k]), {
    endpoints: { ecs: 'http://127.0.0.1:1' },
    metadataEndpoint: undefined,
    kmsVpcEndpoint: false,
    imdsv1Disabled: true,
    fanOutConcurrency: 32,
    defaultRegion: undefined,
  });
});

test('every ECS and KMS endpoint Alibaba Cloud publishes is the default for its region', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  for (const product of ['ecs', 'kms'] as const) {
    const meta = JSON.parse(readFileSync(join(__dirname, '..', 'conformance', 'api-meta', `${product}.json`), 'utf8')) as { endpoints: { regionId: string; endpoint: string }[] };
    assert.ok(meta.endpoints.length > 20, `${product}: the published list`);
    for (const { regionId, endpoint } of meta.endpoints) assert.equal(defaultEndpoint(product, regionId), endpoint, `${product} ${regionId}`);
  }
});

test('an override with {region} gives each region its own endpoint; one without serves every region', () => {
  const settings = { endpoints: { kms: 'http://kms.{region}.localhost:8080', ecs: 'https://ecs-{region}.corp.example' } };
  assert.deepEqual(resolveEndpoint('kms', 'cn-shanghai', settings), { endpoint: 'kms.cn-shanghai.localhost:8080', protocol: 'http', overridden: true, perRegion: true });
  assert.equal(resolveEndpoint('kms', 'cn-beijing', settings).endpoint, 'kms.cn-beijing.localhost:8080');
  assert.equal(resolveEndpoint('ecs', 'ap-southeast-1', settings).endpoint, 'ecs-ap-southeast-1.corp.example');
  assert.equal(resolveEndpoint('kms', 'cn-beijing', { endpoints: { kms: 'http://127.0.0.1:9' } }).perRegion, undefined);
  assert.throws(() => resolveEndpoint('kms', 'Not A Region', settings), /names no valid region/);
});
