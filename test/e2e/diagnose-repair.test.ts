// e2e of issue 15 against the demo account: Diagnose repairs what it finds, in VS Code (code-server, the
// packaged extension) in headless Chromium. The instance's role is switched to one ECS cannot assume and
// that has no KMS permission, and the demo key is disabled (in the emulator, before Diagnose runs); Diagnose
// from the key's context menu shows the report (a webview) with a fix button on each failed line. Each
// fix is clicked in the report, its dialogs answered in the workbench, and the report's own re-run waited
// for, until every check passes; then Test Encrypt passes with the instance credential. The emulator's state
// after each fix is read from the emulator itself, not from the extension.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { runPaletteCommand } from './support/palette';
import { refreshCredentialUntilRole } from './support/instanceCredential';
import { reportWithVerdict } from './support/webviewReport';
import { demoWorkbenchForFile, screenshotsDir as screenshots } from './support/workbench';

const THIS_INSTANCE = 'i-bp1demo0000000000001';
const KEY_ID = 'key-hzzdemo0000000000001';
const ROLE = 'FcInvokeRole';

const workbench = demoWorkbenchForFile();
const page = () => workbench().page;
const account = () => workbench().emulator.account;

/** The report's document: VS Code puts a webview in an iframe holding the content's own iframe. */
function report(): FrameLocator {
  return page().frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

const pane = (title: string) => page().locator('.part.sidebar .pane', { has: page().locator('.pane-header', { hasText: title }) });

/** The extension's view container (clicking it when it is open would hide the side bar). */
async function openExplorer(): Promise<void> {
  if (!(await pane('KMS Keys & Secrets').isVisible())) await page().locator('.part.activitybar .action-label[aria-label^="Alibaba Cloud"]').click();
}

/** Right-click the demo key in the KMS Keys & Secrets view, then its context menu's "Diagnose KMS Access". */
async function diagnoseFromKey(): Promise<void> {
  await openExplorer();
  const keys = pane('KMS Keys & Secrets');
  const header = keys.locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  const key = keys.locator('.monaco-list-row', { hasText: 'alias/demo-app' }).first();
  if (!(await key.isVisible())) await keys.locator('.monaco-list-row', { hasText: 'cn-hangzhou' }).first().click();
  await key.click({ button: 'right' });
  await page().locator('.monaco-menu .action-item', { hasText: 'Diagnose KMS Access' }).first().click();
}

const dialog = () => page().locator('.monaco-dialog-box');

/** The modal confirmation of a fix: it names the change and offers its `aliyun` equivalent; `action` accepts it. */
async function confirm(question: RegExp, action: string): Promise<void> {
  await dialog().waitFor();
  assert.match(await dialog().innerText(), question);
  await dialog().locator('.monaco-button', { hasText: 'Show CLI Command' }).waitFor();
  await dialog().locator('.monaco-button', { hasText: action }).first().click();
  await dialog().waitFor({ state: 'hidden' });
}

/** The failed rows of the report, as `check id: fix button label`. */
async function failedRows(doc: FrameLocator): Promise<string[]> {
  const rows = doc.locator('tr.failed');
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const button = row.locator('button[data-kind="fix"]');
    out.push(`${await row.getAttribute('data-check')}: ${(await button.count()) > 0 ? await button.innerText() : '-'}`);
  }
  return out;
}

/** Clicks the fix button of the failed line `check`, whose label must be `label`. */
async function clickFix(doc: FrameLocator, check: string, label: string): Promise<void> {
  const button = doc.locator(`tr.failed[data-check="${check}"] button[data-kind="fix"]`);
  assert.equal(await button.innerText(), label);
  await button.click();
}

/**
 * Waits for the panel's own re-run after a fix: until the report (rendered again from scratch, no longer
 * "Running again…") shows `state` and exactly these failed lines. The count alone would not do: the
 * Grant fix leaves three lines failing, as before it, but for another reason.
 */
async function rerunShows(state: RegExp, failed: string[]): Promise<FrameLocator> {
  const doc = report();
  const deadline = Date.now() + 60_000;
  let seen: [string, string[]] = ['', []];
  for (;;) {
    seen = await Promise.all([doc.locator('#state').innerText(), failedRows(doc)]).catch(() => seen);
    if (state.test(seen[0]) && JSON.stringify(seen[1]) === JSON.stringify(failed)) return doc;
    assert.ok(Date.now() < deadline, `the report still shows ${JSON.stringify(seen)}`);
    await page().waitForTimeout(250);
  }
}

test('a broken setup: Diagnose shows each failed check with the button that fixes it', async () => {
  // Broken before Diagnose runs: the instance's role is the Function Compute service role (ECS cannot
  // assume it, it has no KMS policy) and the demo key is disabled.
  account().instances.get(THIS_INSTANCE)!.ramRole = ROLE;
  account().keys.get(KEY_ID)!.state = 'Disabled';
  // The extension's contributions are loaded once its view container shows; the credential it may have
  // read before the change is read again.
  await openExplorer();
  await refreshCredentialUntilRole(page(), ROLE);
  await diagnoseFromKey();

  const doc = report();
  await doc.locator('#state', { hasText: /^8 passed, 3 failed, 0 skipped$/ }).waitFor({ timeout: 60_000 });
  assert.match(await doc.locator('.detail').innerText(), new RegExp(`${THIS_INSTANCE}[\\s\\S]*Role: ${ROLE}[\\s\\S]*${KEY_ID}`));
  assert.deepEqual(await failedRows(doc), ['encrypt: Grant KMS Access', 'trust: Add ECS as Trusted Service', 'policies: Grant KMS Access']);
  // Every message is filled in as VS Code formats it (a JSON hint once showed "{0}" here).
  assert.match(await doc.locator('tr[data-check="trust"]').innerText(), /"Principal": \{ "Service": \["ecs\.aliyuncs\.com"\] \}/);
  assert.doesNotMatch(await doc.locator('table').innerText(), /\{\d+\}/);
  // The README's picture shows the role in the Instance Credential view, not a passing hiccup.
  await refreshCredentialUntilRole(page(), ROLE);
  await page().screenshot({ path: join(screenshots, 'diagnose-repair.png') });
});

test('Grant KMS Access from the Encrypt line: the system policy is attached, and Encrypt and the policy check now fail on the disabled key', async () => {
  await clickFix(report(), 'encrypt', 'Grant KMS Access');
  const picks = page().locator('.quick-input-list .monaco-list-row');
  await picks.filter({ hasText: 'AliyunKMSCryptoUserAccess' }).first().click();
  await confirm(new RegExp(`Attach the system policy AliyunKMSCryptoUserAccess to ${ROLE}`), 'Grant');

  // The permission is there now; Encrypt and the policy check fail on the disabled key instead.
  const doc = await rerunShows(/^8 passed, 3 failed, 0 skipped$/, ['encrypt: Enable Key', 'trust: Add ECS as Trusted Service', 'policies: Enable Key']);
  assert.ok(account().roles.get(ROLE.toLowerCase())!.policies.some((p) => p.name === 'AliyunKMSCryptoUserAccess'));
  assert.match(await doc.locator('tr[data-check="encrypt"]').innerText(), /disabled/i);
});

test('Enable Key from the Encrypt line: the key is enabled and only the trust policy is left', async () => {
  await clickFix(report(), 'encrypt', 'Enable Key');
  // Its `aliyun` equivalent first (the question is asked again), then Enable.
  await dialog().waitFor();
  await dialog().locator('.monaco-button', { hasText: 'Show CLI Command' }).click();
  await page().locator('.part.editor .monaco-editor .view-lines', { hasText: `aliyun kms EnableKey --KeyId ${KEY_ID} --region cn-hangzhou` }).waitFor();
  await confirm(new RegExp(`Enable key ${KEY_ID} in cn-hangzhou`), 'Enable');

  await rerunShows(/^10 passed, 1 failed, 0 skipped$/, ['trust: Add ECS as Trusted Service']);
  assert.equal(account().keys.get(KEY_ID)!.state, 'Enabled');
});

test('Add ECS as Trusted Service from the trust line: the diff and UpdateRole, then every check passes', async () => {
  await clickFix(report(), 'trust', 'Add ECS as Trusted Service');
  // The change is shown side by side before the question.
  await page().locator('.part.editor .tab', { hasText: `Trust policy of ${ROLE}` }).first().waitFor();
  await confirm(new RegExp(`Update the trust policy of role ${ROLE}[\\s\\S]*After the update ECS can assume the role`), 'Update');

  const doc = await rerunShows(/^11 passed, 0 failed, 0 skipped$/, []);
  assert.match(account().roles.get(ROLE.toLowerCase())!.trustPolicy, /ecs\.aliyuncs\.com/);
  assert.equal(await doc.locator('tr.failed').count(), 0);
  assert.equal(await doc.locator('button[data-kind="fix"]').count(), 0);
});

test('Test Encrypt after the walk: the repaired role encrypts and decrypts with the instance credential', async () => {
  const before = { ...workbench().emulator.calls.byAction };
  await runPaletteCommand(page(), 'Alibaba Cloud: Test Encrypt with Instance Credential');
  const picks = page().locator('.quick-input-list .monaco-list-row');
  await picks.filter({ hasText: 'alias/demo-app' }).first().click();
  // The sample plaintext, then no EncryptionContext.
  await page().locator('.quick-input-widget .quick-input-title', { hasText: 'Plaintext' }).waitFor();
  await page().keyboard.press('Enter');
  await page().locator('.quick-input-widget .quick-input-title', { hasText: 'EncryptionContext' }).waitFor();
  await page().keyboard.press('Enter');
  const encrypt = await reportWithVerdict(page(), /Test Encrypt: PASSED/);
  assert.match(await encrypt.locator('body').innerText(), new RegExp(`Credential: instance RAM role ${ROLE}`));
  // The round trip reached the emulator (which verified the instance's STS signature and the role's permission).
  const after = workbench().emulator.calls.byAction;
  assert.deepEqual(['Encrypt', 'Decrypt'].map((a) => (after[a] ?? 0) - (before[a] ?? 0)), [1, 1]);
});
