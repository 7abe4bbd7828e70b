// The fields of the instance credential as the view, the status bar and the document show them.
// Only masked or public values: the secret and the token are not in the snapshot at all.
import * as vscode from 'vscode';
import { NEAR_EXPIRY_MS, type CredentialSummary, type InstanceSnapshot } from '../../diagnosis/instanceSnapshot';
import { formatDuration } from '../../util/duration';

export interface CredentialField {
  /** Stable key (tree item ids, tests). */
  readonly key: 'instance' | 'region' | 'zone' | 'vpc' | 'role' | 'accessKeyId' | 'expiration' | 'lastUpdated' | 'fetchedWith';
  readonly label: string;
  readonly value: string;
  readonly icon: string;
  readonly warning?: boolean;
}

export function expiryText(c: CredentialSummary, now: number): string {
  const left = c.expirationMs - now;
  return left > 0
    ? vscode.l10n.t('{0} (in {1})', c.expiration, formatDuration(left))
    : vscode.l10n.t('{0} (expired {1} ago)', c.expiration, formatDuration(-left));
}

export function fetchedWithText(mode: 'token' | 'no-token'): string {
  return mode === 'token' ? vscode.l10n.t('token (IMDSv2)') : vscode.l10n.t('no token (token-less request)');
}

export function credentialFields(s: InstanceSnapshot, now: number): CredentialField[] {
  const fields: CredentialField[] = [];
  const i = s.identity;
  if (i) {
    fields.push({ key: 'instance', label: vscode.l10n.t('Instance'), value: i.instanceId, icon: 'vm' });
    fields.push({ key: 'region', label: vscode.l10n.t('Region'), value: i.regionId, icon: 'globe' });
    fields.push({ key: 'zone', label: vscode.l10n.t('Zone'), value: i.zoneId ?? '-', icon: 'location' });
    fields.push({ key: 'vpc', label: vscode.l10n.t('VPC'), value: i.vpcId ?? vscode.l10n.t('none (classic network?)'), icon: 'type-hierarchy', warning: !i.vpcId });
  }
  const role = s.credential?.roleName ?? s.roleName;
  fields.push({ key: 'role', label: vscode.l10n.t('Role'), value: role ?? vscode.l10n.t('none attached'), icon: 'shield', warning: !role });
  const c = s.credential;
  if (c) {
    fields.push({ key: 'accessKeyId', label: vscode.l10n.t('AccessKeyId'), value: c.accessKeyIdMasked, icon: 'key' });
    fields.push({ key: 'expiration', label: vscode.l10n.t('Expiration'), value: expiryText(c, now), icon: 'clock', warning: c.expirationMs - now < NEAR_EXPIRY_MS });
    fields.push({ key: 'lastUpdated', label: vscode.l10n.t('Last updated'), value: c.lastUpdated ?? '-', icon: 'history' });
    fields.push({ key: 'fetchedWith', label: vscode.l10n.t('Fetched with'), value: fetchedWithText(c.mode), icon: c.mode === 'token' ? 'lock' : 'unlock', warning: c.mode !== 'token' });
  }
  return fields;
}
