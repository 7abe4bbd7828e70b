// Cloud data (instance and role names, descriptions, error details) inside Markdown tooltips: escaped
// so that a name like `[x](command:alicloudKms.deleteRole)` or `**bold**` shows as the text it is and
// never becomes a link, a command, formatting or a theme icon. No vscode: unit-tested alone.

/** CommonMark lets every ASCII punctuation character be backslash-escaped; escaping all is the safe rule. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** `text` as literal Markdown text (also inert for theme icons: `$(x)` becomes `\$\(x\)`). */
export function mdText(text: string | number): string {
  return String(text).replace(PUNCTUATION, '\\$&').replace(/\r?\n/g, '  \n');
}

/**
 * `text` as an inline code span (nothing inside a code span is Markdown). The fence is one backtick
 * longer than the longest run in the text. Text with `$(` falls back to mdText: theme icons are
 * expanded before the Markdown is parsed.
 */
export function mdCode(text: string): string {
  if (text.includes('$(')) return mdText(text);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\r?\n/g, ' ')}${fence}`;
}
