// The one Diagnose KMS Access panel: shown again (not a new tab) on every run, its buttons sent back as
// DiagnosisReportActions to whoever ran the diagnosis last (the command, with its key).
import * as vscode from 'vscode';
import type { DiagnosisReport } from '../../diagnosis/diagnosisTypes';
import { ReportPanel } from '../common/reportPanel';
import { isDiagnosisReportAction, renderDiagnosisHtml, type DiagnosisReportAction } from './diagnosisReportHtml';

export class DiagnosisReportPanel {
  private constructor(private readonly panel: ReportPanel) {}

  /** The open panel (revealed), or a new one; `onAction` replaces the previous run's handler. */
  static show(onAction: (action: DiagnosisReportAction) => void): DiagnosisReportPanel {
    return new DiagnosisReportPanel(ReportPanel.show('alicloudKms.diagnosis', vscode.l10n.t('Diagnose KMS Access'), (action) => {
      if (isDiagnosisReportAction(action)) onAction(action);
    }));
  }

  /** The last HTML shown: what the tests read. */
  get html(): string {
    return this.panel.html;
  }

  update(report: DiagnosisReport, running = false): void {
    this.panel.update((nonce, csp) => renderDiagnosisHtml(report, nonce, csp, running));
  }
}
