// Shows a Markdown report (Test Encrypt, Test Secret Read, Explain Access) rendered in its panel, with the
// report's own buttons and then "Open as Markdown" and "Copy Report" for the plain-text copy.
import * as vscode from 'vscode';
import { showMarkdownReport, type ReportButton, type ReportTone } from '../../views/common/markdownReport';
import type { ReportPanel } from '../../views/common/reportPanel';
import { showReadOnlyDocument } from '../readOnlyDocument';

export interface ReportToShow {
  /** The panel's view type: one panel per kind of report, shown again by the next run. */
  readonly viewType: string;
  readonly title: string;
  /** The name of the Markdown copy ("Open as Markdown"). */
  readonly fileName: string;
  readonly markdown: string;
  readonly tone: ReportTone;
  readonly buttons?: readonly ReportButton[];
  /** False when the report holds something that must not leave it (a revealed secret value). */
  readonly copyable?: boolean;
}

export function showReport(r: ReportToShow): ReportPanel {
  const copies: ReportButton[] = r.copyable === false ? [] : [
    { label: vscode.l10n.t('Open as Markdown'), run: () => showReadOnlyDocument(r.fileName, r.markdown, 'markdown') },
    { label: vscode.l10n.t('Copy Report'), run: () => vscode.env.clipboard.writeText(r.markdown) },
  ];
  return showMarkdownReport(r.viewType, r.title, r.markdown, [...(r.buttons ?? []), ...copies], r.tone);
}
