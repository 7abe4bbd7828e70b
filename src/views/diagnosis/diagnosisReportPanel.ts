// The one Diagnose KMS Access panel: shown again (not a new tab) on every run, its buttons sent back as
// DiagnosisReportActions to whoever ran the diagnosis last (the command, with its key).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { DiagnosisReport } from '../../diagnosis/diagnosisTypes';
import { isDiagnosisReportAction, renderDiagnosisHtml, type DiagnosisReportAction } from './diagnosisReportHtml';

export class DiagnosisReportPanel implements vscode.Disposable {
  private static current: DiagnosisReportPanel | undefined;
  private readonly panel: vscode.WebviewPanel;
  private readonly nonce = randomBytes(16).toString('base64');
  private onAction: (action: DiagnosisReportAction) => void = () => undefined;
  /** The last HTML shown: what the tests read. */
  html = '';

  private constructor() {
    this.panel = vscode.window.createWebviewPanel('alicloudKms.diagnosis', vscode.l10n.t('Diagnose KMS Access'), vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    this.panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isDiagnosisReportAction(message)) this.onAction(message);
    });
    this.panel.onDidDispose(() => {
      if (DiagnosisReportPanel.current === this) DiagnosisReportPanel.current = undefined;
    });
  }

  /** The open panel (revealed), or a new one; `onAction` replaces the previous run's handler. */
  static show(onAction: (action: DiagnosisReportAction) => void): DiagnosisReportPanel {
    const panel = DiagnosisReportPanel.current ?? (DiagnosisReportPanel.current = new DiagnosisReportPanel());
    panel.onAction = onAction;
    panel.panel.reveal(undefined, false);
    return panel;
  }

  update(report: DiagnosisReport, running = false): void {
    this.html = renderDiagnosisHtml(report, this.nonce, this.panel.webview.cspSource, running);
    this.panel.webview.html = this.html;
  }

  dispose(): void {
    this.panel.dispose();
  }
}
