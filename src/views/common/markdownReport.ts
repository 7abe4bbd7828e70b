// A report written as Markdown (Test Encrypt, Test Secret Read, Explain Access) shown rendered in a webview
// panel that follows the theme, with its buttons (a fix, "Run Again", "Open as Markdown", …) below it.
// The Markdown stays the plain-text copy (log, clipboard, "Open as Markdown").
import { renderMarkdownReport, type ReportTone } from './markdownReportHtml';
import { ReportPanel } from './reportPanel';

export type { ReportTone } from './markdownReportHtml';

export interface ReportButton {
  readonly label: string;
  readonly run: () => unknown;
}

/** Shows `markdown` in the shared panel of `viewType` (a new run replaces the last one); returns the panel. */
export function showMarkdownReport(viewType: string, title: string, markdown: string, buttons: readonly ReportButton[], tone: ReportTone): ReportPanel {
  const panel = ReportPanel.show(viewType, title, (action) => {
    if (action.kind === 'button' && action.index !== undefined) void buttons[action.index]?.run();
  });
  panel.update((nonce, csp) => renderMarkdownReport(markdown, buttons.map((b) => b.label), tone, nonce, csp));
  return panel;
}
