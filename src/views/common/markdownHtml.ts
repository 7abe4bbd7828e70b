// The extension's own reports (Test Encrypt, Test Secret Read, Explain Access) are written as Markdown
// (the plain-text copy users paste into tickets); this turns that small Markdown subset into HTML for a
// webview: headings, bullet lists, quotes, pipe tables, `code` and **bold**. Every line is HTML-escaped
// BEFORE any markup is added, so cloud text in a report (names, error messages) can never become markup,
// a link or a script, whatever it holds. No vscode: unit-tested alone.
import { escapeHtml } from './html';

/** `code` spans and **bold** of one escaped line (code first: nothing inside a code span is formatted). */
function inline(escaped: string): string {
  const parts = escaped.split(/(`+)([\s\S]*?)\1/);
  let out = '';
  // split with two groups: [text, fence, code, text, fence, code, …]
  for (let i = 0; i < parts.length; i += 3) {
    out += parts[i].replace(/\*\*(.+?)\*\*/g, '<b>$1</b>');
    if (i + 2 < parts.length) out += `<code>${parts[i + 2].trim()}</code>`;
  }
  return out;
}

const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
const isTableSeparator = (line: string) => /^\|?\s*:?-{3,}/.test(line.trim()) && /^[|\s:-]+$/.test(line.trim());

/** The HTML of `markdown` (only the subset the reports use; anything else is a paragraph of text). */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let list: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.map((item) => `<li>${item}</li>`).join('')}</ul>`);
    if (table.length) {
      const [head, ...body] = table;
      out.push(`<table><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead>`
        + `<tbody>${body.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    }
    list = [];
    table = [];
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim().startsWith('|')) {
      if (list.length) flush();
      if (!isTableSeparator(line)) table.push(cells(line).map((c) => inline(escapeHtml(c))));
      continue;
    }
    if (table.length) flush();
    const bullet = /^\s*[-*] (.*)$/.exec(line);
    if (bullet) {
      list.push(inline(escapeHtml(bullet[1])));
      continue;
    }
    flush();
    const heading = /^(#{1,4}) (.*)$/.exec(line);
    if (heading) out.push(`<h${heading[1].length + 1}>${inline(escapeHtml(heading[2]))}</h${heading[1].length + 1}>`);
    else if (line.startsWith('> ')) out.push(`<blockquote>${inline(escapeHtml(line.slice(2)))}</blockquote>`);
    else if (line.trim()) out.push(`<p>${inline(escapeHtml(line))}</p>`);
  }
  flush();
  return out.join('\n');
}
