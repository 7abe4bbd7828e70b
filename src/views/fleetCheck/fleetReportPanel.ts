// The webview panel of one fleet check run: re-rendered as results arrive; its buttons come back as
// FleetReportActions to the command that owns the run.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { renderFleetReport } from './fleetReportHtml';
import { isFleetReportAction, type FleetReportAction, type FleetReportModel } from './fleetReportModel';

export class FleetReportPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly nonce = randomBytes(16).toString('base64');
  /** The last HTML shown: what the tests read. */
  html = '';

  constructor(title: string, onAction: (action: FleetReportAction) => void) {
    this.panel = vscode.window.createWebviewPanel('alicloudKms.fleetCheck', title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    this.panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isFleetReportAction(message)) onAction(message);
    });
  }

  update(model: FleetReportModel): void {
    this.html = renderFleetReport(model, this.nonce, this.panel.webview.cspSource);
    this.panel.webview.html = this.html;
  }

  dispose(): void {
    this.panel.dispose();
  }
}
