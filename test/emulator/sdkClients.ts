// Real @alicloud/* SDK clients pointed at an emulator, for the emulator's own integration tests
// (the extension builds its clients in src/cloud; this file is test tooling, not product code).
import EcsClient from '@alicloud/ecs20140526';
import RamClient from '@alicloud/ram20150501';
import StsClient from '@alicloud/sts20150401';
import KmsClient from '@alicloud/kms20160120';
import { Config as RpcConfig } from '@alicloud/rpc-client';
import { $OpenApiUtil } from '@alicloud/openapi-core';

export interface Credential { accessKeyId: string; accessKeySecret: string; securityToken?: string }

function openApiConfig(api: string, cred: Credential) {
  return new $OpenApiUtil.Config({
    accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret, securityToken: cred.securityToken,
    endpoint: new URL(api).host, protocol: 'http', regionId: 'cn-hangzhou',
  });
}

export function clients(api: string, cred: Credential) {
  return {
    ecs: new EcsClient(openApiConfig(api, cred)),
    ram: new RamClient(openApiConfig(api, cred)),
    sts: new StsClient(openApiConfig(api, cred)),
    kms: new KmsClient(new RpcConfig({
      accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret, securityToken: cred.securityToken,
      endpoint: new URL(api).host, protocol: 'http', regionId: 'cn-hangzhou',
    })),
  };
}

/** The error code the SDKs report: openapi-core gives `code`, the KMS RPC client `<Code>Error`. */
export function codeOf(e: unknown): string {
  const err = e as { code?: string; data?: { Code?: string } };
  return err.data?.Code ?? err.code ?? String(e);
}
