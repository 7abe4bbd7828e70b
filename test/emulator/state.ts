// The emulated account, all in memory: RAM users/roles/policies, ECS networks and instances,
// KMS keys/aliases/secrets, and the STS sessions it has issued. Plain data; handlers mutate it.
import { randomBytes } from 'node:crypto';

export interface PolicyRef { type: 'System' | 'Custom'; name: string; attachDate: string }
export interface AccessKey { id: string; secret: string; userName: string; createDate: string }
export interface User { name: string; userId: string; policies: PolicyRef[]; createDate: string }
export interface Role {
  name: string; roleId: string; description: string; trustPolicy: string;
  maxSessionDuration: number; createDate: string; updateDate: string; policies: PolicyRef[];
}
export interface PolicyVersion { id: string; document: string; createDate: string }
export interface Policy {
  name: string; type: 'System' | 'Custom'; description: string; versions: PolicyVersion[];
  defaultVersion: string; createDate: string; updateDate: string;
  /** The highest version number ever given (RAM never reuses the id of a deleted version). */
  lastVersionNumber?: number;
}
export interface Vpc { id: string; region: string; name: string; cidr: string; createDate: string; isDefault: boolean }
export interface VSwitch { id: string; vpcId: string; region: string; zone: string; cidr: string; name: string; createDate: string }
export interface SecurityGroup { id: string; region: string; vpcId: string; name: string; description: string; createDate: string }
export interface Instance {
  id: string; name: string; region: string; zone: string; networkType: 'vpc' | 'classic';
  vpcId: string; vSwitchId: string; securityGroupIds: string[]; privateIp: string; publicIp: string;
  status: string; instanceType: string; imageId: string; osName: string; cpu: number; memory: number;
  creationTime: string; ramRole: string;
  /** The extra policy given with AttachInstanceRamRole: narrows the role on this instance. */
  ramRolePolicy: string;
  /** RunInstances' InternetMaxBandwidthOut (Mbit/s; above 0 the instance got a public IP) and its charge type. */
  internetMaxBandwidthOut?: number;
  internetChargeType?: string;
}
export interface KeyVersion { id: string; material: Buffer; creationDate: string }
export interface KmsKey {
  id: string; region: string; description: string; state: 'Enabled' | 'Disabled' | 'PendingDeletion';
  creationDate: string; versions: KeyVersion[]; primaryVersion: string; deleteDate: string; creator: string;
}
export interface Alias { name: string; keyId: string; region: string }
export interface SecretVersion { id: string; data: string; dataType: string; createTime: string; stages: string[] }
export interface Secret {
  name: string; region: string; description: string; keyId: string; createTime: string; updateTime: string;
  versions: SecretVersion[];
}
export interface StsSession {
  accessKeyId: string; secret: string; token: string; expiration: number;
  roleName: string; sessionName: string; assumedRoleId: string; issuedBy: string;
  /** A session policy (AssumeRole Policy, or the instance's extra policy): the session may do only what both allow. */
  policy?: string;
}

export type Principal =
  | { kind: 'user'; userName: string }
  | { kind: 'role'; roleName: string; sessionName: string; session: StsSession };

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A random lower-case alphanumeric id of `n` characters, e.g. the tail of an instance id. */
export function randomId(n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i++) out += ALNUM[bytes[i] % ALNUM.length];
  return out;
}
export const randomDigits = (n: number): string =>
  Array.from(randomBytes(n), (b) => String(b % 10)).join('').replace(/^0/, '1');

/** `YYYY-MM-DDTHH:MM:SSZ`, the format every Alibaba Cloud API uses for dates. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class Account {
  readonly users = new Map<string, User>();
  readonly accessKeys = new Map<string, AccessKey>();
  /** Keyed by lower-case name: RAM role names are case-insensitive. */
  readonly roles = new Map<string, Role>();
  /** Custom policies only; system policies live in systemPolicies.ts. */
  readonly policies = new Map<string, Policy>();
  readonly vpcs = new Map<string, Vpc>();
  readonly vswitches = new Map<string, VSwitch>();
  readonly securityGroups = new Map<string, SecurityGroup>();
  readonly instances = new Map<string, Instance>();
  readonly keys = new Map<string, KmsKey>();
  /** Keyed by `${region}/${aliasName}`. */
  readonly aliases = new Map<string, Alias>();
  /** Keyed by `${region}/${secretName}`. */
  readonly secrets = new Map<string, Secret>();
  /** RunInstances ClientToken → what that request was and the instances it created (idempotency). */
  readonly clientTokens = new Map<string, { request: string; instanceIds: string[] }>();
  /** Keyed by the STS AccessKeyId. */
  readonly sessions = new Map<string, StsSession>();
  thisInstanceId: string | undefined;

  constructor(readonly accountId: string, readonly defaultRegion: string) {}

  roleArn(name: string): string { return `acs:ram::${this.accountId}:role/${name.toLowerCase()}`; }
  userArn(name: string): string { return `acs:ram::${this.accountId}:user/${name}`; }

  addUser(name: string, policies: PolicyRef[], key?: { id: string; secret: string }): AccessKey {
    const now = isoSeconds(Date.now());
    if (!this.users.has(name)) this.users.set(name, { name, userId: randomDigits(16), policies, createDate: now });
    else this.users.get(name)!.policies.push(...policies);
    const accessKey: AccessKey = {
      id: key?.id ?? `LTAI5t${randomId(18)}`, secret: key?.secret ?? randomId(30), userName: name, createDate: now,
    };
    this.accessKeys.set(accessKey.id, accessKey);
    return accessKey;
  }
}
