// What a profile needs to sign requests. Internal to src/cloud: the factory keeps these and
// hands out only the display data (Profile), so no secret reaches the UI.
import type { Profile, ProfileKind, ProfileSource } from '../types';
import { maskAccessKeyId } from '../../util/mask';

export type CredentialSpec =
  | { readonly type: 'accessKey'; readonly accessKeyId: string; readonly accessKeySecret: string; readonly securityToken?: string }
  | { readonly type: 'ecsRamRole'; readonly roleName?: string }
  | {
      readonly type: 'ramRoleArn';
      readonly source: CredentialSpec;
      readonly roleArn: string;
      readonly sessionName: string;
      readonly durationSeconds?: number;
      readonly externalId?: string;
      readonly policy?: string;
    }
  | { readonly type: 'unsupported'; readonly reason: string };

export interface ProfileEntry {
  readonly profile: Profile;
  readonly spec: CredentialSpec;
}

export function makeEntry(
  source: ProfileSource,
  name: string,
  kind: ProfileKind,
  spec: CredentialSpec,
  extra: { region?: string; file?: string; roleName?: string } = {},
): ProfileEntry {
  const accessKeyId = spec.type === 'accessKey' ? spec.accessKeyId : spec.type === 'ramRoleArn' && spec.source.type === 'accessKey' ? spec.source.accessKeyId : undefined;
  const profile: Profile = {
    id: `${source}:${name}`,
    name,
    source,
    kind,
    region: extra.region || undefined,
    accessKeyIdMasked: accessKeyId ? maskAccessKeyId(accessKeyId) : undefined,
    roleName: extra.roleName || undefined,
    usable: spec.type !== 'unsupported',
    unusableReason: spec.type === 'unsupported' ? spec.reason : undefined,
    file: extra.file,
  };
  return { profile, spec };
}

/** Role name from an ARN `acs:ram::123:role/name`. */
export function roleNameOfArn(arn: string): string | undefined {
  return /:role\/(.+)$/.exec(arn)?.[1];
}
