import * as vscode from 'vscode';
import { callerIdentity } from '../session/callerIdentity';
import { roleArn, keyArn, secretArn } from '../policy/arn';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';

/** Copy Name / ID: the cloud identifier of the node (role name, instance id, key id, secret name). */
export async function copyId(_ctx: CommandContext, node?: unknown): Promise<void> {
  const value = identifierOf(node);
  if (!value) return;
  await vscode.env.clipboard.writeText(value);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', value), 3000);
}

/** Copy ARN: the node's Alibaba Cloud Resource Name (account id from GetCallerIdentity when needed). */
export async function copyArn(ctx: CommandContext, node?: unknown): Promise<void> {
  const n = (node ?? {}) as { role?: { arn?: string }; key?: { arn?: string }; keyId?: string; secretName?: string; regionId?: string; roleName?: string };
  let arn = n.role?.arn ?? n.key?.arn;
  if (!arn) {
    const account = (await callerIdentity(await requireServices(ctx))).accountId;
    if (n.keyId && n.regionId) arn = keyArn(n.regionId, account, n.keyId);
    else if (n.secretName && n.regionId) arn = secretArn(n.regionId, account, n.secretName);
    else if (n.roleName) arn = roleArn(account, n.roleName);
  }
  if (!arn) return;
  await vscode.env.clipboard.writeText(arn);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', arn), 3000);
}

function identifierOf(node: unknown): string | undefined {
  const n = (node ?? {}) as Record<string, unknown>;
  for (const field of ['instanceId', 'keyId', 'secretName', 'roleName']) {
    if (typeof n[field] === 'string') return n[field] as string;
  }
  return undefined;
}
