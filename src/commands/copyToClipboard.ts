import * as vscode from 'vscode';
import { callerIdentity } from '../session/callerIdentity';
import { roleArn, keyArn, secretArn } from '../policy/arn';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { identifierOf } from './nodeRefs';
import { requireServices } from './requireServices';

/** Copy Name / ID: the cloud identifier of the node (role name, instance id, key id, secret name). */
export async function copyId(_ctx: CommandContext, ref?: NodeRef): Promise<void> {
  if (!ref) return;
  await copy(identifierOf(ref));
}

/** Copy ARN: the node's Alibaba Cloud Resource Name (the account id from GetCallerIdentity, once per profile). */
export async function copyArn(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  if (ref?.kind !== 'role' && ref?.kind !== 'key' && ref?.kind !== 'secret') return;
  const account = (await callerIdentity(await requireServices(ctx))).accountId;
  if (ref.kind === 'role') await copy(roleArn(account, ref.roleName));
  else if (ref.kind === 'key') await copy(keyArn(ref.regionId, account, ref.keyId));
  else await copy(secretArn(ref.regionId, account, ref.secretName));
}

async function copy(value: string): Promise<void> {
  await vscode.env.clipboard.writeText(value);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', value), 3000);
}
