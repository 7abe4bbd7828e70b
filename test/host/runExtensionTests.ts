// The extension-host tier: runs out/test/extension/index.js (mocha, the run() contract of
// @vscode/test-electron) inside VS Code 1.139 (code-server) opened in headless Chromium, prints the
// extension host's console, and exits with the suite's exit code. Everything started is stopped,
// also on failure, time-out or Ctrl+C.
//
// Usage: tsx test/host/runExtensionTests.ts [--setup <module>] [--env KEY=VALUE]... [--untrusted]
//   --setup: a module exporting `setup(): Promise<{ env?, settings?, dispose? }>`, run before code-server
//            starts (e.g. to start a server whose address the tests need); its env reaches the extension host.
//   The runner's own environment also reaches the extension host (HOME/TMPDIR/XDG_* are private).
//   --untrusted: Workspace Trust on and the workspace untrusted (Restricted Mode); runs only the
//            security-untrusted tests (ALICLOUD_KMS_UNTRUSTED=1 tells them where they are).
//   ALICLOUD_KMS_TEST_ONLY: a regular expression; only test files whose name matches are loaded.
//   ALICLOUD_KMS_TEST_TIMEOUT_MS: time-out of the whole suite (default 10 minutes).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, workbenchUrl, type Browser } from './browser';
import { startCodeServer, type RunningCodeServer } from './codeServer';
import { VSCODE_VERSION, repoRoot } from './paths';

export interface SetupResult {
  readonly env?: Readonly<Record<string, string>>;
  readonly settings?: Readonly<Record<string, unknown>>;
  dispose?(): Promise<void> | void;
}

interface Args {
  setup?: string;
  env: Record<string, string>;
  untrusted?: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { env: {} };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--setup') args.setup = resolve(argv[++i] ?? '');
    else if (argv[i] === '--untrusted') args.untrusted = true;
    else if (argv[i] === '--env') {
      const [key, ...value] = (argv[++i] ?? '').split('=');
      if (!key || value.length === 0) throw new Error(`--env expects KEY=VALUE`);
      args.env[key] = value.join('=');
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

/** The workbench forwards console calls as (level, [format, ...args]); format them like console.log. */
function formatLog(args: unknown): string {
  return Array.isArray(args) ? format(...(args as unknown[])) : format(args);
}

/** Offline noise: the workbench asks the extension gallery for updates and waits for GitHub sign-in. */
function isOfflineNoise(message: string): boolean {
  return /getaddrinfo (ENOTFOUND|EAI_AGAIN)|authentication provider 'github'/.test(message);
}

export async function runExtensionTests(options: { env?: Record<string, string>; setupModule?: string; untrusted?: boolean } = {}): Promise<number> {
  const testsPath = resolve(repoRoot, 'out', 'test', 'extension', 'index.js');
  if (!existsSync(testsPath)) throw new Error(`${testsPath} is missing: build it with \`node esbuild.mjs --tests\``);
  if (!existsSync(resolve(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build`');

  const timeoutMs = Number(process.env.ALICLOUD_KMS_TEST_TIMEOUT_MS) || 10 * 60_000;
  let setup: SetupResult | undefined;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    if (options.setupModule) {
      const module = (await import(options.setupModule)) as { setup(): Promise<SetupResult> };
      setup = await module.setup();
    }
    // The suite checks it runs in the VS Code this host pins.
    const untrusted: Record<string, string> = options.untrusted ? { ALICLOUD_KMS_UNTRUSTED: '1', ALICLOUD_KMS_TEST_ONLY: '^security-untrusted' } : {};
    const env = { ALICLOUD_KMS_EXPECT_VSCODE: VSCODE_VERSION, ...setup?.env, ...options.env, ...untrusted };
    server = await startCodeServer({ env, settings: setup?.settings, untrustedWorkspace: options.untrusted });
    console.log(`[host] code-server listening on ${server.origin}`);
    browser = await launchBrowser();
    const page = await browser.context.newPage();

    let finish: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((done) => (finish = done));
    await page.exposeFunction('codeAutomationLog', (_level: string, args: unknown) => {
      const message = formatLog(args);
      if (!isOfflineNoise(message)) console.log(message);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));

    await page.goto(
      workbenchUrl(server.origin, { folder: server.workspaceDir, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath }),
      // Playwright's default 30 s is too short on a loaded two-core machine (seen: CI beside other builds).
      { timeout: 180_000 },
    );
    const timer = setTimeout(() => {
      console.error(`[host] the extension-host suite did not finish within ${timeoutMs / 1000} s`);
      finish(1);
    }, timeoutMs);
    const code = await exitCode;
    clearTimeout(timer);
    return code;
  } finally {
    await browser?.close();
    await server?.stop();
    await setup?.dispose?.();
  }
}

if (require.main === module) {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`[host] ${(error as Error).message}`);
    process.exit(2);
  }
  runExtensionTests({ env: args.env, setupModule: args.setup, untrusted: args.untrusted }).then(
    (code) => {
      console.log(`[host] extension-host suite exited with code ${code}`);
      process.exit(code);
    },
    (error: unknown) => {
      console.error(`[host] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
