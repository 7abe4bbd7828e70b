// The UI edge of the hint catalog (src/cloud/hintCatalog.ts): src/cloud has no vscode, so a CloudError
// carries its hint as { key, args, action }; this is the one place that localizes it, by key. The
// catalog's keys are l10n keys (scripts/l10n collects them), so no English text is ever matched here.
import * as vscode from 'vscode';
import { COMMAND, type CommandId } from '../commandIds';
import type { HintRef } from '../cloud/types';

export function localizeHint(hint: HintRef | undefined): string | undefined {
  return hint ? vscode.l10n.t(hint.key, ...hint.args) : undefined;
}

/** The button label of each command a hint may offer (the same words as the command's title). */
const ACTION_LABELS: Partial<Record<CommandId, () => string>> = {
  [COMMAND.selectProfile]: () => vscode.l10n.t('Select Profile'),
  [COMMAND.addAccessKey]: () => vscode.l10n.t('Add AccessKey'),
  [COMMAND.refreshInstanceCredential]: () => vscode.l10n.t('Refresh Instance Credential'),
  [COMMAND.replaceRole]: () => vscode.l10n.t('Replace Role'),
  [COMMAND.openTrustPolicy]: () => vscode.l10n.t('Open Trust Policy'),
  [COMMAND.createRole]: () => vscode.l10n.t('Create Instance RAM Role'),
  [COMMAND.selectRegions]: () => vscode.l10n.t('Select Regions'),
  [COMMAND.attachRole]: () => vscode.l10n.t('Attach Role to Instances'),
  [COMMAND.grantKmsAccess]: () => vscode.l10n.t('Grant KMS Access'),
  [COMMAND.editPolicy]: () => vscode.l10n.t('Edit Policy'),
  [COMMAND.deletePolicy]: () => vscode.l10n.t('Delete Policy'),
  [COMMAND.detachPolicy]: () => vscode.l10n.t('Detach Policy'),
};

/** The command a hint offers, with its localized label; undefined when it offers none (or no label is known). */
export function hintAction(hint: HintRef | undefined): { readonly label: string; readonly command: CommandId } | undefined {
  const label = hint?.action ? ACTION_LABELS[hint.action] : undefined;
  return label && hint?.action ? { label: label(), command: hint.action } : undefined;
}
