import * as vscode from 'vscode';
import type { Message } from './message';

/** The UI side of every Message (a policy Problem, a diagnosis line, an instance problem): its template is the l10n key. */
export function localize(value: Message): string {
  return vscode.l10n.t(value.template, ...value.args);
}
