// The standard environment variables of the Alibaba Cloud SDKs and CLI.
import { makeEntry, roleNameOfArn, type ProfileEntry } from './profileSpec';

type Env = Readonly<Record<string, string | undefined>>;

const get = (env: Env, ...names: string[]): string | undefined => names.map((n) => env[n]?.trim()).find((v) => v);

export function environmentRegion(env: Env): string | undefined {
  return get(env, 'ALIBABA_CLOUD_REGION_ID', 'ALIBABA_CLOUD_REGION', 'ALICLOUD_REGION_ID', 'ALICLOUD_REGION');
}

export function readEnvironment(env: Env): ProfileEntry[] {
  const entries: ProfileEntry[] = [];
  const region = environmentRegion(env);
  const accessKeyId = get(env, 'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALICLOUD_ACCESS_KEY');
  const accessKeySecret = get(env, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALICLOUD_SECRET_KEY');
  const securityToken = get(env, 'ALIBABA_CLOUD_SECURITY_TOKEN', 'ALICLOUD_SECURITY_TOKEN');
  if (accessKeyId || accessKeySecret) {
    const spec = accessKeyId && accessKeySecret
      ? { type: 'accessKey' as const, accessKeyId, accessKeySecret, securityToken }
      : { type: 'unsupported' as const, reason: accessKeyId ? 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set.' : 'ALIBABA_CLOUD_ACCESS_KEY_ID is not set.' };
    entries.push(makeEntry('environment', 'env', securityToken ? 'StsToken' : 'AK', spec, { region }));
  }
  const roleArn = get(env, 'ALIBABA_CLOUD_ROLE_ARN');
  if (roleArn && get(env, 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN')) {
    entries.push(makeEntry('environment', 'oidc', 'OIDC', {
      type: 'unsupported',
      reason: 'OIDC credentials (ALIBABA_CLOUD_OIDC_*) are meant for containers (AssumeRoleWithOIDC); use an AccessKey or RamRoleArn profile here.',
    }, { region, roleName: roleNameOfArn(roleArn) }));
  } else if (roleArn && accessKeyId && accessKeySecret) {
    entries.push(makeEntry('environment', 'env-role', 'RamRoleArn', {
      type: 'ramRoleArn',
      source: { type: 'accessKey', accessKeyId, accessKeySecret, securityToken },
      roleArn,
      sessionName: get(env, 'ALIBABA_CLOUD_ROLE_SESSION_NAME') ?? 'vscode-alicloud-kms',
    }, { region, roleName: roleNameOfArn(roleArn) }));
  }
  const ecsRole = get(env, 'ALIBABA_CLOUD_ECS_METADATA');
  if (ecsRole) entries.push(makeEntry('environment', 'ecs-ram-role', 'EcsRamRole', { type: 'ecsRamRole', roleName: ecsRole }, { region, roleName: ecsRole }));
  return entries;
}

/** ALIBABA_CLOUD_PROFILE (or ALIBABACLOUD_PROFILE) names the profile to prefer. */
export function preferredProfileName(env: Env): string | undefined {
  return get(env, 'ALIBABA_CLOUD_PROFILE', 'ALIBABACLOUD_PROFILE', 'ALICLOUD_PROFILE');
}
