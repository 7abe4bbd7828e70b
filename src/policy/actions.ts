// The RAM actions this extension reasons about, per product. Not every action of every product: the
// ones that matter for instance RAM roles and KMS access. Used for completion (schema), the "unknown
// action" check (only for these four products) and for "which KMS actions does this policy grant".

export const KMS_ACTIONS = [
  // Cryptographic operations
  'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:GenerateAndExportDataKey',
  'kms:ExportDataKey', 'kms:ReEncrypt', 'kms:AsymmetricEncrypt', 'kms:AsymmetricDecrypt', 'kms:AsymmetricSign',
  'kms:AsymmetricVerify', 'kms:GetPublicKey',
  // Keys
  'kms:CreateKey', 'kms:DescribeKey', 'kms:ListKeys', 'kms:UpdateKeyDescription', 'kms:EnableKey', 'kms:DisableKey',
  'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:GetParametersForImport', 'kms:ImportKeyMaterial',
  'kms:DeleteKeyMaterial', 'kms:CreateKeyVersion', 'kms:DescribeKeyVersion', 'kms:ListKeyVersions',
  'kms:UpdateRotationPolicy', 'kms:SetDeletionProtection', 'kms:GetKeyPolicy', 'kms:SetKeyPolicy',
  // Aliases
  'kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias', 'kms:ListAliases', 'kms:ListAliasesByKeyId',
  // Secrets
  'kms:CreateSecret', 'kms:GetSecretValue', 'kms:PutSecretValue', 'kms:DescribeSecret', 'kms:ListSecrets',
  'kms:ListSecretVersionIds', 'kms:UpdateSecret', 'kms:UpdateSecretVersionStage', 'kms:DeleteSecret',
  'kms:RestoreSecret', 'kms:RotateSecret', 'kms:UpdateSecretRotationPolicy', 'kms:GetRandomPassword',
  'kms:GetSecretPolicy', 'kms:SetSecretPolicy',
  // Tags, instances and the rest
  'kms:TagResource', 'kms:UntagResource', 'kms:TagResources', 'kms:UntagResources', 'kms:ListResourceTags',
  'kms:ListTagResources', 'kms:DescribeRegions', 'kms:DescribeService', 'kms:ListKmsInstances',
  'kms:GetKmsInstance', 'kms:CreateApplicationAccessPoint', 'kms:CreateClientKey', 'kms:CreateNetworkRule',
  'kms:CreatePolicy',
] as const;

/** The KMS actions the "Grant KMS access" flow and the key->roles view are about. */
export const KMS_CRYPTO_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'] as const;
export const KMS_SECRET_READ_ACTION = 'kms:GetSecretValue';

export const ECS_ACTIONS = [
  'ecs:DescribeInstances', 'ecs:DescribeInstanceAttribute', 'ecs:DescribeInstanceRamRole', 'ecs:AttachInstanceRamRole',
  'ecs:DetachInstanceRamRole', 'ecs:RunInstances', 'ecs:CreateInstance', 'ecs:StartInstance', 'ecs:StopInstance',
  'ecs:RebootInstance', 'ecs:DeleteInstance', 'ecs:DeleteInstances', 'ecs:DescribeRegions', 'ecs:DescribeZones',
  'ecs:DescribeImages', 'ecs:DescribeInstanceTypes', 'ecs:DescribeAvailableResource', 'ecs:DescribeSecurityGroups',
  'ecs:DescribeKeyPairs', 'ecs:DescribeVSwitches', 'ecs:DescribeVpcs', 'ecs:ModifyInstanceAttribute',
  'ecs:ModifyInstanceMetadataOptions', 'ecs:DescribeTags', 'ecs:TagResources', 'ecs:UntagResources',
] as const;

export const RAM_ACTIONS = [
  'ram:CreateRole', 'ram:GetRole', 'ram:ListRoles', 'ram:UpdateRole', 'ram:DeleteRole', 'ram:PassRole',
  'ram:CreatePolicy', 'ram:GetPolicy', 'ram:GetPolicyVersion', 'ram:ListPolicies', 'ram:DeletePolicy',
  'ram:CreatePolicyVersion', 'ram:ListPolicyVersions', 'ram:DeletePolicyVersion', 'ram:SetDefaultPolicyVersion',
  'ram:AttachPolicyToRole', 'ram:DetachPolicyFromRole', 'ram:ListPoliciesForRole', 'ram:ListEntitiesForPolicy',
  'ram:AttachPolicyToUser', 'ram:DetachPolicyFromUser', 'ram:ListPoliciesForUser', 'ram:GetUser', 'ram:ListUsers',
  'ram:CreateUser', 'ram:DeleteUser', 'ram:CreateAccessKey', 'ram:DeleteAccessKey', 'ram:ListAccessKeys',
  'ram:GetAccountAlias', 'ram:CreateServiceLinkedRole', 'ram:DeleteServiceLinkedRole',
] as const;

export const STS_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithOIDC', 'sts:GetCallerIdentity'] as const;

export const KNOWN_ACTIONS: readonly string[] = [...KMS_ACTIONS, ...ECS_ACTIONS, ...RAM_ACTIONS, ...STS_ACTIONS];

/** Products whose action lists above are complete enough to call an action outside them "unknown". */
export const CHECKED_PRODUCTS: readonly string[] = ['kms', 'ram', 'sts'];

const byLower = new Map(KNOWN_ACTIONS.map((a) => [a.toLowerCase(), a]));

/** The canonical spelling of a known action (`KMS:decrypt` -> `kms:Decrypt`), undefined when unknown. */
export function canonicalAction(action: string): string | undefined {
  return byLower.get(action.toLowerCase());
}
