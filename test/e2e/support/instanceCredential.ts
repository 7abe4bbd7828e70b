// The workbench acts as on an ECS instance: the extension probes the metadata service (400 ms) at start. On a
// loaded machine the probe can miss; the Instance Credential view (shown only when `alicloudKms.onEcs`) then
// stays hidden and the status bar shows a problem until the next check a minute later. Refreshing, as a user
// would, settles it.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runPaletteCommand } from './palette';

/** "Refresh Instance Credential" from the palette until the status bar shows the instance's role `role`. */
export async function refreshCredentialUntilRole(page: Page, role: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runPaletteCommand(page, 'Alibaba Cloud: Refresh Instance Credential');
    const shown = await page.locator('.part.statusbar', { hasText: role }).waitFor({ timeout: 15_000 }).then(() => true, () => false);
    if (shown) return;
    assert.ok(attempt < 4, `the status bar does not show ${role}: ${await page.locator('.part.statusbar').innerText()}`);
  }
}
