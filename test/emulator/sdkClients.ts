// Real @alicloud/* SDK clients pointed at an emulator, for the emulator's own integration tests
// (the extension builds its clients in src/cloud; this file is test tooling, not product code).
// Each SDK is required on first use: loading one costs about a second here, so a test file
// pays only for the products it calls.
import type EcsClient from '@alicloud/ecs20140526';
import type RamClient from '@alicloud/ram20150501';
import type StsClient from '@alicloud/sts20150401';
import type KmsClient from '@alicloud/kms20160120';

export interface Credential { accessKeyId: string; accessKeySecret: string; securityToken?: string }

function openApiConfig(api: string, cred: Credential) {
  const { $OpenApiUtil } = require('@alicloud/openapi-core') as typeof import('@alicloud/openapi-core');
  return new $OpenApiUtil.Config({
    accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret, securityToken: cred.securityToken,
    endpoint: new URL(api).host, protocol: 'http', regionId: 'cn-hangzhou',
  });
}

export function clients(api: string, cred: Credential): { readonly ecs: EcsClient; readonly ram: RamClient; readonly sts: StsClient; readonly kms: KmsClient } {
  const made: Partial<Record<'ecs' | 'ram' | 'sts' | 'kms', unknown>> = {};
  const once = <T>(name: 'ecs' | 'ram' | 'sts' | 'kms', make: () => T): T => (made[name] ??= make()) as T;
  return {
    get ecs() { return once('ecs', () => new (require('@alicloud/ecs20140526').default as typeof EcsClient)(openApiConfig(api, cred))); },
    get ram() { return once('ram', () => new (require('@alicloud/ram20150501').default as typeof RamClient)(openApiConfig(api, cred))); },
    get sts() { return once('sts', () => new (require('@alicloud/sts20150401').default as typeof StsClient)(openApiConfig(api, cred))); },
    get kms() {
      return once('kms', () => {
        const { Config } = require('@alicloud/rpc-client') as typeof import('@alicloud/rpc-client');
        return new (require('@alicloud/kms20160120').default as typeof KmsClient)(new Config({
          accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret, securityToken: cred.securityToken,
          endpoint: new URL(api).host, protocol: 'http', regionId: 'cn-hangzhou',
        }));
      });
    },
  };
}

/** The error code the SDKs report: openapi-core gives `code`, the KMS RPC client `<Code>Error`. */
export function codeOf(e: unknown): string {
  const err = e as { code?: string; data?: { Code?: string } };
  return err.data?.Code ?? err.code ?? String(e);
}
