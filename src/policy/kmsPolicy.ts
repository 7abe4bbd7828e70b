// KMS permission policies: the least-privilege custom policy for chosen keys and secrets, and the
// documents of the two system policies the Grant flow offers, as known facts the evaluator can use.
import { keyArn, secretArn } from './arn';
import { KMS_ACTIONS, KMS_CRYPTO_ACTIONS, KMS_SECRET_READ_ACTION } from './actions';
import { allowedActions, missingAccess, type AccessRequest } from './evaluator';
import type { PolicyDocument, PolicyStatement } from './policyDocument';
import { PolicyError, problem } from './problem';

export interface KeyRef { region: string; account: string; keyId: string }
export interface SecretRef { region: string; account: string; name: string }

export interface LeastPrivilegeOptions {
  keys?: readonly KeyRef[];
  secrets?: readonly SecretRef[];
  /**
   * Keys that encrypt the chosen secrets when they are customer keys: reading such a secret also needs
   * kms:Decrypt on its key, so these keys get kms:Decrypt only. Secrets under the KMS default key need nothing more.
   */
  secretEncryptionKeys?: readonly KeyRef[];
  /**
   * Adds kms:DescribeKey on the chosen keys. Off by default: Encrypt/Decrypt/GenerateDataKey do not need
   * it and application code on the instance has no use for key metadata. Turn it on for code (some
   * encryption SDK configurations) that checks a key's state or spec before using it.
   */
  includeDescribeKey?: boolean;
}

/**
 * The custom policy that lets a role do what "access KMS from ECS" needs and nothing more:
 * kms:Encrypt, kms:Decrypt and kms:GenerateDataKey (envelope encryption) on each chosen key, and
 * kms:GetSecretValue on each chosen secret. Aliases are not resources here: a call that names a key by
 * alias is authorized on the key the alias points to, so the key itself is what the policy lists.
 */
export function leastPrivilegeKmsPolicy(options: LeastPrivilegeOptions): PolicyDocument {
  const keys = dedupe((options.keys ?? []).map((k) => keyArn(k.region, k.account, k.keyId)));
  const secrets = dedupe((options.secrets ?? []).map((s) => secretArn(s.region, s.account, s.name)));
  const decryptOnly = dedupe((options.secretEncryptionKeys ?? []).map((k) => keyArn(k.region, k.account, k.keyId))).filter((k) => !keys.includes(k));
  if (keys.length === 0 && secrets.length === 0) {
    throw new PolicyError(problem('KmsPolicy.NothingChosen', 'Choose at least one key or secret to grant access to.'));
  }
  const Statement: PolicyStatement[] = [];
  if (keys.length > 0) {
    const Action: string[] = [...KMS_CRYPTO_ACTIONS];
    if (options.includeDescribeKey) Action.push('kms:DescribeKey');
    Statement.push({ Effect: 'Allow', Action, Resource: keys });
  }
  if (secrets.length > 0) Statement.push({ Effect: 'Allow', Action: [KMS_SECRET_READ_ACTION], Resource: secrets });
  if (decryptOnly.length > 0) Statement.push({ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: decryptOnly });
  return { Version: '1', Statement };
}

/** The access a least-privilege grant asks for, to check first whether the role already has it. */
export function leastPrivilegeRequests(options: LeastPrivilegeOptions): AccessRequest[] {
  const doc = leastPrivilegeKmsPolicy(options);
  return doc.Statement.flatMap((s) => (s.Action ?? []).flatMap((action) => (s.Resource ?? []).map((resource) => ({ action, resource }))));
}

/** True when the documents already allow everything the grant would give: the grant changes nothing. */
export function alreadyHasAccess(documents: readonly PolicyDocument[], options: LeastPrivilegeOptions): boolean {
  return missingAccess(documents, leastPrivilegeRequests(options)).length === 0;
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/** A system policy as a known fact: RAM's documents, copied here so the evaluator can reason offline. */
export interface SystemPolicy {
  name: string;
  description: string;
  document: PolicyDocument;
}

/** AliyunKMSFullAccess: every KMS action on every resource (what the product's source document attaches). */
export const ALIYUN_KMS_FULL_ACCESS: SystemPolicy = {
  name: 'AliyunKMSFullAccess',
  description: 'Full access to Key Management Service (KMS).',
  document: { Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:*'], Resource: ['*'] }] },
};

/**
 * AliyunKMSCryptoUserAccess: "access to the cryptographic APIs of KMS": read-only key metadata and the
 * cryptographic operations on every key, no key management and no secret values. System policies are
 * updated by Alibaba Cloud; this copy is what the extension reasons with, the live document (GetPolicy)
 * wins when the caller may read it.
 */
export const ALIYUN_KMS_CRYPTO_USER_ACCESS: SystemPolicy = {
  name: 'AliyunKMSCryptoUserAccess',
  description: 'Use KMS keys for cryptographic operations.',
  document: {
    Version: '1',
    Statement: [{
      Effect: 'Allow',
      Action: [
        'kms:List*', 'kms:Describe*',
        'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext',
        'kms:GenerateAndExportDataKey', 'kms:ExportDataKey', 'kms:ReEncrypt',
        'kms:AsymmetricEncrypt', 'kms:AsymmetricDecrypt', 'kms:AsymmetricSign', 'kms:AsymmetricVerify', 'kms:GetPublicKey',
        'kms:TagResource', 'kms:UntagResource',
      ],
      Resource: ['*'],
    }],
  },
};

/** AliyunKMSSecretAdminAccess: manage secrets (create, rotate, delete, read values). */
export const ALIYUN_KMS_SECRET_ADMIN_ACCESS: SystemPolicy = {
  name: 'AliyunKMSSecretAdminAccess',
  description: 'Full access to the secrets of KMS.',
  document: {
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: ['kms:*Secret*', 'kms:List*', 'kms:Describe*', 'kms:GetRandomPassword', 'kms:TagResource', 'kms:UntagResource'], Resource: ['*'] }],
  },
};

/** AliyunKMSSecretUserAccess: read secret values (and decrypt what protects them). */
export const ALIYUN_KMS_SECRET_USER_ACCESS: SystemPolicy = {
  name: 'AliyunKMSSecretUserAccess',
  description: 'Read the secret values of KMS.',
  document: {
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: ['kms:GetSecretValue', 'kms:DescribeSecret', 'kms:ListSecrets', 'kms:ListSecretVersionIds', 'kms:Decrypt'], Resource: ['*'] }],
  },
};

/** The KMS system policies known offline; the Grant flow offers the first two. */
export const KMS_SYSTEM_POLICIES: readonly SystemPolicy[] = [
  ALIYUN_KMS_FULL_ACCESS, ALIYUN_KMS_CRYPTO_USER_ACCESS, ALIYUN_KMS_SECRET_ADMIN_ACCESS, ALIYUN_KMS_SECRET_USER_ACCESS,
];

/** The known document of a KMS system policy by name (case-insensitive), undefined for others. */
export function systemPolicyDocument(name: string): PolicyDocument | undefined {
  return KMS_SYSTEM_POLICIES.find((p) => p.name.toLowerCase() === name.toLowerCase())?.document;
}

/** The KMS actions (from the known list) a system policy grants on every resource. */
export function kmsActionsGrantedBy(document: PolicyDocument): string[] {
  return allowedActions([document], KMS_ACTIONS, '*');
}
