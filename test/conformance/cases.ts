// The calls the conformance test makes: for every action the emulator implements, the success
// path and each error path it has, against the demo scenario (run in this order: later cases
// rely on what earlier ones created). `as` names the caller; the default is the administrator.
import type { Product } from './apiMeta';

export interface Case {
  product: Product;
  action: string;
  params: Record<string, string>;
  /** 'ok', or the error code the emulator answers. */
  expect: string;
  as?: 'developer' | 'auditor';
  /** Per-item codes in a 200 answer (ECS Attach/DetachInstanceRamRole results). */
  items?: string[];
  /** Parameters taken from an earlier answer: parameter name → "Action.Field". */
  use?: Record<string, string>;
}

const R = { RegionId: 'cn-hangzhou' };
const WEB1 = 'i-bp1demo0000000000001';
const WEB2 = 'i-bp1demo0000000000002';
const CLASSIC = 'i-bp1demo0000000000004';
const KEY = 'key-hzzdemo0000000000001';
const ALINUX3 = 'aliyun_3_x64_20G_alibase_20240819.vhd';
const ids = (...x: string[]) => JSON.stringify(x);
const doc = (action: string) => JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const trust = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } }] });

const ok = (product: Product, action: string, params: Record<string, string> = {}, extra: Partial<Case> = {}): Case => ({ product, action, params, expect: 'ok', ...extra });
const err = (product: Product, action: string, params: Record<string, string>, expect: string, extra: Partial<Case> = {}): Case => ({ product, action, params, expect, ...extra });

export const ECS_CASES: Case[] = [
  ok('ecs', 'DescribeRegions'),
  ok('ecs', 'DescribeInstances', { ...R, PageSize: '2' }),
  ok('ecs', 'DescribeInstances', { ...R, MaxResults: '2' }),
  err('ecs', 'DescribeInstances', { RegionId: 'xx-nowhere-1' }, 'InvalidRegionId.NotFound'),
  err('ecs', 'DescribeInstances', { ...R, PageSize: '1000' }, 'InvalidParameter'),
  err('ecs', 'DescribeInstances', { ...R, NextToken: 'bogus' }, 'InvalidParameter.NextToken'),
  err('ecs', 'DescribeInstances', { ...R, InstanceIds: 'not-json' }, 'InvalidInstanceIds.Malformed'),
  ok('ecs', 'DescribeInstanceRamRole', { ...R, InstanceIds: ids(WEB1, WEB2) }),
  ok('ecs', 'DescribeInstanceRamRole', { ...R, RamRoleName: 'EcsKmsAccessRole' }),
  err('ecs', 'DescribeInstanceRamRole', { ...R, InstanceIds: ids('i-bp1nosuchinstance000') }, 'InvalidInstanceId.NotFound'),
  err('ecs', 'DescribeInstanceRamRole', { ...R }, 'InvalidParameter.AllEmpty'),
  err('ecs', 'DescribeInstanceRamRole', { ...R, InstanceIds: '[' }, 'InvalidInstanceIds.Malformed'),
  ok('ecs', 'AttachInstanceRamRole', { ...R, RamRoleName: 'EcsNoPermissionRole', InstanceIds: ids(WEB2) }, { items: ['200'] }),
  ok('ecs', 'AttachInstanceRamRole', { ...R, RamRoleName: 'EcsNoPermissionRole', InstanceIds: ids(WEB1, CLASSIC, 'i-bp1nosuchinstance000') },
    { items: ['InvalidInstance.RamRoleExists', 'InvalidNetworkType.MismatchRamRole', 'InvalidInstanceId.NotFound'] }),
  err('ecs', 'AttachInstanceRamRole', { ...R, RamRoleName: 'EcsNoPermissionRole', InstanceIds: ids(WEB2) }, 'Forbidden.RAM', { as: 'auditor' }),
  err('ecs', 'AttachInstanceRamRole', { ...R, RamRoleName: 'NoSuchRole', InstanceIds: ids(WEB2) }, 'InvalidRamRole.NotFound'),
  err('ecs', 'AttachInstanceRamRole', { ...R, RamRoleName: 'OpsAdminRole', InstanceIds: ids(WEB2) }, 'InvalidRamRole.NotEcsRole'),
  err('ecs', 'AttachInstanceRamRole', { ...R, RamRoleName: 'EcsNoPermissionRole', InstanceIds: '[]' }, 'InvalidInstanceIds.Malformed'),
  err('ecs', 'AttachInstanceRamRole', { ...R, RamRoleName: 'EcsNoPermissionRole', InstanceIds: ids(WEB2), Policy: '{"Version":"1"' }, 'InvalidParameter'),
  err('ecs', 'AttachInstanceRamRole', { ...R, RamRoleName: 'EcsNoPermissionRole', InstanceIds: ids(WEB2) }, 'InvalidUser.PassRoleForbidden', { as: 'developer' }),
  ok('ecs', 'DetachInstanceRamRole', { ...R, RamRoleName: 'EcsKmsAccessRole', InstanceIds: ids(WEB2, 'i-bp1nosuchinstance000') },
    { items: ['InvalidRamRole.NotEqual', 'InvalidInstanceId.NotFound'] }),
  ok('ecs', 'DetachInstanceRamRole', { ...R, InstanceIds: ids(WEB2) }, { items: ['200'] }),
  err('ecs', 'DetachInstanceRamRole', { ...R, InstanceIds: 'x' }, 'InvalidInstanceIds.Malformed'),
  ok('ecs', 'DescribeVpcs', { ...R }),
  ok('ecs', 'DescribeVSwitches', { ...R, VpcId: 'vpc-bp1demo01' }),
  ok('ecs', 'DescribeSecurityGroups', { ...R }),
  err('ecs', 'RunInstances', { ...R, ImageId: ALINUX3, InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01', DryRun: 'true' }, 'DryRunOperation'),
  ok('ecs', 'RunInstances', { ...R, ImageId: ALINUX3, InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01', RamRoleName: 'EcsKmsAccessRole', ClientToken: 'conformance-1' }),
  err('ecs', 'RunInstances', { ...R, ImageId: ALINUX3, InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-none' }, 'InvalidVSwitchId.NotFound'),
  err('ecs', 'RunInstances', { ...R, ImageId: ALINUX3, InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01', SecurityGroupId: 'sg-none' }, 'InvalidSecurityGroupId.NotFound'),
  err('ecs', 'RunInstances', { ...R, ImageId: ALINUX3, InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01', RamRoleName: 'OpsAdminRole' }, 'InvalidRamRole.NotEcsRole'),
  ok('ecs', 'DescribeVpcs', { ...R }, { as: 'auditor' }),
  // Create Instance with Role: a public IP (InternetMaxBandwidthOut 0–100) and an image that fits the instance type.
  ok('ecs', 'RunInstances', { ...R, ImageId: ALINUX3, InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01', InternetMaxBandwidthOut: '5', InternetChargeType: 'PayByTraffic', ClientToken: 'conformance-2' }),
  err('ecs', 'RunInstances', { ...R, ImageId: ALINUX3, InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01', InternetMaxBandwidthOut: '101' }, 'InvalidInternetMaxBandwidthOut.Malformed'),
  err('ecs', 'RunInstances', { ...R, ImageId: ALINUX3, InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01', InternetMaxBandwidthOut: '-1' }, 'InvalidBandwidthOut.LessThanZero'),
  err('ecs', 'RunInstances', { ...R, ImageId: ALINUX3, InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01', InternetMaxBandwidthOut: '5', InternetChargeType: 'Free' }, 'InvalidInternetChargeType.ValueNotSupported'),
  err('ecs', 'RunInstances', { ...R, ImageId: 'aliyun_3_arm64_20G_alibase_20240819.vhd', InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01' }, 'ImageNotSupportInstanceType'),
  err('ecs', 'RunInstances', { ...R, ImageId: 'm-bp1nosuchimage0001', InstanceType: 'ecs.g7.large', VSwitchId: 'vsw-bp1demo01' }, 'InvalidImageId.NotFound'),
  ok('ecs', 'DescribeInstances', { ...R, MaxResults: '100' }),
  ok('ecs', 'DescribeImages', { ...R, ImageOwnerAlias: 'system', OSType: 'linux', InstanceType: 'ecs.g7.large', Status: 'Available', PageSize: '100' }),
  ok('ecs', 'DescribeImages', { ...R, Status: 'ALL', PageSize: '2', PageNumber: '2' }),
  ok('ecs', 'DescribeImages', { ...R, ImageId: ALINUX3, Usage: 'instance' }),
  err('ecs', 'DescribeImages', { RegionId: 'xx-nowhere-1' }, 'InvalidRegionId.NotFound'),
  err('ecs', 'DescribeImages', { ...R, ImageOwnerAlias: 'nobody' }, 'InvalidImageOwnerAlias.ValueNotSupported'),
  err('ecs', 'DescribeImages', { ...R, OSType: 'beos' }, 'InvalidOSType'),
  err('ecs', 'DescribeImages', { ...R, Architecture: 'sparc' }, 'InvalidArchitecture'),
  err('ecs', 'DescribeImages', { ...R, Usage: 'sometimes' }, 'InvalidUsage'),
  err('ecs', 'DescribeImages', { ...R, InstanceType: 'g7' }, 'InvalidInstanceType.ValueNotSupported'),
  err('ecs', 'DescribeImages', { ...R, PageSize: '101' }, 'InvalidParameter'),
];

export const KMS_CASES: Case[] = [
  ok('kms', 'CreateKey', { Description: 'conformance' }),
  err('kms', 'CreateKey', { KeySpec: 'RSA_2048' }, 'InvalidParameter'),
  ok('kms', 'ListKeys', { PageSize: '2' }),
  err('kms', 'ListKeys', { PageSize: '0' }, 'InvalidParameter'),
  ok('kms', 'DescribeKey', { KeyId: 'alias/demo-app' }),
  err('kms', 'DescribeKey', { KeyId: 'key-nosuchkey' }, 'Forbidden.KeyNotFound'),
  err('kms', 'DescribeKey', { KeyId: 'alias/nosuch' }, 'Forbidden.AliasNotFound'),
  ok('kms', 'CreateAlias', { KeyId: KEY, AliasName: 'alias/conformance' }),
  err('kms', 'CreateAlias', { KeyId: KEY, AliasName: 'alias/conformance' }, 'Rejected.ResourceExist'),
  err('kms', 'CreateAlias', { KeyId: KEY, AliasName: 'no-prefix' }, 'InvalidParameter'),
  err('kms', 'CreateAlias', { KeyId: 'key-nosuchkey', AliasName: 'alias/x' }, 'Forbidden.KeyNotFound'),
  ok('kms', 'ListAliases', {}),
  ok('kms', 'ListAliasesByKeyId', { KeyId: KEY }),
  ok('kms', 'Encrypt', { KeyId: 'alias/demo-app', Plaintext: Buffer.from('conformance ✓').toString('base64') }),
  ok('kms', 'Encrypt', { KeyId: KEY, Plaintext: 'aGk=', EncryptionContext: '{"app":"x"}' }),
  err('kms', 'Encrypt', { KeyId: 'alias/demo-disabled', Plaintext: 'aGk=' }, 'Rejected.Disabled'),
  err('kms', 'Encrypt', { KeyId: 'key-hzzdemo0000000000003', Plaintext: 'aGk=' }, 'Rejected.PendingDeletion'),
  err('kms', 'Encrypt', { KeyId: KEY, Plaintext: 'a'.repeat(7000) }, 'InvalidParameter'),
  err('kms', 'Encrypt', { KeyId: KEY, Plaintext: 'aGk=', EncryptionContext: '[1]' }, 'InvalidParameter'),
  err('kms', 'Encrypt', { KeyId: KEY, Plaintext: 'aGk=' }, 'Forbidden.NoPermission', { as: 'auditor' }),
  ok('kms', 'GenerateDataKey', { KeyId: KEY }),
  ok('kms', 'GenerateDataKey', { KeyId: KEY, NumberOfBytes: '16' }),
  err('kms', 'GenerateDataKey', { KeyId: KEY, KeySpec: 'AES_512' }, 'InvalidParameter'),
  err('kms', 'GenerateDataKey', { KeyId: 'alias/demo-disabled' }, 'Rejected.Disabled'),
  ok('kms', 'Decrypt', { EncryptionContext: '{"app":"x"}' }, { use: { CiphertextBlob: 'Encrypt.CiphertextBlob' } }),
  err('kms', 'Decrypt', { CiphertextBlob: 'bm90IGEgYmxvYg==' }, 'InvalidParameter'),
  ok('kms', 'CreateSecret', { SecretName: 'conformance/secret', SecretData: 'value', VersionId: 'v1' }),
  err('kms', 'CreateSecret', { SecretName: 'conformance/secret', SecretData: 'value', VersionId: 'v1' }, 'Rejected.ResourceExist'),
  err('kms', 'CreateSecret', { SecretName: 'acs/reserved', SecretData: 'value', VersionId: 'v1' }, 'InvalidParameter'),
  err('kms', 'CreateSecret', { SecretName: 'conformance/two', SecretData: 'v', VersionId: 'v1', SecretDataType: 'json' }, 'InvalidParameter'),
  ok('kms', 'ListSecrets', {}),
  ok('kms', 'DescribeSecret', { SecretName: 'demo/db-password' }),
  err('kms', 'DescribeSecret', { SecretName: 'nosuch' }, 'Forbidden.ResourceNotFound'),
  ok('kms', 'GetSecretValue', { SecretName: 'demo/db-password' }),
  err('kms', 'GetSecretValue', { SecretName: 'nosuch' }, 'Forbidden.ResourceNotFound'),
  err('kms', 'GetSecretValue', { SecretName: 'demo/db-password', VersionId: 'nosuch' }, 'Forbidden.ResourceNotFound'),
  // Last (the disabled key's cases come first): Enable Key (Diagnose's repair for a disabled key); a key pending deletion must first be restored.
  ok('kms', 'EnableKey', { KeyId: 'key-hzzdemo0000000000002' }),
  err('kms', 'EnableKey', { KeyId: 'key-hzzdemo0000000000003' }, 'InvalidParameter'),
  err('kms', 'EnableKey', { KeyId: 'key-nosuchkey' }, 'Forbidden.KeyNotFound'),
];

const role = (name: string) => ({ RoleName: name, AssumeRolePolicyDocument: trust });
export const RAM_CASES: Case[] = [
  ok('ram', 'CreateRole', { ...role('ConformanceRole'), Description: 'made by the conformance test' }),
  err('ram', 'CreateRole', role('ConformanceRole'), 'EntityAlreadyExists.Role'),
  err('ram', 'CreateRole', role('bad name!'), 'InvalidParameter.RoleName.InvalidChars'),
  err('ram', 'CreateRole', role('x'.repeat(65)), 'InvalidParameter.RoleName.Length'),
  err('ram', 'CreateRole', { RoleName: 'Malformed', AssumeRolePolicyDocument: '{"Version":"1"}' }, 'MalformedPolicyDocument'),
  err('ram', 'CreateRole', { ...role('LongDescription'), Description: 'd'.repeat(1025) }, 'InvalidParameter.Description.Length'),
  err('ram', 'CreateRole', { ...role('ShortSession'), MaxSessionDuration: '60' }, 'InvalidParameter.MaxSessionDuration'),
  err('ram', 'CreateRole', role('Refused'), 'NoPermission', { as: 'auditor' }),
  ok('ram', 'GetRole', { RoleName: 'ConformanceRole' }),
  err('ram', 'GetRole', { RoleName: 'NoSuchRole' }, 'EntityNotExist.Role'),
  ok('ram', 'ListRoles', { MaxItems: '2' }),
  err('ram', 'ListRoles', { Marker: 'bogus' }, 'InvalidParameter.Marker'),
  err('ram', 'ListRoles', { MaxItems: '0' }, 'InvalidParameter'),
  ok('ram', 'UpdateRole', { RoleName: 'ConformanceRole', NewDescription: 'updated' }),
  ok('ram', 'CreatePolicy', { PolicyName: 'ConformancePolicy', PolicyDocument: doc('kms:Encrypt'), Description: 'conformance' }),
  err('ram', 'CreatePolicy', { PolicyName: 'ConformancePolicy', PolicyDocument: doc('kms:Encrypt') }, 'EntityAlreadyExists.Policy'),
  err('ram', 'CreatePolicy', { PolicyName: 'bad name', PolicyDocument: doc('kms:Encrypt') }, 'InvalidParameter.PolicyName.InvalidChars'),
  err('ram', 'CreatePolicy', { PolicyName: 'TooLong', PolicyDocument: doc('x'.repeat(7000)) }, 'LimitExceeded.Policy.Length'),
  ok('ram', 'GetPolicy', { PolicyType: 'Custom', PolicyName: 'ConformancePolicy' }),
  ok('ram', 'GetPolicy', { PolicyType: 'System', PolicyName: 'AliyunKMSCryptoUserAccess' }),
  err('ram', 'GetPolicy', { PolicyType: 'Other', PolicyName: 'X' }, 'InvalidParameter.PolicyType'),
  err('ram', 'GetPolicy', { PolicyType: 'Custom', PolicyName: 'NoSuchPolicy' }, 'EntityNotExist.Policy'),
  ok('ram', 'GetPolicyVersion', { PolicyType: 'Custom', PolicyName: 'ConformancePolicy', VersionId: 'v1' }),
  err('ram', 'GetPolicyVersion', { PolicyType: 'Custom', PolicyName: 'ConformancePolicy', VersionId: 'v9' }, 'EntityNotExist.Policy.Version'),
  ok('ram', 'ListPolicies', { PolicyType: 'System', MaxItems: '3' }),
  ok('ram', 'AttachPolicyToRole', { PolicyType: 'Custom', PolicyName: 'ConformancePolicy', RoleName: 'ConformanceRole' }),
  err('ram', 'AttachPolicyToRole', { PolicyType: 'Custom', PolicyName: 'ConformancePolicy', RoleName: 'ConformanceRole' }, 'EntityAlreadyExists.Role.Policy'),
  ok('ram', 'ListPoliciesForRole', { RoleName: 'ConformanceRole' }),
  // Policy versions (Edit Policy, Set as Default): a second version, made the default, the first deleted.
  ok('ram', 'CreatePolicyVersion', { PolicyName: 'ConformancePolicy', PolicyDocument: doc('kms:Decrypt'), SetAsDefault: 'false' }),
  ok('ram', 'ListPolicyVersions', { PolicyType: 'Custom', PolicyName: 'ConformancePolicy' }),
  ok('ram', 'SetDefaultPolicyVersion', { PolicyName: 'ConformancePolicy', VersionId: 'v2' }),
  err('ram', 'SetDefaultPolicyVersion', { PolicyName: 'ConformancePolicy', VersionId: 'v9' }, 'EntityNotExist.Policy.Version'),
  ok('ram', 'DeletePolicyVersion', { PolicyName: 'ConformancePolicy', VersionId: 'v1' }),
  err('ram', 'DeletePolicyVersion', { PolicyName: 'ConformancePolicy', VersionId: 'v1' }, 'EntityNotExist.Policy.Version'),
  ok('ram', 'ListEntitiesForPolicy', { PolicyType: 'Custom', PolicyName: 'ConformancePolicy' }),
  err('ram', 'DeleteRole', { RoleName: 'ConformanceRole' }, 'DeleteConflict.Role.Policy'),
  ok('ram', 'DetachPolicyFromRole', { PolicyType: 'Custom', PolicyName: 'ConformancePolicy', RoleName: 'ConformanceRole' }),
  err('ram', 'DetachPolicyFromRole', { PolicyType: 'Custom', PolicyName: 'ConformancePolicy', RoleName: 'ConformanceRole' }, 'EntityNotExist.Role.Policy'),
  ok('ram', 'DeleteRole', { RoleName: 'ConformanceRole' }),
  err('ram', 'DeleteRole', { RoleName: 'ConformanceRole' }, 'EntityNotExist.Role'),
  ok('ram', 'DeletePolicy', { PolicyName: 'ConformancePolicy' }),
  err('ram', 'DeletePolicy', { PolicyName: 'ConformancePolicy' }, 'EntityNotExist.Policy'),
];

export const STS_CASES: Case[] = [
  ok('sts', 'GetCallerIdentity'),
  ok('sts', 'AssumeRole', { RoleArn: 'acs:ram::1688000000000001:role/opsadminrole', RoleSessionName: 'conformance' }),
  err('sts', 'AssumeRole', { RoleArn: 'acs:ram::1688000000000001:role/nosuchrole', RoleSessionName: 'conformance' }, 'EntityNotExist.Role'),
  err('sts', 'AssumeRole', { RoleArn: 'not-an-arn', RoleSessionName: 'conformance' }, 'InvalidParameter.RoleArn'),
  err('sts', 'AssumeRole', { RoleArn: 'acs:ram::1688000000000001:role/opsadminrole', RoleSessionName: 'x' }, 'InvalidParameter.RoleSessionName'),
  err('sts', 'AssumeRole', { RoleArn: 'acs:ram::1688000000000001:role/opsadminrole', RoleSessionName: 'conformance', DurationSeconds: '60' }, 'InvalidParameter.DurationSeconds'),
  err('sts', 'AssumeRole', { RoleArn: 'acs:ram::1688000000000001:role/opsadminrole', RoleSessionName: 'conformance', Policy: '{"Version":"1"}' }, 'InvalidParameter.PolicyGrammar'),
  err('sts', 'AssumeRole', { RoleArn: 'acs:ram::1688000000000001:role/ecskmsaccessrole', RoleSessionName: 'conformance' }, 'NoPermission'),
];

/** Cloud Assistant (ECS): RunCommand, then its listing and results (answered at once, the script runs after). */
export const CLOUD_ASSISTANT_CASES: Case[] = [
  ok('ecs', 'DescribeCloudAssistantStatus', { ...R, 'InstanceId.1': WEB1, 'InstanceId.2': WEB2 }),
  err('ecs', 'DescribeCloudAssistantStatus', { ...R, 'InstanceId.1': 'i-bp1nosuchinstance000' }, 'InvalidInstance.NotFound'),
  err('ecs', 'DescribeCloudAssistantStatus', { ...R, MaxResults: '51' }, 'InvalidParameter.MaxResults'),
  ok('ecs', 'RunCommand', { ...R, Type: 'RunShellScript', CommandContent: 'echo conformance', 'InstanceId.1': WEB1, Name: 'conformance-check', Timeout: '10' }),
  err('ecs', 'RunCommand', { ...R, Type: 'RunShellScript', CommandContent: 'ZWNobw', ContentEncoding: 'Base64', 'InstanceId.1': WEB1 }, 'CmdContent.DecodeError'),
  err('ecs', 'RunCommand', { ...R, Type: 'RunShellScript', CommandContent: 'echo', 'InstanceId.1': 'i-bp1nosuchinstance000' }, 'InvalidInstance.NotFound'),
  err('ecs', 'RunCommand', { ...R, Type: 'RunNothing', CommandContent: 'echo', 'InstanceId.1': WEB1 }, 'InvalidCmdType.NotFound'),
  ok('ecs', 'DescribeInvocations', { ...R, CommandName: 'conformance-check', MaxResults: '50' }),
  ok('ecs', 'DescribeInvocations', { ...R, PageSize: '50', IncludeOutput: 'true' }, { use: { InvokeId: 'RunCommand.InvokeId' } }),
  err('ecs', 'DescribeInvocations', { ...R, MaxResults: '51' }, 'InvalidParameter.MaxResults'),
  err('ecs', 'DescribeInvocations', { ...R, PageSize: '0' }, 'InvalidParam.PageSize'),
  err('ecs', 'DescribeInvocations', { ...R, NextToken: 'bogus', MaxResults: '10' }, 'InvalidParameter.NextToken'),
  ok('ecs', 'DescribeInvocationResults', { ...R, MaxResults: '50' }, { use: { InvokeId: 'RunCommand.InvokeId' } }),
  err('ecs', 'DescribeInvocationResults', { ...R, MaxResults: '51' }, 'InvalidParameter.MaxResults'),
  err('ecs', 'DescribeInvocationResults', { ...R, PageNumber: '0' }, 'InvalidParam.PageNumber'),
];

export const ALL_CASES: Case[] = [...ECS_CASES, ...CLOUD_ASSISTANT_CASES, ...KMS_CASES, ...RAM_CASES, ...STS_CASES];
