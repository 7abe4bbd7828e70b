import * as vscode from 'vscode';
import type { InstanceSnapshot } from '../diagnosis/instanceSnapshot';
import { localize } from '../util/localize';
import { credentialFields } from '../views/instanceCredential/credentialPresentation';
import type { CommandContext } from './commandContext';
import { showReadOnlyDocument } from './readOnlyDocument';

/** The instance credential's fields in a read-only document (masked AccessKeyId; no secret, no token). */
export async function showInstanceCredential(ctx: CommandContext): Promise<InstanceSnapshot> {
  const snapshot = await ctx.instance.ready();
  await showReadOnlyDocument('instance-credential.md', renderCredentialDocument(snapshot, Date.now()), 'markdown');
  return snapshot;
}

// The same fields as the view. The secret and the token are not in the snapshot; the document says they
// exist and how to copy them.
function renderCredentialDocument(s: InstanceSnapshot, now: number): string {
  const lines = [`# ${vscode.l10n.t('Instance Credential')}`, '', `- ${vscode.l10n.t('Metadata service')}: ${s.endpoint} (${new Date(s.checkedAt).toISOString()})`];
  if (!s.onEcs) lines.push(`- ${vscode.l10n.t('On ECS')}: ${vscode.l10n.t('no')}`);
  for (const f of credentialFields(s, now)) lines.push(`- ${f.label}: \`${f.value}\`${f.warning ? ' ⚠️' : ''}`);
  if (s.credential) {
    lines.push(
      `- AccessKeySecret: ${vscode.l10n.t('hidden')}`,
      `- SecurityToken: ${vscode.l10n.t('hidden')}`,
      '',
      vscode.l10n.t('The secret and the token are never shown or logged. "Copy Instance Credential" copies them to the clipboard after a confirmation.'),
    );
  }
  if (s.problem) {
    lines.push('', `## ${vscode.l10n.t('Problem')}`, '', localize(s.problem.message));
    if (s.problem.fix) lines.push('', `**${vscode.l10n.t('Fix')}:** ${localize(s.problem.fix)}${s.problem.action ? ` (${localize(s.problem.action.label)})` : ''}`);
  }
  return lines.join('\n') + '\n';
}
