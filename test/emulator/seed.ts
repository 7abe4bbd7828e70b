// The seed: a whole emulated account as plain JSON (format in README.md), and building the
// in-memory Account from it. Scenarios are seeds too.
import { Account, isoSeconds, randomDigits, randomId, type Instance, type PolicyRef } from './state';
import { systemPolicies } from './systemPolicies';
import { regionIds, REGIONS } from './regions';
import { newKey } from './handlers/kms';
import { newSecret } from './handlers/secrets';
import { validateDocument } from './handlers/ram';
import { seedCloudAssistant, type CloudAssistantSeed } from './cloudAssistant/state';

export interface EmulatorSeed {
  accountId?: string;
  defaultRegion?: string;
  admin?: { accessKeyId: string; accessKeySecret: string };
  users?: { name: string; policies?: string[]; accessKeyId?: string; accessKeySecret?: string }[];
  /** `document` is the default (newest) version; `olderVersions` come before it (v1, v2, …). */
  policies?: { name: string; document: object | string; description?: string; olderVersions?: (object | string)[] }[];
  roles?: {
    name: string; description?: string; policies?: string[]; maxSessionDuration?: number;
    trustPolicy?: object | string; trustedServices?: string[];
  }[];
  vpcs?: {
    id: string; region: string; name?: string; cidr?: string;
    vSwitches?: { id: string; zone?: string; cidr?: string; name?: string }[];
    securityGroups?: { id: string; name?: string }[];
  }[];
  instances?: {
    id?: string; name: string; region: string; zone?: string; networkType?: 'vpc' | 'classic';
    vpcId?: string; vSwitchId?: string; status?: string; role?: string; thisMachine?: boolean;
    privateIp?: string; publicIp?: string; instanceType?: string;
  }[];
  keys?: { id?: string; region?: string; aliases?: string[]; state?: 'Enabled' | 'Disabled' | 'PendingDeletion'; description?: string }[];
  secrets?: { name: string; region?: string; value: string; keyId?: string; description?: string }[];
  /** Cloud Assistant scenario flags by instance id (no agent, Windows, KMS VPC endpoint unreachable). */
  cloudAssistant?: CloudAssistantSeed;
}

export const ADMIN_USER = 'emulator-admin';

export const serviceTrust = (services: string[]): string =>
  JSON.stringify({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: services } }], Version: '1' });

function seedError(message: string): Error {
  return new Error(`emulator seed: ${message}`);
}

function checkedDocument(what: string, document: object | string, trust: boolean): string {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  try {
    return validateDocument(text, trust);
  } catch (e) {
    throw seedError(`${what}: ${(e as Error).message}`);
  }
}

export function buildAccount(seed: EmulatorSeed, now = Date.now()): Account {
  const account = new Account(seed.accountId ?? randomDigits(16), seed.defaultRegion ?? 'cn-hangzhou');
  const created = isoSeconds(now - 86_400_000 * 30);
  for (const p of seed.policies ?? []) {
    const versions = [...(p.olderVersions ?? []), p.document].map((d, n) => ({
      id: `v${n + 1}`, document: checkedDocument(`policy ${p.name} v${n + 1}`, d, false), createDate: created,
    }));
    account.policies.set(p.name, {
      name: p.name, type: 'Custom', description: p.description ?? '', defaultVersion: versions.at(-1)!.id, createDate: created, updateDate: created,
      versions,
    });
  }
  const refs = (names: string[] = []): PolicyRef[] => names.map((name) => {
    if (systemPolicies.has(name)) return { type: 'System', name, attachDate: created };
    if (account.policies.has(name)) return { type: 'Custom', name, attachDate: created };
    throw seedError(`unknown policy "${name}": not a system policy and not in "policies"`);
  });

  account.addUser(ADMIN_USER, refs(['AdministratorAccess']), seed.admin && { id: seed.admin.accessKeyId, secret: seed.admin.accessKeySecret });
  for (const u of seed.users ?? []) {
    account.addUser(u.name, refs(u.policies), u.accessKeyId && u.accessKeySecret ? { id: u.accessKeyId, secret: u.accessKeySecret } : undefined);
  }
  for (const r of seed.roles ?? []) {
    const trust = r.trustPolicy ?? serviceTrust(r.trustedServices ?? ['ecs.aliyuncs.com']);
    account.roles.set(r.name.toLowerCase(), {
      name: r.name, roleId: randomDigits(19), description: r.description ?? '', maxSessionDuration: r.maxSessionDuration ?? 3600,
      trustPolicy: checkedDocument(`role ${r.name} trust policy`, trust, true), createDate: created, updateDate: created, policies: refs(r.policies),
    });
  }
  for (const v of seed.vpcs ?? []) {
    if (!regionIds.has(v.region)) throw seedError(`VPC ${v.id}: unknown region "${v.region}"`);
    account.vpcs.set(v.id, { id: v.id, region: v.region, name: v.name ?? v.id, cidr: v.cidr ?? '172.16.0.0/12', createDate: created, isDefault: false });
    const zones = REGIONS.find((x) => x.id === v.region)!.zones;
    (v.vSwitches ?? []).forEach((s, n) => account.vswitches.set(s.id, {
      id: s.id, vpcId: v.id, region: v.region, zone: s.zone ?? zones[n % zones.length], cidr: s.cidr ?? `172.16.${n}.0/24`, name: s.name ?? s.id, createDate: created,
    }));
    for (const g of v.securityGroups ?? []) {
      account.securityGroups.set(g.id, { id: g.id, region: v.region, vpcId: v.id, name: g.name ?? g.id, description: '', createDate: created });
    }
  }
  const firstVSwitch = new Map<string, string>();
  for (const s of account.vswitches.values()) if (!firstVSwitch.has(s.region)) firstVSwitch.set(s.region, s.id);

  let ip = 10;
  for (const spec of seed.instances ?? []) {
    if (!regionIds.has(spec.region)) throw seedError(`instance ${spec.name}: unknown region "${spec.region}"`);
    const vpc = (spec.networkType ?? 'vpc') === 'vpc';
    const vsw = vpc ? account.vswitches.get(spec.vSwitchId ?? firstVSwitch.get(spec.region) ?? '') : undefined;
    if (vpc && !vsw) throw seedError(`instance ${spec.name}: a VPC instance needs a vSwitch in ${spec.region} (add one under "vpcs")`);
    if (spec.role && !account.roles.has(spec.role.toLowerCase())) throw seedError(`instance ${spec.name}: unknown role "${spec.role}"`);
    const zones = REGIONS.find((x) => x.id === spec.region)!.zones;
    const n = ip++;
    const instance: Instance = {
      id: spec.id ?? `i-${randomId(20)}`, name: spec.name, region: spec.region, zone: vsw?.zone ?? spec.zone ?? zones[0],
      networkType: vpc ? 'vpc' : 'classic', vpcId: vsw?.vpcId ?? '', vSwitchId: vsw?.id ?? '',
      securityGroupIds: [...account.securityGroups.values()].filter((g) => g.vpcId === vsw?.vpcId).slice(0, 1).map((g) => g.id),
      privateIp: spec.privateIp ?? (vpc ? `172.16.${(n >> 8) & 255}.${n & 255}` : `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`),
      publicIp: spec.publicIp ?? '', status: spec.status ?? 'Running', instanceType: spec.instanceType ?? 'ecs.g7.large',
      imageId: 'aliyun_3_x64_20G_alibase_20240819.vhd', osName: 'Alibaba Cloud Linux 3.2104 LTS 64位', cpu: 2, memory: 8192,
      creationTime: isoSeconds(now - 86_400_000 * 7).replace(/:\d\dZ$/, 'Z'), ramRole: spec.role ? account.roles.get(spec.role.toLowerCase())!.name : '', ramRolePolicy: '',
    };
    account.instances.set(instance.id, instance);
    if (spec.thisMachine) account.thisInstanceId = instance.id;
  }
  for (const k of seed.keys ?? []) {
    const region = k.region ?? account.defaultRegion;
    const key = newKey(account, region, k.description ?? '', now, k.id);
    key.state = k.state ?? 'Enabled';
    if (key.state === 'PendingDeletion') key.deleteDate = isoSeconds(now + 7 * 86_400_000);
    for (const alias of k.aliases ?? []) account.aliases.set(`${region}/${alias}`, { name: alias, keyId: key.id, region });
  }
  for (const s of seed.secrets ?? []) {
    const region = s.region ?? account.defaultRegion;
    newSecret(account, region, s.name, s.value, now, { description: s.description, keyId: s.keyId });
  }
  seedCloudAssistant(account, seed.cloudAssistant);
  return account;
}
