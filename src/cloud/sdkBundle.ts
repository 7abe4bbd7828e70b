// The ONLY file that imports the @alicloud/* SDKs. esbuild turns it into dist/sdk.js, which
// sdkLoader.ts requires on the first cloud call, so activating the extension loads none of it.
export { default as EcsClient } from '@alicloud/ecs20140526';
export * as ecs from '@alicloud/ecs20140526';
export { default as RamClient } from '@alicloud/ram20150501';
export * as ram from '@alicloud/ram20150501';
export { default as StsClient } from '@alicloud/sts20150401';
export * as sts from '@alicloud/sts20150401';
export { default as KmsClient } from '@alicloud/kms20160120';
export * as kms from '@alicloud/kms20160120';
export { $OpenApiUtil } from '@alicloud/openapi-core';
