// Ready-made accounts: demo (a small realistic account in 3 regions), empty, and large
// (10,000 instances over every public region, 2,000 roles, 1,000 keys) for paging and benchmarks.
import type { EmulatorSeed } from './seed';
import { REGIONS } from './regions';
import { realisticSeed } from './scenarios/realistic';

export type ScenarioName = 'demo' | 'empty' | 'large' | 'realistic';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['demo', 'empty', 'large', 'realistic'];

const accountTrust = (accountId: string) => ({
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${accountId}:root`] } }], Version: '1',
});

const network = (region: string, tag: string) => ({
  id: `vpc-${tag}demo01`, region, name: `demo-vpc-${region}`, cidr: '172.16.0.0/12',
  vSwitches: [{ id: `vsw-${tag}demo01`, name: `demo-vsw-${region}-a` }, { id: `vsw-${tag}demo02`, name: `demo-vsw-${region}-b` }],
  securityGroups: [{ id: `sg-${tag}demo01`, name: 'demo-web' }],
});

export function demoSeed(): EmulatorSeed {
  const accountId = '1688000000000001';
  return {
    accountId,
    defaultRegion: 'cn-hangzhou',
    users: [
      { name: 'developer', policies: ['AliyunECSFullAccess', 'AliyunRAMReadOnlyAccess'] },
      { name: 'auditor', policies: ['ReadOnlyAccess'] },
    ],
    policies: [{
      name: 'DemoKmsEncryptDecrypt', description: 'Encrypt and decrypt with the demo key only.',
      document: { Version: '1', Statement: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], Resource: `acs:kms:cn-hangzhou:${accountId}:key/key-hzzdemo0000000000001` }] },
    }],
    roles: [
      { name: 'EcsKmsAccessRole', description: 'Instance role of the web servers: reads KMS.', policies: ['AliyunKMSCryptoUserAccess'] },
      { name: 'EcsSecretsReaderRole', description: 'Instance role that reads secrets.', policies: ['AliyunKMSSecretUserAccess'] },
      { name: 'EcsNoPermissionRole', description: 'Instance role with no policy yet.' },
      { name: 'OpsAdminRole', description: 'Assumed by people in the account: not usable by ECS.', trustPolicy: accountTrust(accountId), policies: ['AdministratorAccess'] },
      { name: 'FcInvokeRole', description: 'Function Compute service role.', trustedServices: ['fc.aliyuncs.com'] },
      // Service-linked roles, as every real account has (path /aliyun-service-role/; only their service assumes them).
      { name: 'AliyunServiceRoleForECSNetworkInterfaceManagement', description: 'Service-linked role of ECS network interfaces (path /aliyun-service-role/).', trustedServices: ['eni.ecs.aliyuncs.com'] },
      { name: 'AliyunServiceRoleForKMSKeyRotation', description: 'Service-linked role of KMS key rotation (path /aliyun-service-role/).', trustedServices: ['keyrotation.kms.aliyuncs.com'] },
    ],
    vpcs: [network('cn-hangzhou', 'bp1'), network('cn-shanghai', 'uf6'), network('cn-beijing', '2ze')],
    instances: [
      { id: 'i-bp1demo0000000000001', name: 'web-1', region: 'cn-hangzhou', role: 'EcsKmsAccessRole', thisMachine: true, publicIp: '47.96.10.1' },
      { id: 'i-bp1demo0000000000002', name: 'web-2', region: 'cn-hangzhou', vSwitchId: 'vsw-bp1demo02' },
      { id: 'i-bp1demo0000000000003', name: 'worker-1', region: 'cn-hangzhou', status: 'Stopped' },
      { id: 'i-bp1demo0000000000004', name: 'legacy-classic', region: 'cn-hangzhou', networkType: 'classic' },
      { id: 'i-uf6demo0000000000001', name: 'batch-1', region: 'cn-shanghai', role: 'EcsSecretsReaderRole' },
      { id: 'i-uf6demo0000000000002', name: 'batch-2', region: 'cn-shanghai' },
      { id: 'i-2zedemo0000000000001', name: 'report-1', region: 'cn-beijing' },
      { id: 'i-2zedemo0000000000002', name: 'old-classic', region: 'cn-beijing', networkType: 'classic' },
    ],
    keys: [
      { id: 'key-hzzdemo0000000000001', region: 'cn-hangzhou', aliases: ['alias/demo-app'], description: 'Demo application key' },
      { id: 'key-hzzdemo0000000000002', region: 'cn-hangzhou', aliases: ['alias/demo-disabled'], state: 'Disabled', description: 'A disabled key' },
      { id: 'key-hzzdemo0000000000003', region: 'cn-hangzhou', state: 'PendingDeletion', description: 'A key scheduled for deletion' },
      { id: 'key-shhdemo0000000000001', region: 'cn-shanghai', aliases: ['alias/demo-sh'], description: 'Shanghai key' },
    ],
    // batch-2 has no Cloud Assistant agent: a fleet check lists it as skipped.
    cloudAssistant: { withoutAgent: ['i-uf6demo0000000000002'] },
    secrets: [
      { name: 'demo/db-password', region: 'cn-hangzhou', value: 'demo-db-password-not-real', description: 'Database password' },
      { name: 'demo/api-token', region: 'cn-hangzhou', value: '{"token":"demo-token-not-real"}' },
      { name: 'demo/shanghai-secret', region: 'cn-shanghai', value: 'shanghai-value-not-real' },
    ],
  };
}

/** 10,000 instances over every region (one VPC each), 2,000 roles (90 service-linked), 1,000 keys in the default region. */
export function largeSeed(): EmulatorSeed {
  const vpcs = REGIONS.map((r, n) => ({
    id: `vpc-large${String(n).padStart(4, '0')}`, region: r.id, vSwitches: [{ id: `vsw-large${String(n).padStart(4, '0')}` }],
    securityGroups: [{ id: `sg-large${String(n).padStart(4, '0')}` }],
  }));
  const instances = Array.from({ length: 10_000 }, (_, n) => ({
    id: `i-large${String(n).padStart(15, '0')}`, name: `node-${String(n).padStart(5, '0')}`, region: REGIONS[n % REGIONS.length].id,
    ...(n % 50 === 49 ? { networkType: 'classic' as const } : {}), ...(n % 10 === 0 ? { role: `role-${String(n % 2000).padStart(4, '0')}` } : {}),
    ...(n === 0 ? { thisMachine: true } : {}),
  }));
  return {
    accountId: '1688000000000002',
    // The last 100 (except those instances use) are service-linked, as in a real account.
    roles: Array.from({ length: 2000 }, (_, n) => (n >= 1900 && n % 10 !== 0
      ? { name: `AliyunServiceRoleForLarge${n}`, description: 'Service-linked role (path /aliyun-service-role/).', trustedServices: [`svc${n}.aliyuncs.com`] }
      : { name: `role-${String(n).padStart(4, '0')}`, ...(n % 7 === 0 ? { policies: ['AliyunKMSCryptoUserAccess'] } : {}) })),
    vpcs,
    instances,
    keys: Array.from({ length: 1000 }, (_, n) => ({ id: `key-large${String(n).padStart(15, '0')}`, ...(n < 100 ? { aliases: [`alias/large-${n}`] } : {}) })),
    secrets: Array.from({ length: 50 }, (_, n) => ({ name: `large/secret-${n}`, value: `value-${n}` })),
  };
}

export function scenarioSeed(name: ScenarioName): EmulatorSeed {
  if (name === 'demo') return demoSeed();
  if (name === 'large') return largeSeed();
  if (name === 'realistic') return realisticSeed();
  return { accountId: '1688000000000003' };
}
