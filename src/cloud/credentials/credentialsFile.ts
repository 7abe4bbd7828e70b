// Reads the Alibaba Cloud SDKs' shared INI file ~/.alibabacloud/credentials (or
// ALIBABA_CLOUD_CREDENTIALS_FILE): sections with type = access_key | sts | ecs_ram_role | ram_role_arn ...
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { ProfileKind } from '../types';
import { makeEntry, roleNameOfArn, type CredentialSpec, type ProfileEntry } from './profileSpec';

export function credentialsFilePath(home: string, env: Readonly<Record<string, string | undefined>>): string {
  return env.ALIBABA_CLOUD_CREDENTIALS_FILE?.trim() || path.join(home, '.alibabacloud', 'credentials');
}

/** A small INI parser: [section], key = value, `#`/`;` comments, optional quotes. */
export function parseIni(text: string): Map<string, Record<string, string>> {
  const sections = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = {};
      sections.set(header[1].trim(), current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || !current) continue;
    let value = line.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    current[line.slice(0, eq).trim().toLowerCase()] = value;
  }
  return sections;
}

function specOf(s: Record<string, string>): { kind: ProfileKind; spec: CredentialSpec } {
  const type = (s.type ?? 'access_key').toLowerCase();
  const accessKey = (): CredentialSpec =>
    s.access_key_id && s.access_key_secret
      ? { type: 'accessKey', accessKeyId: s.access_key_id, accessKeySecret: s.access_key_secret }
      : { type: 'unsupported', reason: 'access_key_id or access_key_secret is missing in the credentials file.' };
  switch (type) {
    case 'access_key':
      return { kind: 'AK', spec: accessKey() };
    case 'sts': {
      const base = accessKey();
      if (base.type === 'accessKey' && !s.security_token) return { kind: 'StsToken', spec: { type: 'unsupported', reason: 'security_token is missing.' } };
      return { kind: 'StsToken', spec: base.type === 'accessKey' ? { ...base, securityToken: s.security_token } : base };
    }
    case 'ecs_ram_role':
      return { kind: 'EcsRamRole', spec: { type: 'ecsRamRole', roleName: s.role_name || undefined } };
    case 'ram_role_arn': {
      const base = accessKey();
      if (base.type !== 'accessKey') return { kind: 'RamRoleArn', spec: base };
      if (!s.role_arn) return { kind: 'RamRoleArn', spec: { type: 'unsupported', reason: 'role_arn is missing.' } };
      const duration = Number(s.role_session_expiration);
      return {
        kind: 'RamRoleArn',
        spec: { type: 'ramRoleArn', source: base, roleArn: s.role_arn, sessionName: s.role_session_name || 'vscode-alicloud-kms', durationSeconds: duration > 0 ? duration : undefined, policy: s.policy || undefined },
      };
    }
    case 'oidc_role_arn':
      return { kind: 'OIDC', spec: { type: 'unsupported', reason: 'oidc_role_arn is meant for containers (AssumeRoleWithOIDC); use an AccessKey or RamRoleArn profile here.' } };
    case 'rsa_key_pair':
      return { kind: 'RsaKeyPair', spec: { type: 'unsupported', reason: 'rsa_key_pair is retired by Alibaba Cloud (Japan site only).' } };
    default:
      return { kind: 'Unknown', spec: { type: 'unsupported', reason: `Unknown credential type ${JSON.stringify(type)}.` } };
  }
}

export function parseCredentialsFile(text: string, file: string): ProfileEntry[] {
  const entries: ProfileEntry[] = [];
  for (const [name, section] of parseIni(text)) {
    if (section.enable !== undefined && section.enable.toLowerCase() === 'false') continue;
    const { kind, spec } = specOf(section);
    entries.push(makeEntry('credentialsFile', name, kind, spec, { file, region: section.region_id, roleName: section.role_name || roleNameOfArn(section.role_arn ?? '') }));
  }
  return entries;
}

export async function readCredentialsFile(home: string, env: Readonly<Record<string, string | undefined>>): Promise<{ entries: ProfileEntry[]; warnings: string[] }> {
  const file = credentialsFilePath(home, env);
  try {
    return { entries: parseCredentialsFile(await fs.readFile(file, 'utf8'), file), warnings: [] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { entries: [], warnings: [] };
    return { entries: [], warnings: [`${file}: cannot read (${code ?? (error as Error).message})`] };
  }
}
