// KmsService: keys, aliases, cryptography, secrets (one service per region's endpoint).
import type { CallOptions } from './host';
import type { Paged } from './paging';

export interface KmsKeyRef {
  readonly keyId: string;
  readonly keyArn?: string;
}

export interface KmsKey {
  readonly keyId: string;
  readonly arn?: string;
  /** Enabled, Disabled, PendingDeletion, PendingImport. */
  readonly keyState: string;
  readonly keySpec?: string;
  readonly keyUsage?: string;
  /** SOFTWARE or HSM. */
  readonly protectionLevel?: string;
  /** Enabled, Disabled, Suspended. */
  readonly automaticRotation?: string;
  readonly lastRotationDate?: string;
  readonly creationDate?: string;
  readonly description?: string;
  readonly primaryKeyVersion?: string;
  readonly deleteDate?: string;
}

export interface KmsAlias {
  readonly aliasName: string;
  readonly keyId: string;
  readonly aliasArn?: string;
}

export interface EncryptInput {
  /** Key id, alias (`alias/...`) or ARN. */
  readonly keyId: string;
  readonly plaintext: string;
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

export interface EncryptResult {
  readonly ciphertextBlob: string;
  readonly keyId: string;
  readonly keyVersionId?: string;
  readonly requestId?: string;
}

export interface DecryptResult {
  readonly plaintext: string;
  readonly keyId: string;
  readonly keyVersionId?: string;
  readonly requestId?: string;
}

export interface GenerateDataKeyInput {
  readonly keyId: string;
  readonly keySpec?: 'AES_256' | 'AES_128';
  readonly numberOfBytes?: number;
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

export interface DataKeyResult {
  /** The data key, base64. Never log it. */
  readonly plaintext: string;
  readonly ciphertextBlob: string;
  readonly keyId: string;
  readonly keyVersionId?: string;
  readonly requestId?: string;
}

export interface KmsSecretSummary {
  readonly secretName: string;
  readonly secretType?: string;
  readonly createTime?: string;
  readonly updateTime?: string;
  readonly plannedDeleteTime?: string;
}

export interface KmsSecret extends KmsSecretSummary {
  readonly arn?: string;
  readonly description?: string;
  readonly encryptionKeyId?: string;
  readonly automaticRotation?: string;
  readonly lastRotationDate?: string;
  readonly nextRotationDate?: string;
  readonly rotationInterval?: string;
}

export interface SecretValue {
  readonly secretName: string;
  /** The value. Never log it; show masked unless the user asks. */
  readonly secretData: string;
  readonly secretDataType?: string;
  readonly secretType?: string;
  readonly versionId?: string;
  readonly versionStages: readonly string[];
  readonly createTime?: string;
  readonly requestId?: string;
}

export interface KmsService {
  readonly regionId: string;
  /** The endpoint calls go to (host[:port]), for "which endpoint was used" reports. */
  readonly endpoint: string;
  readonly protocol: 'https' | 'http';
  listKeys(options?: CallOptions & { pageSize?: number }): Paged<KmsKeyRef>;
  describeKey(keyId: string, options?: CallOptions): Promise<KmsKey>;
  /** EnableKey: the repair for a disabled key (a key pending deletion must be restored first). */
  enableKey(keyId: string, options?: CallOptions): Promise<void>;
  listAliases(options?: CallOptions & { pageSize?: number }): Paged<KmsAlias>;
  listAliasesByKeyId(keyId: string, options?: CallOptions): Promise<KmsAlias[]>;
  encrypt(input: EncryptInput, options?: CallOptions): Promise<EncryptResult>;
  decrypt(
    input: { ciphertextBlob: string; encryptionContext?: Readonly<Record<string, string>> },
    options?: CallOptions,
  ): Promise<DecryptResult>;
  generateDataKey(input: GenerateDataKeyInput, options?: CallOptions): Promise<DataKeyResult>;
  listSecrets(options?: CallOptions & { pageSize?: number }): Paged<KmsSecretSummary>;
  describeSecret(secretName: string, options?: CallOptions): Promise<KmsSecret>;
  getSecretValue(
    secretName: string,
    query?: { versionId?: string; versionStage?: string },
    options?: CallOptions,
  ): Promise<SecretValue>;
}
