import * as vscode from 'vscode';
import type { LocalText } from './localText';

/** The UI side of LocalText: the template is the l10n key. */
export function localize(value: LocalText): string {
  return vscode.l10n.t(value.template, ...value.args);
}
