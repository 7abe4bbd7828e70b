// Alibaba Cloud's system policies that the project meets, with their documents. The KMS and RAM
// ones are the published documents; ReadOnlyAccess is abridged to the products emulated here
// (the real one lists every product), keeping its meaning: read, never decrypt or read secrets.
import type { Policy } from './state';
import { MORE_SYSTEM_POLICIES } from './scenarios/moreSystemPolicies';

const doc = (statements: object[]): string => JSON.stringify({ Version: '1', Statement: statements });
const allow = (Action: string | string[], Resource: string | string[] = '*') => ({ Effect: 'Allow', Action, Resource });

const DOCUMENTS: Record<string, [string, string]> = {
  AdministratorAccess: ['Provides full access to Alibaba Cloud services and resources.', doc([allow('*')])],
  ReadOnlyAccess: ['Provides read-only access to all Alibaba Cloud resources.', doc([
    allow(['ecs:Describe*', 'ecs:List*', 'vpc:Describe*', 'ram:Get*', 'ram:List*', 'kms:Describe*', 'kms:List*', 'kms:GetPublicKey', 'sts:GetCallerIdentity']),
  ])],
  AliyunECSFullAccess: ['Provides full access to Elastic Compute Service(ECS) via Management Console.', doc([
    allow('ecs:*'),
    allow(['vpc:DescribeVpcs', 'vpc:DescribeVSwitches']),
  ])],
  AliyunRAMFullAccess: ['Provides full access to Resource Access Management(RAM).', doc([allow('ram:*')])],
  AliyunRAMReadOnlyAccess: ['Provides read-only access to Resource Access Management(RAM).', doc([allow(['ram:Get*', 'ram:List*'])])],
  AliyunKMSFullAccess: ['Provides full access to Key Management Service(KMS).', doc([allow('kms:*')])],
  AliyunKMSCryptoUserAccess: ['Provides access to use the KMS keys for cryptographic operations.', doc([allow([
    'kms:List*', 'kms:Describe*', 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext',
    'kms:GenerateAndExportDataKey', 'kms:ExportDataKey', 'kms:ReEncrypt', 'kms:AsymmetricEncrypt', 'kms:AsymmetricDecrypt',
    'kms:AsymmetricSign', 'kms:AsymmetricVerify', 'kms:GetPublicKey', 'kms:TagResource', 'kms:UntagResource',
  ])])],
  AliyunKMSSecretAdminAccess: ['Provides full access to the secrets of Key Management Service(KMS).', doc([allow([
    'kms:*Secret*', 'kms:List*', 'kms:Describe*', 'kms:GetRandomPassword', 'kms:TagResource', 'kms:UntagResource',
  ])])],
  AliyunKMSSecretUserAccess: ['Provides access to read the secret values of Key Management Service(KMS).', doc([allow([
    'kms:GetSecretValue', 'kms:DescribeSecret', 'kms:ListSecrets', 'kms:ListSecretVersionIds', 'kms:Decrypt',
  ])])],
  AliyunSTSAssumeRoleAccess: ['Provides access to assume RAM roles through STS.', doc([allow('sts:AssumeRole')])],
};

const CREATED = '2015-04-28T16:00:00Z';

export const systemPolicies: ReadonlyMap<string, Policy> = new Map(
  Object.entries({ ...DOCUMENTS, ...MORE_SYSTEM_POLICIES }).map(([name, [description, document]]) => [name, {
    name, type: 'System', description, defaultVersion: 'v1', createDate: CREATED, updateDate: CREATED,
    versions: [{ id: 'v1', document, createDate: CREATED }],
  } satisfies Policy]),
);
