// The extension's reports are webview panels: VS Code puts each in an iframe holding the content's own
// iframe. With several panels open (Diagnose, then Test Encrypt) the newest is not always the last iframe
// in the page, so a report is found by what its verdict heading (`#verdict`) says.
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';

/** The frame of the report whose `#verdict` matches `verdict`, waited for up to `timeoutMs`. */
export async function reportWithVerdict(page: Page, verdict: RegExp, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  for (;;) {
    seen = [];
    for (const frame of page.frames()) {
      const heading = frame.locator('#verdict');
      const text = (await heading.count().catch(() => 0)) > 0 ? await heading.first().innerText().catch(() => '') : '';
      if (text) seen.push(text);
      if (verdict.test(text)) return frame;
    }
    assert.ok(Date.now() < deadline, `no report shows ${verdict}; the reports open show ${JSON.stringify(seen)}`);
    await page.waitForTimeout(250);
  }
}
