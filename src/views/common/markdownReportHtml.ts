// The page of a Markdown report (markdownReport.ts): the report rendered, its verdict heading coloured, and
// one button per action (posted back as { kind: 'button', index }). No vscode: unit-tested alone.
import { escapeHtml, reportPage } from './html';
import { markdownToHtml } from './markdownHtml';

/** Whether the report's verdict is good or bad: colours its first heading. */
export type ReportTone = 'passed' | 'failed' | 'neutral';

const TONE_STYLE = 'h2.passed{color:var(--vscode-testing-iconPassed)}h2.failed{color:var(--vscode-testing-iconFailed)}'
  + 'th{text-align:left;border-bottom:1px solid var(--vscode-panel-border);padding:6px}blockquote{border-left:3px solid var(--vscode-textBlockQuote-border);margin:8px 0;padding:2px 8px}'
  + 'code{font-family:var(--vscode-editor-font-family);word-break:break-all}';

export function renderMarkdownReport(markdown: string, buttons: readonly string[], tone: ReportTone, nonce: string, cspSource: string): string {
  const bar = buttons.map((label, index) => `<button data-kind="button" data-index="${index}">${escapeHtml(label)}</button>`).join('');
  // The first heading carries the verdict: its class gives the colour, `id="verdict"` lets tests find it.
  const body = markdownToHtml(markdown).replace(/^<h2>/, `<h2 id="verdict" class="${tone}">`);
  return reportPage(`${body}\n<p class="buttons">${bar}</p>`, nonce, cspSource, TONE_STYLE);
}

