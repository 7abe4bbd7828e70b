// e2e in Simplified Chinese: VS Code started with --locale zh-cn against the demo account; the
// extension's container, views, commands and walkthrough must appear in Chinese.
// (VS Code's own UI stays English offline: no language pack for it can be installed here.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../host/paths';
import { runPaletteCommand } from './support/palette';
import { openDemoWorkbench, screenshotsDir as screenshots, type DemoWorkbench } from './support/workbench';

const zh = JSON.parse(readFileSync(join(repoRoot, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;

let workbench: DemoWorkbench;
let page: Page;

before(async () => {
  workbench = await openDemoWorkbench({ locale: 'zh-cn' });
  ({ page } = workbench);
});

after(() => workbench?.close());

test('the container and its views are in Chinese', async () => {
  await page.locator(`.part.activitybar .action-label[aria-label^="${zh['container.title']}"]`).click();
  for (const view of ['view.roles', 'view.instances', 'view.keys']) {
    await page.locator('.part.sidebar .pane-header', { hasText: zh[view] }).waitFor();
  }
});

test('the walkthrough leads through the four steps in Chinese', async () => {
  await runPaletteCommand(page, `${zh.category}: ${zh['command.openWalkthrough']}`);
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.getByText(zh['walkthrough.title']).first().waitFor();
  for (const step of ['walkthrough.createRole.title', 'walkthrough.attachRole.title', 'walkthrough.verifyCredential.title', 'walkthrough.callKms.title']) {
    assert.ok((await walkthrough.getByText(zh[step]).count()) > 0, `${step}: ${zh[step]}`);
  }
  await page.screenshot({ path: join(screenshots, 'walkthrough.zh-cn.png') });
});
