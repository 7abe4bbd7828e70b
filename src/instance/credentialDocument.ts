// "Show Instance Credential" as a read-only document: the same fields as the view. The secret and
// the token are not in the snapshot; the document says they exist and how to copy them.
import * as vscode from 'vscode';
import { credentialFields } from './credentialPresentation';
import type { InstanceSnapshot } from './instanceSnapshot';
import { localize } from './localize';

export function renderCredentialDocument(s: InstanceSnapshot, now: number): string {
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
