// The `aliyun` CLI equivalents of the repair and revoke calls (issue 15), built with the one quoting
// rule of policy/cli.ts so every mutating command can offer its script.
import { aliyunCommand } from '../../policy/cli';
import { formatCompact } from '../../policy/policyText';

export function updateRoleTrustCommand(p: { roleName: string; trustPolicy: unknown }): string {
  return aliyunCommand('ram', 'UpdateRole', { RoleName: p.roleName, NewAssumeRolePolicyDocument: formatCompact(p.trustPolicy) });
}

export function createPolicyVersionCommand(p: { policyName: string; document: unknown; setAsDefault: boolean }): string {
  return aliyunCommand('ram', 'CreatePolicyVersion', { PolicyName: p.policyName, PolicyDocument: formatCompact(p.document), SetAsDefault: p.setAsDefault });
}

export function deletePolicyVersionCommand(p: { policyName: string; versionId: string }): string {
  return aliyunCommand('ram', 'DeletePolicyVersion', { PolicyName: p.policyName, VersionId: p.versionId });
}

export function setDefaultPolicyVersionCommand(p: { policyName: string; versionId: string }): string {
  return aliyunCommand('ram', 'SetDefaultPolicyVersion', { PolicyName: p.policyName, VersionId: p.versionId });
}

export function deletePolicyCommand(p: { policyName: string }): string {
  return aliyunCommand('ram', 'DeletePolicy', { PolicyName: p.policyName });
}

/** KMS is regional by endpoint: the CLI's --region picks it (RegionId is not a KMS parameter). */
export function enableKeyCommand(p: { regionId: string; keyId: string }): string {
  return `${aliyunCommand('kms', 'EnableKey', { KeyId: p.keyId })} --region ${p.regionId}`;
}
