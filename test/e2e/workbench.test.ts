// e2e: the packaged extension (.vsix from `npm run package`) installed into VS Code 1.139 (code-server),
// driven through the workbench in headless Chromium like a user would.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../host/paths';
import { vsixPath } from './support/vsix';
import { openWorkbench, screenshotsDir as screenshots, type Workbench } from './support/workbench';

const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;

let workbench: Workbench;
let page: Page;

before(async () => {
  workbench = await openWorkbench({ installExtensions: [vsixPath] }, 20_000);
  ({ page } = workbench);
});

after(() => workbench?.close());

/** The visible text of the welcome content of the view pane whose header says `title`. */
function pane(title: string) {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: title }) });
}

test('the Alibaba Cloud container shows its views with their welcome text', async () => {
  await page.locator(`.part.activitybar .action-label[aria-label^="${nls['container.title']}"]`).click();
  const sidebarTitle = page.locator('.part.sidebar .composite.title');
  await sidebarTitle.filter({ hasText: nls['container.title'].toUpperCase() }).waitFor();

  // The three views visible everywhere; Instance Credential is shown only on ECS (context key alicloudKms.onEcs).
  for (const [view, welcome] of [['view.roles', 'welcome.roles'], ['view.instances', 'welcome.instances'], ['view.keys', 'welcome.keys']]) {
    const header = page.locator('.part.sidebar .pane-header', { hasText: nls[view] });
    await header.waitFor();
    // Collapsed panes hide their body: expand it to read the welcome text.
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const firstSentence = nls[welcome].split('\n')[0].split('.')[0];
    await pane(nls[view]).locator('.welcome-view-content', { hasText: firstSentence }).waitFor();
  }
  assert.equal(await page.locator('.part.sidebar .pane-header', { hasText: nls['view.instanceCredential'] }).count(), 0);

  await page.screenshot({ path: join(screenshots, 'alibaba-cloud-views.png') });
});

test('the welcome button of RAM Roles opens the ECS trust policy', async () => {
  await pane(nls['view.roles']).getByRole('button', { name: nls['command.generateTrustPolicy'] }).click();
  // Who may assume the role: ECS is preselected; accept it.
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'ecs.aliyuncs.com' }).waitFor();
  await page.keyboard.press('Enter');
  const editor = page.locator('.part.editor .monaco-editor .view-lines');
  await editor.filter({ hasText: 'sts:AssumeRole' }).waitFor();
  assert.match(await editor.innerText(), /ecs\.aliyuncs\.com/);
  await page.screenshot({ path: join(screenshots, 'trust-policy.png') });
});
