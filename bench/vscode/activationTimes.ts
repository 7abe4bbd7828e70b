// The extension host's own activation times, as VS Code reports them in "Developer: Startup Performance"
// (command perfview.show): its "Extension Activation Stats" table has, per activated extension, Load Code,
// Call Activate and Finish Activate in ms (ActivationTimes: codeLoadingTime, activateCallTime,
// activateResolvedTime). The running-extensions editor shows only the first two added up, and the
// extension host's log prints none of them, so this table is the one place with all three.
import type { Page } from 'playwright-core';
import { runPaletteCommand } from '../../test/e2e/support/palette';

export interface ActivationTimes {
  readonly codeLoadingMs: number;
  readonly activateCallMs: number;
  readonly activateResolvedMs: number;
  /** The three added up: what the activation event waited for this extension. */
  readonly totalMs: number;
  readonly event: string;
}

/**
 * The row of `extensionId` in the markdown of the Startup Performance view, or undefined while the
 * extension has not activated (the view lists activated extensions only). Throws if the table's columns
 * are not the ones this reads: a VS Code that renamed them must fail loudly, not yield zeros.
 */
export function parseActivationTimes(markdown: string, extensionId: string): ActivationTimes | undefined {
  const lines = markdown.split(/\r?\n/);
  const heading = lines.findIndex((line) => line.trim() === '## Extension Activation Stats');
  if (heading < 0) return undefined;
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  const headerLine = lines.slice(heading + 1).find((line) => line.trim().startsWith('|'));
  if (!headerLine) return undefined;
  const header = cells(headerLine);
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`the Startup Performance table has no "${name}" column (columns: ${header.join(', ')})`);
    return index;
  };
  const [id, load, call, resolved, event] = ['Extension', 'Load Code', 'Call Activate', 'Finish Activate', 'Event'].map(column);
  for (const line of lines.slice(lines.indexOf(headerLine) + 1)) {
    if (!line.trim().startsWith('|')) break;
    const row = cells(line);
    if (row[id].toLowerCase() !== extensionId.toLowerCase()) continue;
    const number = (index: number) => {
      const value = Number(row[index]);
      if (!Number.isFinite(value)) throw new Error(`not a number in the ${header[index]} column: "${row[index]}"`);
      return value;
    };
    const times = { codeLoadingMs: number(load), activateCallMs: number(call), activateResolvedMs: number(resolved) };
    return { ...times, totalMs: times.codeLoadingMs + times.activateCallMs + times.activateResolvedMs, event: row[event] };
  }
  return undefined;
}

/** The editor's whole text, through the clipboard (Monaco renders only the lines on screen). */
async function editorText(page: Page): Promise<string> {
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  // A string: this project's compiler settings have no DOM types (the expression runs in the page).
  return (await page.evaluate('navigator.clipboard.readText()')) as string;
}

/**
 * Opens Startup Performance and reads `extensionId`'s activation times, waiting until it has activated
 * (the view's text is rebuilt when an extension's status changes). The page's context must have been
 * granted clipboard-read and clipboard-write for the workbench's origin.
 */
export async function readActivationTimes(page: Page, extensionId: string, timeoutMs = 120_000): Promise<ActivationTimes> {
  await runPaletteCommand(page, 'Developer: Startup Performance');
  await page.locator('.part.editor .monaco-editor .view-lines', { hasText: 'System Info' }).first().waitFor();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const times = parseActivationTimes(await editorText(page), extensionId);
    if (times) return times;
    if (Date.now() > deadline) throw new Error(`${extensionId} did not activate within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(500);
  }
}
