// KmsService over @alicloud/kms20160120 1.2.0: the older RPC client (signature v1), which returns the
// response body directly and needs its endpoint set. One service per region.
import { createKmsClient, type KmsClient } from './clients';
import type { CredentialSupplier } from './credentials/credentialSupplier';
import type { ResolvedEndpoint } from './endpoints';
import { invoke, type InvokeContext } from './invoke';
import { numberedPages } from './paging';
import { DONE, doneIf } from './readBack';
import { loadSdk } from './sdkLoader';
import type {
  CallOptions, DataKeyResult, DecryptResult, EncryptInput, EncryptResult, GenerateDataKeyInput, KmsAlias, KmsKey, KmsKeyRef,
  KmsSecret, KmsSecretSummary, KmsService, Paged, SecretValue,
} from './types';

const PAGE = 100;

/** KMS takes EncryptionContext as a JSON string. */
function context(value: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  return value && Object.keys(value).length > 0 ? (JSON.stringify(value) as unknown as Record<string, string>) : undefined;
}

export class KmsServiceImpl implements KmsService {
  readonly endpoint: string;
  readonly protocol: 'https' | 'http';
  private sdkClient: KmsClient | undefined;

  constructor(
    readonly regionId: string,
    private readonly resolved: ResolvedEndpoint,
    private readonly supplier: CredentialSupplier,
    private readonly invokeContext: InvokeContext,
  ) {
    this.endpoint = resolved.endpoint;
    this.protocol = resolved.protocol;
  }

  private get client(): KmsClient {
    this.sdkClient ??= createKmsClient(this.resolved, this.regionId, this.supplier);
    return this.sdkClient;
  }

  private get models() {
    return loadSdk().kms;
  }

  listKeys(options: CallOptions & { pageSize?: number } = {}): Paged<KmsKeyRef> {
    const pageSize = options.pageSize ?? PAGE;
    return numberedPages(async (pageNumber) => {
      const body = await invoke(this.invokeContext, 'ListKeys', () => this.client.listKeys(new this.models.ListKeysRequest({ pageNumber, pageSize })), options);
      return { items: (body?.keys?.key ?? []).map((k) => ({ keyId: k.keyId, keyArn: k.keyArn || undefined })), totalCount: body?.totalCount, pageSize };
    }, options.signal);
  }

  async enableKey(keyId: string, options: CallOptions = {}): Promise<void> {
    await invoke(this.invokeContext, 'EnableKey', async () => (await this.client.enableKey(new this.models.EnableKeyRequest({ keyId })), DONE), {
      ...options,
      verify: async () => doneIf((await this.describeKey(keyId, { signal: options.signal })).keyState === 'Enabled'),
    });
  }

  async describeKey(keyId: string, options: CallOptions = {}): Promise<KmsKey> {
    const body = await invoke(this.invokeContext, 'DescribeKey', () => this.client.describeKey(new this.models.DescribeKeyRequest({ keyId })), options);
    const m = body?.keyMetadata;
    return {
      keyId: m?.keyId ?? keyId,
      arn: m?.arn || undefined,
      keyState: m?.keyState ?? 'Unknown',
      keySpec: m?.keySpec || undefined,
      keyUsage: m?.keyUsage || undefined,
      protectionLevel: m?.protectionLevel || undefined,
      automaticRotation: m?.automaticRotation || undefined,
      lastRotationDate: m?.lastRotationDate || undefined,
      creationDate: m?.creationDate || undefined,
      description: m?.description || undefined,
      primaryKeyVersion: m?.primaryKeyVersion || undefined,
      deleteDate: m?.deleteDate || undefined,
    };
  }

  listAliases(options: CallOptions & { pageSize?: number } = {}): Paged<KmsAlias> {
    const pageSize = options.pageSize ?? PAGE;
    return numberedPages(async (pageNumber) => {
      const body = await invoke(this.invokeContext, 'ListAliases', () => this.client.listAliases(new this.models.ListAliasesRequest({ pageNumber, pageSize })), options);
      return { items: (body?.aliases?.alias ?? []).map(toAlias), totalCount: body?.totalCount, pageSize };
    }, options.signal);
  }

  async listAliasesByKeyId(keyId: string, options: CallOptions = {}): Promise<KmsAlias[]> {
    const out: KmsAlias[] = [];
    const pages = numberedPages(async (pageNumber) => {
      const body = await invoke(this.invokeContext, 'ListAliasesByKeyId', () =>
        this.client.listAliasesByKeyId(new this.models.ListAliasesByKeyIdRequest({ keyId, pageNumber, pageSize: PAGE })), options);
      return { items: (body?.aliases?.alias ?? []).map(toAlias), totalCount: body?.totalCount, pageSize: PAGE };
    }, options.signal);
    for await (const alias of pages) out.push(alias);
    return out;
  }

  async encrypt(input: EncryptInput, options: CallOptions = {}): Promise<EncryptResult> {
    const body = await invoke(this.invokeContext, 'Encrypt', () => this.client.encrypt(new this.models.EncryptRequest({
      keyId: input.keyId, plaintext: input.plaintext, encryptionContext: context(input.encryptionContext),
    })), options);
    return { ciphertextBlob: body.ciphertextBlob, keyId: body.keyId, keyVersionId: body.keyVersionId || undefined, requestId: body.requestId };
  }

  async decrypt(input: { ciphertextBlob: string; encryptionContext?: Readonly<Record<string, string>> }, options: CallOptions = {}): Promise<DecryptResult> {
    const body = await invoke(this.invokeContext, 'Decrypt', () => this.client.decrypt(new this.models.DecryptRequest({
      ciphertextBlob: input.ciphertextBlob, encryptionContext: context(input.encryptionContext),
    })), options);
    return { plaintext: body.plaintext, keyId: body.keyId, keyVersionId: body.keyVersionId || undefined, requestId: body.requestId };
  }

  async generateDataKey(input: GenerateDataKeyInput, options: CallOptions = {}): Promise<DataKeyResult> {
    const body = await invoke(this.invokeContext, 'GenerateDataKey', () => this.client.generateDataKey(new this.models.GenerateDataKeyRequest({
      keyId: input.keyId,
      keySpec: input.numberOfBytes ? undefined : input.keySpec ?? 'AES_256',
      numberOfBytes: input.numberOfBytes,
      encryptionContext: context(input.encryptionContext),
    })), options);
    return { plaintext: body.plaintext, ciphertextBlob: body.ciphertextBlob, keyId: body.keyId, keyVersionId: body.keyVersionId || undefined, requestId: body.requestId };
  }

  listSecrets(options: CallOptions & { pageSize?: number } = {}): Paged<KmsSecretSummary> {
    const pageSize = options.pageSize ?? PAGE;
    return numberedPages(async (pageNumber) => {
      const body = await invoke(this.invokeContext, 'ListSecrets', () => this.client.listSecrets(new this.models.ListSecretsRequest({ pageNumber, pageSize })), options);
      const items = (body?.secretList?.secret ?? []).map((s) => ({
        secretName: s.secretName,
        secretType: (s as { secretType?: string }).secretType || undefined,
        createTime: s.createTime || undefined,
        updateTime: s.updateTime || undefined,
        plannedDeleteTime: s.plannedDeleteTime || undefined,
      }));
      return { items, totalCount: body?.totalCount, pageSize };
    }, options.signal);
  }

  async describeSecret(secretName: string, options: CallOptions = {}): Promise<KmsSecret> {
    const body = await invoke(this.invokeContext, 'DescribeSecret', () => this.client.describeSecret(new this.models.DescribeSecretRequest({ secretName })), options);
    const extra = body as unknown as Record<string, string | undefined>;
    return {
      secretName: body.secretName ?? secretName,
      arn: body.arn || undefined,
      description: body.description || undefined,
      encryptionKeyId: body.encryptionKeyId || undefined,
      createTime: body.createTime || undefined,
      updateTime: body.updateTime || undefined,
      plannedDeleteTime: body.plannedDeleteTime || undefined,
      secretType: extra.secretType || undefined,
      automaticRotation: extra.automaticRotation || undefined,
      lastRotationDate: extra.lastRotationDate || undefined,
      nextRotationDate: extra.nextRotationDate || undefined,
      rotationInterval: extra.rotationInterval || undefined,
    };
  }

  async getSecretValue(secretName: string, query: { versionId?: string; versionStage?: string } = {}, options: CallOptions = {}): Promise<SecretValue> {
    const body = await invoke(this.invokeContext, 'GetSecretValue', () => this.client.getSecretValue(new this.models.GetSecretValueRequest({
      secretName, versionId: query.versionId, versionStage: query.versionStage,
    })), options);
    return {
      secretName: body.secretName ?? secretName,
      secretData: body.secretData,
      secretDataType: body.secretDataType || undefined,
      secretType: (body as unknown as { secretType?: string }).secretType || undefined,
      versionId: body.versionId || undefined,
      versionStages: body.versionStages?.versionStage ?? [],
      createTime: body.createTime || undefined,
      requestId: body.requestId,
    };
  }
}

function toAlias(a: { aliasName?: string; keyId?: string; aliasArn?: string }): KmsAlias {
  return { aliasName: a.aliasName ?? '', keyId: a.keyId ?? '', aliasArn: a.aliasArn || undefined };
}
