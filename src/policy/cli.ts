// The `aliyun` CLI command equivalent to each mutating call, so users can script what the extension
// did. POSIX shell quoting (bash, zsh, sh; also Git Bash and WSL). Secrets never appear: a password is
// referenced as an environment variable the user sets themselves.
import { formatCompact } from './policyText';

/**
 * Quotes one argument for a POSIX shell: bare when it is safe, otherwise single quotes with ' escaped as '\''.
 * A word starting with `=` is quoted too: zsh expands `=name` to the path of the command `name`.
 */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) && !value.startsWith('=')) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

type ArgValue = string | number | boolean | undefined;

/** `aliyun <product> <Api> --Name value ...`, skipping undefined values, quoting each value. */
export function aliyunCommand(product: string, api: string, params: Readonly<Record<string, ArgValue>>): string {
  const parts = ['aliyun', product, api];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    parts.push(`--${name}`, shellQuote(String(value)));
  }
  return parts.join(' ');
}

export function createRoleCommand(p: { roleName: string; trustPolicy: unknown; description?: string; maxSessionDuration?: number }): string {
  return aliyunCommand('ram', 'CreateRole', {
    RoleName: p.roleName,
    AssumeRolePolicyDocument: formatCompact(p.trustPolicy),
    Description: p.description || undefined,
    MaxSessionDuration: p.maxSessionDuration,
  });
}

export function createPolicyCommand(p: { policyName: string; document: unknown; description?: string }): string {
  return aliyunCommand('ram', 'CreatePolicy', {
    PolicyName: p.policyName,
    PolicyDocument: formatCompact(p.document),
    Description: p.description || undefined,
  });
}

export function attachPolicyToRoleCommand(p: { policyType: 'System' | 'Custom'; policyName: string; roleName: string }): string {
  return aliyunCommand('ram', 'AttachPolicyToRole', { PolicyType: p.policyType, PolicyName: p.policyName, RoleName: p.roleName });
}

export function detachPolicyFromRoleCommand(p: { policyType: 'System' | 'Custom'; policyName: string; roleName: string }): string {
  return aliyunCommand('ram', 'DetachPolicyFromRole', { PolicyType: p.policyType, PolicyName: p.policyName, RoleName: p.roleName });
}

export function deleteRoleCommand(p: { roleName: string }): string {
  return aliyunCommand('ram', 'DeleteRole', { RoleName: p.roleName });
}

export function attachInstanceRamRoleCommand(p: { regionId: string; roleName: string; instanceIds: readonly string[]; policy?: unknown }): string {
  return aliyunCommand('ecs', 'AttachInstanceRamRole', {
    RegionId: p.regionId,
    RamRoleName: p.roleName,
    InstanceIds: JSON.stringify(p.instanceIds),
    Policy: p.policy === undefined ? undefined : formatCompact(p.policy),
  });
}

export function detachInstanceRamRoleCommand(p: { regionId: string; roleName?: string; instanceIds: readonly string[] }): string {
  return aliyunCommand('ecs', 'DetachInstanceRamRole', {
    RegionId: p.regionId,
    InstanceIds: JSON.stringify(p.instanceIds),
    RamRoleName: p.roleName,
  });
}

export interface RunInstancesCliParams {
  regionId: string;
  imageId: string;
  instanceType: string;
  securityGroupId: string;
  vSwitchId: string;
  roleName: string;
  zoneId?: string;
  instanceName?: string;
  keyPairName?: string;
  /** True when the user chose a password: the command reads it from $ALIYUN_ECS_PASSWORD, never inline. */
  usesPassword?: boolean;
  amount?: number;
  /** Above 0: the instance gets a public IP with this outbound bandwidth (Mbit/s). */
  internetMaxBandwidthOut?: number;
  internetChargeType?: string;
  dryRun?: boolean;
}

/** RunInstances with the role; a password is never written into the command (it would land in shell history). */
export function runInstancesCommand(p: RunInstancesCliParams): string {
  const base = aliyunCommand('ecs', 'RunInstances', {
    RegionId: p.regionId,
    ZoneId: p.zoneId,
    ImageId: p.imageId,
    InstanceType: p.instanceType,
    SecurityGroupId: p.securityGroupId,
    VSwitchId: p.vSwitchId,
    InstanceName: p.instanceName,
    RamRoleName: p.roleName,
    KeyPairName: p.keyPairName,
    InternetMaxBandwidthOut: p.internetMaxBandwidthOut || undefined,
    InternetChargeType: p.internetMaxBandwidthOut ? p.internetChargeType : undefined,
    Amount: p.amount ?? 1,
    DryRun: p.dryRun ? true : undefined,
  });
  return p.usesPassword ? `${base} --Password "$ALIYUN_ECS_PASSWORD"` : base;
}
