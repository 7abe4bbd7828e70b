// Reads (never writes) the aliyun CLI's ~/.aliyun/config.json. Every mode is listed; the ones this
// extension cannot serve say why.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { ProfileKind } from '../types';
import { describeJsonSyntaxError } from './jsonSyntaxError';
import { makeEntry, roleNameOfArn, type CredentialSpec, type ProfileEntry } from './profileSpec';

interface CliProfile {
  name?: unknown;
  mode?: unknown;
  access_key_id?: unknown;
  access_key_secret?: unknown;
  sts_token?: unknown;
  ram_role_name?: unknown;
  ram_role_arn?: unknown;
  ram_session_name?: unknown;
  source_profile?: unknown;
  expired_seconds?: unknown;
  external_id?: unknown;
  region_id?: unknown;
}

export interface CliConfigResult {
  readonly entries: ProfileEntry[];
  readonly current?: string;
  readonly warnings: string[];
}

export function aliyunConfigPath(home: string): string {
  return path.join(home, '.aliyun', 'config.json');
}

const KINDS: Record<string, ProfileKind> = {
  AK: 'AK',
  StsToken: 'StsToken',
  RamRoleArn: 'RamRoleArn',
  EcsRamRole: 'EcsRamRole',
  ChainableRamRoleArn: 'ChainableRamRoleArn',
  OIDC: 'OIDC',
  CloudSSO: 'CloudSSO',
  External: 'External',
  CredentialsURI: 'CredentialsURI',
  RsaKeyPair: 'RsaKeyPair',
};

const UNSUPPORTED: Record<string, string> = {
  OIDC: 'OIDC mode (AssumeRoleWithOIDC from a token file) is meant for containers; use an AccessKey or RamRoleArn profile here.',
  CloudSSO: 'CloudSSO sign-in happens in the aliyun CLI\'s browser flow; this extension cannot refresh it. Run `aliyun configure --mode CloudSSO` and use the CLI, or add an AccessKey.',
  External: 'External mode runs a command from the config file; this extension does not run programs named in configuration.',
  CredentialsURI: 'CredentialsURI mode (fetch from a local URI) is not supported; use an AccessKey or RamRoleArn profile.',
  RsaKeyPair: 'RsaKeyPair mode is retired by Alibaba Cloud (Japan site only).',
  OAuth: 'OAuth mode needs the aliyun CLI\'s browser sign-in; use an AccessKey profile here.',
};

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
// The mode comes from a file: look it up as an own key, so "constructor" or "__proto__" is an unknown
// mode rather than a function from Object.prototype.
const lookup = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

function specOf(p: CliProfile, byName: Map<string, CliProfile>, depth = 0): CredentialSpec {
  const mode = text(p.mode) || 'AK';
  const accessKey = (): CredentialSpec =>
    text(p.access_key_id) && text(p.access_key_secret)
      ? { type: 'accessKey', accessKeyId: text(p.access_key_id), accessKeySecret: text(p.access_key_secret) }
      : { type: 'unsupported', reason: 'access_key_id or access_key_secret is empty in the aliyun CLI config.' };
  const duration = typeof p.expired_seconds === 'number' && p.expired_seconds > 0 ? p.expired_seconds : undefined;
  switch (mode) {
    case 'AK':
      return accessKey();
    case 'StsToken': {
      const base = accessKey();
      if (base.type !== 'accessKey') return base;
      if (!text(p.sts_token)) return { type: 'unsupported', reason: 'sts_token is empty in the aliyun CLI config.' };
      return { ...base, securityToken: text(p.sts_token) };
    }
    case 'EcsRamRole':
      return { type: 'ecsRamRole', roleName: text(p.ram_role_name) || undefined };
    case 'RamRoleArn': {
      const base = accessKey();
      if (base.type !== 'accessKey') return base;
      if (!text(p.ram_role_arn)) return { type: 'unsupported', reason: 'ram_role_arn is empty in the aliyun CLI config.' };
      return {
        type: 'ramRoleArn', source: base, roleArn: text(p.ram_role_arn), sessionName: text(p.ram_session_name) || 'vscode-alicloud-kms',
        durationSeconds: duration, externalId: text(p.external_id) || undefined,
      };
    }
    case 'ChainableRamRoleArn': {
      const sourceName = text(p.source_profile);
      const source = byName.get(sourceName);
      if (!source) return { type: 'unsupported', reason: `source_profile ${JSON.stringify(sourceName)} does not exist in the aliyun CLI config.` };
      if (depth > 5) return { type: 'unsupported', reason: 'source_profile chain is too long or circular.' };
      const sourceSpec = specOf(source, byName, depth + 1);
      if (sourceSpec.type === 'unsupported') return { type: 'unsupported', reason: `its source profile ${sourceName} is unusable: ${sourceSpec.reason}` };
      if (!text(p.ram_role_arn)) return { type: 'unsupported', reason: 'ram_role_arn is empty in the aliyun CLI config.' };
      return { type: 'ramRoleArn', source: sourceSpec, roleArn: text(p.ram_role_arn), sessionName: text(p.ram_session_name) || 'vscode-alicloud-kms', durationSeconds: duration };
    }
    default:
      return { type: 'unsupported', reason: lookup(UNSUPPORTED, mode) ?? `Unknown aliyun CLI mode ${JSON.stringify(mode)}.` };
  }
}

export function parseAliyunConfig(json: string, file: string): CliConfigResult {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    // Never JSON.parse's message: it quotes the text around the error, which may be a secret.
    const where = describeJsonSyntaxError(json);
    return { entries: [], warnings: [`${file}: not valid JSON${where ? ` at ${where}` : ''}`] };
  }
  const root = (doc ?? {}) as { current?: unknown; profiles?: unknown };
  if (!Array.isArray(root.profiles)) return { entries: [], warnings: [`${file}: no "profiles" list`] };
  const profiles = root.profiles.filter((p): p is CliProfile => p !== null && typeof p === 'object' && text((p as CliProfile).name) !== '');
  const byName = new Map(profiles.map((p) => [text(p.name), p]));
  const entries = profiles.map((p) => {
    const mode = text(p.mode) || 'AK';
    const spec = specOf(p, byName);
    const roleName = text(p.ram_role_name) || roleNameOfArn(text(p.ram_role_arn));
    return makeEntry('aliyunCli', text(p.name), lookup(KINDS, mode) ?? 'Unknown', spec, { region: text(p.region_id), file, roleName });
  });
  return { entries, current: text(root.current) || undefined, warnings: [] };
}

export async function readAliyunConfig(home: string): Promise<CliConfigResult> {
  const file = aliyunConfigPath(home);
  let json: string;
  try {
    json = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], warnings: [] };
    return { entries: [], warnings: [`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`] };
  }
  return parseAliyunConfig(json, file);
}
