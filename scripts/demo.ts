// `npm run demo`: the product on its embedded default. Packages the extension, starts the local Alibaba
// Cloud emulator with the demo account, then VS Code with the .vsix installed, pointed at the emulator and
// acting as "on an ECS instance" (the emulator's metadata service). Ctrl+C stops everything.
//   - desktop VS Code when installed (`code` on PATH or the default install location): a window with a
//     temporary profile, so the user's own settings and extensions are untouched;
//   - otherwise, or with `--host code-server`: code-server (first run: installed, minutes, with progress),
//     opened at the printed URL in the user's own browser.
//   npm run demo -- [--host desktop|code-server] [--locale zh-cn] [--port 8080] [--scenario demo|realistic]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmulator, type Emulator } from '../test/emulator';
import { SCENARIO_NAMES, type ScenarioName } from '../test/emulator/scenarios';
import { startCodeServer } from '../test/host/codeServer';
import { demoHostOptions } from '../test/host/demoHost';
import { startDesktopVsCode } from '../test/host/desktopVsCode';
import { HostSetupError, type DemoHost, type HostPlan } from '../test/host/hostPlan';
import { ensureHost, planHost } from '../test/host/install';
import { vsixPath } from '../test/host/paths';
import { spawnCommandSync } from '../test/host/processes';

const repo = resolve(__dirname, '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function step(message: string): void {
  console.log(`[demo] ${message}`);
}

function hostOption(): DemoHost | undefined {
  const host = option('host');
  if (host === undefined || host === 'desktop' || host === 'code-server') return host;
  throw new Error(`--host takes desktop or code-server, not ${host}`);
}

const TRY = `What to try (Alibaba Cloud icon in the activity bar):
  - RAM Roles: EcsKmsAccessRole and its permissions; a role ECS cannot assume is marked.
  - ECS Instances: regions, VPC and classic instances, the role of each; right-click to attach or detach a role.
  - KMS Keys & Secrets: keys with aliases, "Roles that can use this key", secrets (never their values).
  - Instance Credential: this "machine" is an ECS instance of the demo account; see its live credential.
  - Command Palette (F1), "Alibaba Cloud": Create Instance RAM Role, Grant KMS Access, Test Encrypt,
    Diagnose KMS Access, Insert SDK Snippet, Generate Trust Policy.`;

/** Ctrl+C (and closing the desktop window) runs `stop` once, then exits. */
function onStop(stop: () => Promise<void>): void {
  const once = () => {
    step('stopping…');
    void stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', once);
  process.once('SIGTERM', once);
}

async function runDesktop(plan: HostPlan, emulator: Emulator, locale: string | undefined): Promise<void> {
  const vscode = plan.desktopVsCode!;
  step(`opening desktop VS Code (${vscode.executable}) with a temporary profile…`);
  const window = await startDesktopVsCode(vscode, demoHostOptions(emulator, vsixPath, { locale }));
  const stop = async () => {
    await window.stop();
    await emulator.close();
  };
  onStop(stop);
  void window.exited.then(() => {
    step('the VS Code window was closed: stopping the emulator');
    void stop().finally(() => process.exit(0));
  });
  console.log(`\nVS Code is open (process ${window.pid}) on the empty folder ${window.workspaceDir}.\n\n${TRY}\nCtrl+C closes that window and stops the emulator.`);
}

async function runCodeServer(emulator: Emulator, locale: string | undefined, port: number | undefined): Promise<void> {
  const server = await startCodeServer(demoHostOptions(emulator, vsixPath, { testDriver: false, locale, port, purpose: 'demo' }));
  onStop(async () => {
    await server.stop();
    await emulator.close();
  });
  console.log(`\nOpen ${server.origin}/?folder=${encodeURIComponent(server.workspaceDir)}\n\n${TRY}\nCtrl+C stops VS Code and the emulator.`);
}

async function main(): Promise<void> {
  const locale = option('locale');
  // --scenario realistic: 1,200 roles, 6,000 instances, RAM's flow control and 80 ms a call (issue 19).
  const scenario = (option('scenario') ?? 'demo') as ScenarioName;
  if (!SCENARIO_NAMES.includes(scenario)) throw new Error(`--scenario takes one of ${SCENARIO_NAMES.join(', ')}, not ${scenario}`);
  const port = option('port') ? Number(option('port')) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`--port takes a port number (1-65535), not ${option('port')}`);
  }
  const plan = planHost('demo', hostOption());
  if (plan.blocked) throw new HostSetupError(plan.blocked);

  step('packaging the extension (npm run package)…');
  const packaged = spawnCommandSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (packaged.status !== 0) throw new Error(`npm run package failed (see above)${packaged.error ? `: ${packaged.error.message}` : ''}`);
  if (!existsSync(vsixPath)) throw new Error(`npm run package wrote no ${vsixPath}`);

  if (plan.demoHost === 'code-server') {
    step('preparing the VS Code host (the first run installs code-server and Node.js 24: a few minutes)…');
    await ensureHost('demo');
  }
  const emulator = await startEmulator({ port: 0, metadataPort: 0, scenario, metadataMode: 'token-required' });
  step(`local Alibaba Cloud emulator: API ${emulator.api}, metadata service ${emulator.metadata}, account ${emulator.accountId}`);
  try {
    if (plan.demoHost === 'desktop') await runDesktop(plan, emulator, locale);
    else await runCodeServer(emulator, locale, port);
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
