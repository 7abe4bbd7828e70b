// Calls one action of the emulator with the real SDKs' signers and returns the raw JSON body:
// openapi-core's callApi (ACS3-HMAC-SHA256) for ECS, RAM and STS, and the KMS RPC client's own
// doRequest (HMAC-SHA1 v1), the exact code path of the extension's KMS client. Neither goes
// through a typed model, which would silently drop fields the schema does not know.
import type { Product } from './apiMeta';
import { productMeta } from './apiMeta';

export interface Credential { accessKeyId: string; accessKeySecret: string; securityToken?: string }
export interface RawAnswer { status: number; body: Record<string, unknown> }

type RawClient = (action: string, params: Record<string, string>) => Promise<RawAnswer>;

function openApiClient(api: string, cred: Credential, version: string): RawClient {
  const core = require('@alicloud/openapi-core') as typeof import('@alicloud/openapi-core');
  const { $OpenApiUtil } = core;
  const client = new core.default(new $OpenApiUtil.Config({
    accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret, securityToken: cred.securityToken,
    endpoint: new URL(api).host, protocol: 'http', regionId: 'cn-hangzhou',
  }));
  return async (action, params) => {
    const call = new $OpenApiUtil.Params({
      action, version, protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
    });
    try {
      const answer = await client.callApi(call, new $OpenApiUtil.OpenApiRequest({ query: params }), {} as never);
      return { status: answer.statusCode as number, body: answer.body as Record<string, unknown> };
    } catch (e) {
      const err = e as { statusCode?: number; data?: Record<string, unknown> };
      if (err.statusCode === undefined || !err.data) throw e;
      return { status: err.statusCode, body: err.data };
    }
  };
}

function kmsRpcClient(api: string, cred: Credential, version: string): RawClient {
  const { Config } = require('@alicloud/rpc-client') as typeof import('@alicloud/rpc-client');
  const Kms = require('@alicloud/kms20160120').default as typeof import('@alicloud/kms20160120').default;
  const client = new Kms(new Config({
    accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret, securityToken: cred.securityToken,
    endpoint: new URL(api).host, protocol: 'http', regionId: 'cn-hangzhou',
  }));
  return async (action, params) => {
    try {
      const body = await client.doRequest(action, 'HTTP', 'POST', version, 'AK', params, null as never, {} as never);
      return { status: 200, body: body as Record<string, unknown> };
    } catch (e) {
      const err = e as { message?: string; data?: Record<string, unknown> };
      const status = /code: (\d{3})/.exec(err.message ?? '');
      if (!status || !err.data) throw e;
      return { status: Number(status[1]), body: err.data };
    }
  };
}

/** One raw client per product for a credential. */
export function rawClient(api: string, cred: Credential, product: Product): RawClient {
  const version = productMeta(product).version;
  return product === 'kms' ? kmsRpcClient(api, cred, version) : openApiClient(api, cred, version);
}
