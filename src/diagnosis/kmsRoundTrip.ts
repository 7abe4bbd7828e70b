// Encrypt → Decrypt → compare with one KmsService, timing each call. Pure (no vscode). The result
// carries no plaintext and no ciphertext: only what the report may show.
import { CloudError, isCloudError, type CallOptions, type KmsService } from '../cloud/types';

/** Anything a call threw as a CloudError (the services already throw one; anything else is wrapped so reports stay uniform). */
function normalizeCallError(error: unknown, apiAction: string): CloudError {
  if (isCloudError(error)) return error;
  return new CloudError({ code: 'Error', message: error instanceof Error ? error.message : String(error), apiAction });
}

export interface TimedCall {
  readonly api: 'Encrypt' | 'Decrypt' | 'GetSecretValue';
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly requestId?: string;
  readonly keyId?: string;
  readonly keyVersionId?: string;
  readonly error?: CloudError;
}

export interface RoundTripResult {
  readonly regionId: string;
  readonly endpoint: string;
  readonly protocol: 'https' | 'http';
  readonly calls: readonly TimedCall[];
  /** Set when both calls succeeded: did Decrypt give back exactly the plaintext? */
  readonly matches?: boolean;
  /** The first failed call. */
  readonly failed?: TimedCall;
}

/** KMS's Plaintext encoding: Base64 of the UTF-8 bytes (any text, including non-ASCII, survives it). */
export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function fromBase64(encoded: string): string {
  return Buffer.from(encoded, 'base64').toString('utf8');
}

export interface RoundTripInput {
  readonly keyId: string;
  /** The user's text (sent as Base64 of its UTF-8 bytes). Never logged, never in the result. */
  readonly plaintext: string;
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

export async function encryptRoundTrip(
  kms: KmsService,
  input: RoundTripInput,
  options: CallOptions = {},
  clock: () => number = () => performance.now(),
): Promise<RoundTripResult> {
  const base = { regionId: kms.regionId, endpoint: kms.endpoint, protocol: kms.protocol };
  // Encrypt.Plaintext is documented as Base64 (../shared/api-meta): the UTF-8 bytes of the text, encoded;
  // Decrypt gives back what was encrypted, so the round trip holds when it returns the same Base64.
  const sent = toBase64(input.plaintext);
  let started = clock();
  let ciphertextBlob: string;
  const calls: TimedCall[] = [];
  try {
    const encrypted = await kms.encrypt({ keyId: input.keyId, plaintext: sent, encryptionContext: input.encryptionContext }, options);
    calls.push({ api: 'Encrypt', ok: true, latencyMs: clock() - started, requestId: encrypted.requestId, keyId: encrypted.keyId, keyVersionId: encrypted.keyVersionId });
    ciphertextBlob = encrypted.ciphertextBlob;
  } catch (error) {
    const failed: TimedCall = { api: 'Encrypt', ok: false, latencyMs: clock() - started, error: normalizeCallError(error, 'Encrypt') };
    return { ...base, calls: [failed], failed };
  }
  started = clock();
  try {
    const decrypted = await kms.decrypt({ ciphertextBlob, encryptionContext: input.encryptionContext }, options);
    calls.push({ api: 'Decrypt', ok: true, latencyMs: clock() - started, requestId: decrypted.requestId, keyId: decrypted.keyId, keyVersionId: decrypted.keyVersionId });
    return { ...base, calls, matches: decrypted.plaintext === sent && fromBase64(decrypted.plaintext) === input.plaintext };
  } catch (error) {
    const failed: TimedCall = { api: 'Decrypt', ok: false, latencyMs: clock() - started, error: normalizeCallError(error, 'Decrypt') };
    return { ...base, calls: [...calls, failed], failed };
  }
}

export interface SecretReadResult {
  readonly regionId: string;
  readonly endpoint: string;
  readonly call: TimedCall;
  readonly secretName: string;
  readonly versionId?: string;
  readonly versionStages: readonly string[];
  readonly secretType?: string;
  readonly secretDataType?: string;
  /** The value's length; the value itself is returned separately and never goes into a report. */
  readonly valueLength?: number;
}

export async function readSecretValue(
  kms: KmsService,
  secretName: string,
  options: CallOptions = {},
  clock: () => number = () => performance.now(),
): Promise<{ result: SecretReadResult; value?: string }> {
  const started = clock();
  const base = { regionId: kms.regionId, endpoint: kms.endpoint, secretName, versionStages: [] as readonly string[] };
  try {
    const secret = await kms.getSecretValue(secretName, {}, options);
    return {
      result: {
        ...base,
        call: { api: 'GetSecretValue', ok: true, latencyMs: clock() - started, requestId: secret.requestId },
        versionId: secret.versionId, versionStages: secret.versionStages, secretType: secret.secretType, secretDataType: secret.secretDataType,
        valueLength: secret.secretData.length,
      },
      value: secret.secretData,
    };
  } catch (error) {
    return { result: { ...base, call: { api: 'GetSecretValue', ok: false, latencyMs: clock() - started, error: normalizeCallError(error, 'GetSecretValue') } } };
  }
}
