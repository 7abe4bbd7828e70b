// Opens VS Code (code-server with the packaged extension) in headless Chromium for an e2e file, and
// closes everything it started. The demo variant signs in to the emulator's demo account and acts as
// on an ECS instance, exactly as `npm run demo` does.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startEmulator, type Emulator } from '../../emulator';
import { launchBrowser, workbenchUrl } from '../../host/browser';
import { startCodeServer, type CodeServerOptions } from '../../host/codeServer';
import { demoHostOptions } from '../../host/demoHost';
import { repoRoot } from '../../host/paths';
import { vsixPath } from './vsix';

/** Screenshots the README uses (git-ignored; copied to docs/images when they change). */
export const screenshotsDir = join(repoRoot, 'test', 'e2e', 'screenshots');

export interface Workbench {
  readonly page: Page;
  /** The folder open as the workspace (files written there can be opened with Quick Open). */
  readonly workspaceDir: string;
  close(): Promise<void>;
}

export async function openWorkbench(options: CodeServerOptions, defaultTimeoutMs = 30_000): Promise<Workbench> {
  for (const vsix of options.installExtensions ?? []) assert.ok(existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
  mkdirSync(screenshotsDir, { recursive: true });
  const server = await startCodeServer(options);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const page = await browser.context.newPage();
  page.setDefaultTimeout(defaultTimeoutMs);
  await page.goto(workbenchUrl(server.origin, { folder: server.workspaceDir }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    workspaceDir: server.workspaceDir,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

export interface DemoWorkbench extends Workbench {
  readonly emulator: Emulator;
}

export async function openDemoWorkbench(extra: Partial<CodeServerOptions> = {}): Promise<DemoWorkbench> {
  const emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo' });
  const workbench = await openWorkbench(demoHostOptions(emulator, vsixPath, extra)).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  return {
    emulator,
    page: workbench.page,
    workspaceDir: workbench.workspaceDir,
    async close() {
      await workbench.close();
      await emulator.close();
    },
  };
}

/** Opens the demo workbench before the file's tests and closes it after them; read it inside a test. */
export function demoWorkbenchForFile(extra: Partial<CodeServerOptions> = {}): () => DemoWorkbench {
  let workbench: DemoWorkbench | undefined;
  before(async () => { workbench = await openDemoWorkbench(extra); });
  after(() => workbench?.close());
  return () => {
    assert.ok(workbench, 'the demo workbench is not open');
    return workbench;
  };
}
