// The realistic account (issue 19): the scale and the mix of a real company account, seeded and
// deterministic (the same seed builds the same account), served with RAM's flow control and
// 80 ms per call. 1,200 RAM roles (400 service-linked, 700 ECS instance roles, 100 for other
// services and other accounts), 300 custom policies with 1–5 versions each (a few popular ones
// attached to many roles), 30 system policies in use, 6,000 instances over 12 regions (a few in
// the classic network), 300 keys with aliases over 4 regions and 200 secrets.
import type { EmulatorSeed } from '../seed';
import { randomSource } from '../faults';
import { MORE_SYSTEM_POLICIES } from './moreSystemPolicies';

export const REALISTIC_ACCOUNT = '1688000000000004';
export const REALISTIC_REGIONS = [
  'cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-qingdao', 'cn-zhangjiakou',
  'cn-chengdu', 'cn-hongkong', 'ap-southeast-1', 'ap-northeast-1', 'us-west-1', 'eu-central-1',
];
const KEY_REGIONS = REALISTIC_REGIONS.slice(0, 4);
/** The instance "this machine" is, and its role (allowed to use every key: Diagnose passes). */
export const REALISTIC_THIS_INSTANCE = 'i-bp1real00000000000000';
export const REALISTIC_THIS_ROLE = 'ecs-web-app-000';
/** The key the benchmarks and the call-budget test ask "which roles can use it". */
export const REALISTIC_KEY = 'key-hzzreal0000000000000';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const tag = (region: string) => region.replace(/^(\w\w)-(\w).*$/, '$1$2') + region.length.toString(36);
const keyId = (n: number) => `key-${['hzz', 'shh', 'bjj', 'szz'][n % 4]}real${pad(Math.floor(n / 4), 13)}`;
const keyRegion = (n: number) => KEY_REGIONS[n % 4];
const keyArn = (n: number) => `acs:kms:${keyRegion(n)}:${REALISTIC_ACCOUNT}:key/${keyId(n)}`;

const SERVICE_PRODUCTS = [
  'ECS', 'SLB', 'CS', 'Log', 'KMS', 'RDS', 'OSS', 'VPC', 'CMS', 'FC', 'MNS', 'NAS', 'CDN', 'DTS', 'EMR', 'ESS', 'HBR', 'Redis',
  'MongoDB', 'PolarDB', 'ARMS', 'SAE', 'EDAS', 'MSE', 'ALB', 'NLB', 'GA', 'CEN', 'WAF', 'DDoS', 'SAS', 'Config', 'ActionTrail',
  'ResourceManager', 'Tag', 'OOS', 'ROS', 'DataWorks', 'MaxCompute', 'PAI',
];
const SERVICE_VARIANTS = ['', 'Archiving', 'Audit', 'Backup', 'Delivery', 'Monitor', 'Network', 'Ops', 'Replication', 'Scaling'];
const SERVICE_ROLE_POLICIES = Object.keys(MORE_SYSTEM_POLICIES).filter((p) => p.startsWith('AliyunServiceRolePolicyFor'));
const TEAMS = ['web', 'api', 'batch', 'data', 'ml', 'ops', 'pay', 'search'];
const APP_SYSTEM_POLICIES = [
  'AliyunOSSReadOnlyAccess', 'AliyunOSSFullAccess', 'AliyunLogFullAccess', 'AliyunECSReadOnlyAccess', 'AliyunVPCReadOnlyAccess',
  'AliyunCloudMonitorFullAccess', 'AliyunKMSSecretUserAccess', 'AliyunMNSFullAccess', 'AliyunRDSReadOnlyAccess', 'AliyunKMSReadOnlyAccess',
];
const OTHER_SERVICES: [string, string[]][] = [
  ['fc', ['AliyunFCFullAccess']], ['cs', ['AliyunCSFullAccess', 'AliyunSLBFullAccess', 'AliyunVPCFullAccess']], ['oss', ['AliyunOSSFullAccess']],
  ['log', ['AliyunLogFullAccess']], ['actiontrail', ['AliyunActionTrailFullAccess']],
];
const CROSS_ACCOUNT_POLICIES = [
  ['ReadOnlyAccess'], ['AdministratorAccess'], ['AliyunRAMFullAccess'], ['AliyunRAMReadOnlyAccess', 'AliyunSTSAssumeRoleAccess'],
  ['AliyunKMSFullAccess'], ['AliyunKMSSecretAdminAccess'], ['AliyunECSFullAccess', 'AliyunRDSFullAccess'],
];

const statement = (Action: string[], Resource: string[]) => ({ Effect: 'Allow', Action, Resource });
const policyDoc = (statements: object[]) => ({ Version: '1', Statement: statements });

/** Custom policy n, version v (1-based): every tenth grants KMS on one key, the rest other products. */
function customPolicyDocument(n: number, v: number): object {
  if (n % 10 === 0) {
    const actions = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'].slice(0, 1 + Math.min(v, 3));
    return policyDoc([statement(actions, [keyArn(n / 10)])]);
  }
  if (n % 10 === 1) return policyDoc([statement(['oss:GetObject', 'oss:PutObject'], [`acs:oss:*:*:bucket-${pad(n, 3)}/v${v}/*`])]);
  if (n % 10 === 2) return policyDoc([statement(['log:PostLogStoreLogs'], [`acs:log:*:*:project/app-${pad(n, 3)}/logstore/v${v}`])]);
  if (n % 10 === 3) return policyDoc([statement(['kms:GetSecretValue'], [`acs:kms:*:${REALISTIC_ACCOUNT}:secret/app/${pad(n, 3)}/*`])]);
  return policyDoc([statement(['ecs:DescribeInstances', 'ecs:DescribeTags'].slice(0, 1 + (v % 2)), ['*'])]);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

type Roles = NonNullable<EmulatorSeed['roles']>;

function serviceLinkedRoles(): Roles {
  return SERVICE_PRODUCTS.flatMap((product, p) => SERVICE_VARIANTS.map((variant) => ({
    name: `AliyunServiceRoleFor${product}${variant}`,
    // RAM keeps them under the path /aliyun-service-role/ (ListRoles does not return paths).
    description: `Service-linked role of ${product}${variant ? ` ${variant}` : ''} (path /aliyun-service-role/).`,
    trustedServices: [`${variant ? `${variant.toLowerCase()}.` : ''}${product.toLowerCase()}.aliyuncs.com`],
    policies: [SERVICE_ROLE_POLICIES[p % SERVICE_ROLE_POLICIES.length]],
  })));
}

/** 700 ECS instance roles; popular custom policies (low numbers) are attached to many of them. */
function instanceRoles(random: () => number): Roles {
  return Array.from({ length: 700 }, (_, n) => {
    const policies = new Set<string>();
    if (n === 0 || n % 12 === 0) policies.add('AliyunKMSCryptoUserAccess');
    const customs = 1 + Math.floor(random() * 3);
    for (let i = 0; i < customs; i++) policies.add(`app-policy-${pad(Math.floor(random() ** 2 * 300), 3)}`);
    if (random() < 0.5) policies.add(APP_SYSTEM_POLICIES[Math.floor(random() * APP_SYSTEM_POLICIES.length)]);
    return { name: `ecs-${TEAMS[n % TEAMS.length]}-app-${pad(n, 3)}`, description: `Instance role of ${TEAMS[n % TEAMS.length]} servers.`, policies: [...policies] };
  });
}

function otherRoles(): Roles {
  return Array.from({ length: 100 }, (_, n) => {
    if (n < 50) {
      const [service, policies] = OTHER_SERVICES[n % OTHER_SERVICES.length];
      return { name: `svc-${service}-${pad(n, 3)}`, trustedServices: [`${service}.aliyuncs.com`], policies };
    }
    return {
      name: `cross-account-${pad(n, 3)}`, description: 'Assumed by people of a partner account.',
      trustPolicy: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::16880000000${pad(n, 5)}:root`] } }], Version: '1' },
      policies: CROSS_ACCOUNT_POLICIES[n % CROSS_ACCOUNT_POLICIES.length],
    };
  });
}

export function realisticSeed(seed = 19): EmulatorSeed {
  const random = randomSource(seed);
  const policies = Array.from({ length: 300 }, (_, n) => {
    const count = 1 + Math.floor(random() * 5);
    return {
      name: `app-policy-${pad(n, 3)}`, description: `Application policy ${n}.`, document: customPolicyDocument(n, count),
      olderVersions: Array.from({ length: count - 1 }, (_, v) => customPolicyDocument(n, v + 1)),
    };
  });
  const roles = shuffle([...serviceLinkedRoles(), ...instanceRoles(random), ...otherRoles()], random);
  const thisRole = roles.findIndex((r) => r.name === REALISTIC_THIS_ROLE);
  [roles[0], roles[thisRole]] = [roles[thisRole], roles[0]];
  const ecsRoles = roles.filter((r) => r.name.startsWith('ecs-')).map((r) => r.name);
  const vpcs = REALISTIC_REGIONS.map((region) => ({
    id: `vpc-${tag(region)}real01`, region, name: `prod-${region}`,
    vSwitches: [{ id: `vsw-${tag(region)}real01` }, { id: `vsw-${tag(region)}real02` }], securityGroups: [{ id: `sg-${tag(region)}real01`, name: 'prod' }],
  }));
  const instances = Array.from({ length: 6000 }, (_, n) => {
    const region = REALISTIC_REGIONS[n % REALISTIC_REGIONS.length];
    const id = n === 0 ? REALISTIC_THIS_INSTANCE : `i-${tag(region)}real${pad(n, 13)}`;
    const classic = n % 250 === 125;
    const role = n === 0 ? REALISTIC_THIS_ROLE : !classic && random() < 0.6 ? ecsRoles[Math.floor(random() * ecsRoles.length)] : undefined;
    return {
      id, name: `${TEAMS[n % TEAMS.length]}-${pad(n, 4)}`, region, ...(classic ? { networkType: 'classic' as const } : { vSwitchId: `vsw-${tag(region)}real0${1 + (n % 2)}` }),
      ...(role ? { role } : {}), ...(n % 17 === 16 ? { status: 'Stopped' } : {}), ...(n === 0 ? { thisMachine: true, publicIp: '47.96.20.1' } : {}),
    };
  });
  const keys = Array.from({ length: 300 }, (_, n) => ({
    id: keyId(n), region: keyRegion(n), description: `Key of application ${n}`,
    aliases: n % 3 === 2 ? [`alias/app-${pad(n, 3)}`, `alias/app-${pad(n, 3)}-legacy`] : [`alias/app-${pad(n, 3)}`],
    ...(n % 50 === 49 ? { state: 'Disabled' as const } : {}),
  }));
  const secrets = Array.from({ length: 200 }, (_, n) => ({
    name: `app/${pad(n, 3)}/db-password`, region: keyRegion(n), value: `realistic-secret-${n}-not-real`, description: `Database password of application ${n}`,
  }));
  return {
    accountId: REALISTIC_ACCOUNT,
    defaultRegion: 'cn-hangzhou',
    users: [{ name: 'developer', policies: ['AliyunECSFullAccess', 'AliyunRAMReadOnlyAccess', 'AliyunKMSFullAccess'] }],
    policies, roles, vpcs, instances, keys, secrets,
  };
}
