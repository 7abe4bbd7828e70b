// Choosing what a KMS test (Test Encrypt, Test Secret Read, Diagnose) works on, and with which endpoint:
// the key (a key NodeRef, a quick pick of the keys the management profile can list, a typed
// id/alias/ARN, or alicloudKms.defaultKey), the management services (the active profile unless it is
// this instance itself), the endpoint kind.
import * as vscode from 'vscode';
import type { CloudServices } from '../../cloud/types';
import { resolveEndpoint } from '../../cloud/endpoints';
import type { KmsEndpointInfo } from '../../diagnosis/diagnosisTypes';
import { classifyKeyIdentifier } from '../../policy/arn';
import { readCloudSettings, readDefaultKey } from '../../session/cloudSettings';
import { localize } from '../../util/localize';
import { refOfKind, type NodeRef } from '../../views/common/nodeRef';
import type { CommandContext } from '../commandContext';
import { UserCancelledError } from '../runCommand';

export interface KeyChoice {
  readonly identifier: string;
  /** Known from a tree node or an ARN. */
  readonly regionId?: string;
}

/** The key a command was invoked on (a key of the KMS Keys view). */
export function keyOfRef(ref: NodeRef | undefined): KeyChoice | undefined {
  const key = refOfKind(ref, 'key');
  return key && { identifier: key.keyId, regionId: key.regionId };
}

export function regionOfIdentifier(identifier: string): string | undefined {
  const parsed = classifyKeyIdentifier(identifier);
  return parsed.ok && (parsed.value.kind === 'keyArn' || parsed.value.kind === 'aliasArn') ? parsed.value.region : undefined;
}

export function defaultKey(): string | undefined {
  return readDefaultKey();
}

/** The active profile's services when it is a management profile (not this instance's own role). */
export async function managementServices(ctx: CommandContext): Promise<CloudServices | undefined> {
  const services = await ctx.session.getServices().catch(() => undefined);
  return services && services.profile.source !== 'ecsInstance' ? services : undefined;
}

export function kmsEndpointInfo(regionId: string): KmsEndpointInfo {
  const settings = readCloudSettings();
  const resolved = resolveEndpoint('kms', regionId, settings);
  return { endpoint: resolved.endpoint, protocol: resolved.protocol, overridden: resolved.overridden, vpc: !resolved.overridden && settings.kmsVpcEndpoint === true };
}

type KeyItem = vscode.QuickPickItem & { identifier?: string; regionId?: string; typed?: boolean };

/** Asks for a key: the listed keys of the management profile, the default key, or typing one. */
export async function pickKey(ctx: CommandContext, regionId: string, management: CloudServices | undefined): Promise<KeyChoice> {
  const items = (async (): Promise<KeyItem[]> => {
    const out: KeyItem[] = [{ label: `$(edit) ${vscode.l10n.t('Enter a key id, alias or ARN…')}`, typed: true, alwaysShow: true }];
    const preset = defaultKey();
    if (preset) out.push({ label: `$(star) ${preset}`, description: vscode.l10n.t('alicloudKms.defaultKey'), identifier: preset, regionId: regionOfIdentifier(preset) });
    if (management) {
      try {
        const kms = management.kms(regionId);
        const aliases = new Map<string, string[]>();
        for await (const alias of kms.listAliases()) aliases.set(alias.keyId, [...(aliases.get(alias.keyId) ?? []), alias.aliasName]);
        let count = 0;
        for await (const key of kms.listKeys()) {
          out.push({ label: key.keyId, description: aliases.get(key.keyId)?.join(', '), detail: regionId, identifier: key.keyId, regionId });
          if (++count >= 200) break;
        }
      } catch (error) {
        ctx.log.warn(`Listing keys in ${regionId} for the key pick failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return out;
  })();
  const picked = await ctx.ui.showQuickPick(items, { title: vscode.l10n.t('Key to test ({0})', regionId), matchOnDescription: true });
  if (!picked) throw new UserCancelledError();
  if (!picked.typed) return { identifier: picked.identifier!, regionId: picked.regionId };
  const typed = await ctx.ui.showInputBox({
    title: vscode.l10n.t('Key to test'),
    prompt: vscode.l10n.t('A key id, an alias (alias/name) or an ARN (acs:kms:<region>:<account>:key/<id>)'),
    value: preset(),
    validateInput: (value) => {
      const parsed = classifyKeyIdentifier(value);
      return parsed.ok ? undefined : localize(parsed.problem);
    },
  });
  if (!typed) throw new UserCancelledError();
  const trimmed = typed.trim();
  return { identifier: trimmed, regionId: regionOfIdentifier(trimmed) };
}

function preset(): string {
  return defaultKey() ?? '';
}
