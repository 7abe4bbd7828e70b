// e2e (issue 17): crafted RAM policy files opened in the real workbench leave the extension host free.
// A wildcard action that once compiled to a backtracking RegExp (18 s of blocked host) and a document of
// 6,000 bad statements (once minutes of analysis) are opened like a user would, and right after each one
// a command of ours must answer within 1 s (or within 1 s of the same answer measured just before, on a
// busy shared machine): Generate Trust Policy shows its quick pick, which only the extension host can do.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../host/paths';
import { runPaletteCommand } from './support/palette';
import { vsixPath } from './support/vsix';
import { openWorkbench, type Workbench } from './support/workbench';

const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const GENERATE_TRUST_POLICY = `${nls.category}: ${nls['command.generateTrustPolicy']}`;

/** Opened first, so the activation of VS Code's own JSON support is not part of what is measured. */
const PLAIN_JSON = 'plain.json';

const FILES: Record<string, string> = {
  'wildcard.ram-policy.json': `{"Version":"1","Statement":[{"Effect":"Allow","Action":"kms:${'*?'.repeat(16)}!","Resource":"*"}]}`,
  'bad-statements.ram-policy.json': `{"Version":"1","Statement":[${Array(6000).fill('{"Effect":"Allow","Action":"kms:Nope*","Resource":"x"}').join(',')}]}`,
};

let workbench: Workbench;
let page: Page;

before(async () => {
  // A generous default time-out for loading the workbench on a busy machine; the measured answers are timed apart from it.
  workbench = await openWorkbench({ installExtensions: [vsixPath] }, 120_000);
  ({ page } = workbench);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(workbench.workspaceDir, name), text);
  writeFileSync(join(workbench.workspaceDir, PLAIN_JSON), '{"name": "plain"}');
});

after(() => workbench?.close());

/** Opens a workspace file through Quick Open (the palette without ">") and waits for its editor tab. */
async function openFile(name: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).waitFor();
}

/** Milliseconds from choosing Generate Trust Policy in the palette to its quick pick on screen. */
async function commandAnswerMs(): Promise<number> {
  await runPaletteCommand(page, GENERATE_TRUST_POLICY);
  const start = Date.now();
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'ecs.aliyuncs.com' }).waitFor({ timeout: 60_000 });
  const ms = Date.now() - start;
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  return ms;
}

test('the extension host answers a command within 1 s after crafted policy files open', async () => {
  // The extension is there: its container shows its views (their welcome comes from the extension).
  await page.locator(`.part.activitybar .action-label[aria-label^="${nls['container.title']}"]`).click();
  await page.locator('.part.sidebar .pane-header', { hasText: nls['view.roles'] }).waitFor();
  // Before: the first command loads the implementation and the first JSON file starts VS Code's JSON
  // support; neither is what is measured here.
  await commandAnswerMs();
  await openFile(PLAIN_JSON);
  await page.waitForTimeout(1500);
  // What the same answer takes on this machine now, without a crafted file: a shared, busy test machine
  // can need more than a second for any round trip, so the crafted file must add less than 1 s to it.
  const baseline = await commandAnswerMs();
  console.log(`after a plain JSON file: ${baseline} ms`);
  for (const name of Object.keys(FILES)) {
    await openFile(name);
    const first = await commandAnswerMs();
    await page.waitForTimeout(1500); // the check of the opened file has surely run by now
    const second = await commandAnswerMs();
    console.log(`${name}: the command answered in ${first} ms right after opening, ${second} ms later (baseline ${baseline} ms)`);
    assert.ok(first < Math.max(1000, baseline + 1000), `${name}: ${first} ms right after opening`);
    // Logged, not asserted: seconds later VS Code's own JSON support (its language client runs in the same
    // host) handles the schema findings of a 330 KB document, which is not this extension's check.
    void second;
  }
});
