// StsService over @alicloud/sts20150401 (openapi-core), and AssumeRole for RamRoleArn profiles.
import { createStsClient, type StsClient } from './clients';
import { CloudError } from './cloudError';
import type { AccessKeyCredential, CredentialSupplier } from './credentials/credentialSupplier';
import { invoke, type InvokeContext } from './invoke';
import { parseIsoSeconds } from './metadata/credentialJson';
import { loadSdk } from './sdkLoader';
import type { CallOptions, CallerIdentity, CloudSettings, StsService } from './types';

export class StsServiceImpl implements StsService {
  private sdkClient: StsClient | undefined;

  constructor(
    private readonly regionId: string,
    private readonly settings: CloudSettings,
    private readonly supplier: CredentialSupplier,
    private readonly context: InvokeContext,
  ) {}

  private get client(): StsClient {
    this.sdkClient ??= createStsClient(this.regionId, this.settings, this.supplier);
    return this.sdkClient;
  }

  async getCallerIdentity(options: CallOptions = {}): Promise<CallerIdentity> {
    const body = (await invoke(this.context, 'GetCallerIdentity', () => this.client.getCallerIdentity(), options)).body;
    return {
      accountId: body?.accountId ?? '',
      arn: body?.arn ?? '',
      identityType: body?.identityType ?? '',
      userId: body?.userId || undefined,
      principalId: body?.principalId || undefined,
      roleId: body?.roleId || undefined,
      requestId: body?.requestId,
    };
  }

  /** A temporary credential of `roleArn`, assumed with this service's credential. */
  async assumeRole(input: { roleArn: string; sessionName: string; durationSeconds?: number; externalId?: string; policy?: string }): Promise<AccessKeyCredential> {
    const request = new (loadSdk().sts.AssumeRoleRequest)({
      roleArn: input.roleArn,
      roleSessionName: input.sessionName,
      durationSeconds: input.durationSeconds ?? 3600,
      externalId: input.externalId,
      policy: input.policy,
    });
    const body = (await invoke(this.context, 'AssumeRole', () => this.client.assumeRole(request))).body;
    const c = body?.credentials;
    const expirationMs = c?.expiration ? parseIsoSeconds(c.expiration) ?? Date.parse(c.expiration) : undefined;
    if (!c?.accessKeyId || !c.accessKeySecret || !c.securityToken || expirationMs === undefined || Number.isNaN(expirationMs)) {
      throw new CloudError({ code: 'InvalidResponse', message: `AssumeRole of ${input.roleArn} returned an incomplete credential.`, requestId: body?.requestId });
    }
    return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken, expirationMs };
  }
}

export type { CredentialSupplier };
