// test:desktop: the same extension-host suite (out/test/extension/index.js) in desktop VS Code, through
// @vscode/test-electron, for machines that can download VS Code. Offline it fails fast with a clear
// message instead of hanging. Needs a display (or xvfb-run) on Linux.
//   ALICLOUD_KMS_DESKTOP_VSCODE: the version to download (default "stable").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { cacheDir, repoRoot } from './paths';

async function main(): Promise<number> {
  const version = process.env.ALICLOUD_KMS_DESKTOP_VSCODE || 'stable';
  let vscodeExecutablePath: string;
  try {
    // The 'idle' time-out bounds each stalled request, so an offline machine fails in seconds.
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(cacheDir, 'desktop'), timeout: 15_000 });
  } catch (error) {
    console.error(
      `[desktop] could not download VS Code ${version}: ${error instanceof Error ? error.message : String(error)}\n` +
        '[desktop] test:desktop needs internet access to download desktop VS Code. Offline, run the same suite with ' +
        '`npm run test:extension` (VS Code 1.139 from the local code-server host).',
    );
    return 1;
  }
  const workspace = mkdtempSync(join(tmpdir(), 'alicloud-kms-desktop-'));
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'extension', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    console.error(`[desktop] the suite failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
