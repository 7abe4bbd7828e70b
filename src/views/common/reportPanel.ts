// A webview panel showing one report (Diagnose, fleet check, Test Encrypt, …): the HTML a renderer makes
// with this panel's nonce and CSP source, and the page's buttons sent back as ReportActions to whoever
// showed the report last. `shared` panels (one per view type) are shown again, not opened as a new tab.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** A click on a report button: its `data-kind` and, when it has one, its `data-index`. */
export interface ReportAction {
  readonly kind: string;
  readonly index?: number;
}

export function isReportAction(value: unknown): value is ReportAction {
  const v = value as { kind?: unknown; index?: unknown } | undefined;
  return typeof v?.kind === 'string' && (v.index === undefined || Number.isInteger(v.index));
}

export type ReportRenderer = (nonce: string, cspSource: string) => string;

export class ReportPanel implements vscode.Disposable {
  private static readonly shared = new Map<string, ReportPanel>();
  private readonly panel: vscode.WebviewPanel;
  private readonly nonce = randomBytes(16).toString('base64');
  private onAction: (action: ReportAction) => void = () => undefined;
  /** The last HTML shown: what the tests read. */
  html = '';

  /** A new panel (one per run, e.g. each fleet check). */
  constructor(viewType: string, title: string, onAction?: (action: ReportAction) => void) {
    this.panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    if (onAction) this.onAction = onAction;
    this.panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isReportAction(message)) this.onAction(message);
    });
    this.panel.onDidDispose(() => {
      if (ReportPanel.shared.get(viewType) === this) ReportPanel.shared.delete(viewType);
    });
  }

  /** The open panel of `viewType` (revealed, retitled), or a new one; `onAction` replaces the previous run's handler. */
  static show(viewType: string, title: string, onAction: (action: ReportAction) => void): ReportPanel {
    let panel = ReportPanel.shared.get(viewType);
    if (!panel) ReportPanel.shared.set(viewType, (panel = new ReportPanel(viewType, title)));
    panel.onAction = onAction;
    panel.panel.title = title;
    panel.panel.reveal(undefined, false);
    return panel;
  }

  update(render: ReportRenderer): void {
    this.html = render(this.nonce, this.panel.webview.cspSource);
    this.panel.webview.html = this.html;
  }

  dispose(): void {
    this.panel.dispose();
  }
}
