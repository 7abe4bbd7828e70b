import * as vscode from 'vscode';
import { refOfKind, type NodeRef } from '../views/common/nodeRef';
import { enableKeyCommand } from '../workflows/repair/repairCli';
import type { CommandContext } from './commandContext';
import { pickRegion } from './pickers';
import { requireServices } from './requireServices';
import { UserCancelledError } from './runCommand';
import { confirmWithCli } from './wizard/confirmWithCli';

/** Enable Key: the repair for "the key is disabled" (EnableKey), confirmed, then read back with DescribeKey. */
export async function enableKey(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const key = refOfKind(ref, 'key') ?? (await pickDisabledKey(ctx, services));
  const kms = services.kms(key.regionId);
  const before = await kms.describeKey(key.keyId);
  if (before.keyState === 'Enabled') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Key {0} is already enabled.', key.keyId));
    return;
  }
  if (before.keyState === 'PendingDeletion') {
    throw new Error(vscode.l10n.t('Key {0} is pending deletion: cancel the deletion in the KMS console first (CancelKeyDeletion), then enable it.', key.keyId));
  }
  await confirmWithCli(ctx, vscode.l10n.t('Enable key {0} in {1}?', key.keyId, key.regionId), vscode.l10n.t('Enable'), [enableKeyCommand(key)],
    { detail: vscode.l10n.t('Everyone whose policies allow this key can encrypt and decrypt with it again.') });
  await kms.enableKey(key.keyId);
  const after = await kms.describeKey(key.keyId);
  if (after.keyState !== 'Enabled') throw new Error(vscode.l10n.t('KMS accepted EnableKey, but key {0} reads back as {1}.', key.keyId, after.keyState));
  ctx.log.info(`Enabled key ${key.keyId} in ${key.regionId}`);
  ctx.trees.keys.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Enabled key {0}.', key.keyId));
}

async function pickDisabledKey(ctx: CommandContext, services: Awaited<ReturnType<typeof requireServices>>): Promise<{ regionId: string; keyId: string }> {
  const regionId = await pickRegion(ctx.ui, services, vscode.l10n.t('Select the key\'s region'));
  const kms = services.kms(regionId);
  const items = (async () => {
    const out: (vscode.QuickPickItem & { keyId: string })[] = [];
    for await (const k of kms.listKeys()) out.push({ label: k.keyId, keyId: k.keyId });
    return out;
  })();
  const picked = await ctx.ui.showQuickPick(items, { title: vscode.l10n.t('Select the key to enable') });
  if (!picked) throw new UserCancelledError();
  return { regionId, keyId: picked.keyId };
}
