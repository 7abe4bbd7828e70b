// Runs a command from the Command Palette by its exact title, as a user would.
import type { Page } from 'playwright-core';

export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  // The row whose label is exactly `title` ("Test Encrypt" must not pick "Test Encrypt as Profile").
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first().click();
}
