// The webview panel of one fleet check run (a new tab per run): re-rendered as results arrive; its
// buttons come back as FleetReportActions to the command that owns the run.
import type * as vscode from 'vscode';
import { ReportPanel } from '../common/reportPanel';
import { renderFleetReport } from './fleetReportHtml';
import { isFleetReportAction, type FleetReportAction, type FleetReportModel } from './fleetReportModel';

export class FleetReportPanel implements vscode.Disposable {
  private readonly panel: ReportPanel;

  constructor(title: string, onAction: (action: FleetReportAction) => void) {
    this.panel = new ReportPanel('alicloudKms.fleetCheck', title, (action) => {
      if (isFleetReportAction(action)) onAction(action);
    });
  }

  /** The last HTML shown: what the tests read. */
  get html(): string {
    return this.panel.html;
  }

  update(model: FleetReportModel): void {
    this.panel.update((nonce, csp) => renderFleetReport(model, nonce, csp));
  }

  dispose(): void {
    this.panel.dispose();
  }
}
