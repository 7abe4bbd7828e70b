// One sample's workbench: a new headless Chromium with a fresh profile (no workbench state restored
// from an earlier sample) opened on a running code-server. Each page load starts its own extension
// host on the server, so every sample activates the extensions from scratch.
import type { Page } from 'playwright-core';
import { launchBrowser, workbenchUrl } from '../../test/host/browser';
import type { RunningCodeServer } from '../../test/host/codeServer';

export interface FreshWorkbench {
  readonly page: Page;
  close(): Promise<void>;
}

export async function openFreshWorkbench(server: RunningCodeServer): Promise<FreshWorkbench> {
  const browser = await launchBrowser();
  try {
    // Reading the Startup Performance view goes through the clipboard.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await browser.context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(workbenchUrl(server.origin, { folder: server.workspaceDir }));
    await page.locator('.monaco-workbench').waitFor();
    return { page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
