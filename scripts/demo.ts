// `npm run demo`: the product on its embedded default. Packages the extension, prepares the offline
// VS Code host (first run: minutes, with progress), starts the local Alibaba Cloud emulator with the demo
// account, then code-server with the .vsix installed, pointed at the emulator and acting as "on an ECS
// instance" (the emulator's metadata service), and prints the URL. Ctrl+C stops everything.
//   npm run demo -- [--locale zh-cn] [--port 8080] [--scenario demo|realistic]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmulator } from '../test/emulator';
import { SCENARIO_NAMES, type ScenarioName } from '../test/emulator/scenarios';
import { startCodeServer } from '../test/host/codeServer';
import { demoHostOptions } from '../test/host/demoHost';
import { ensureHost } from '../test/host/install';
import { vsixPath } from '../test/host/paths';

const repo = resolve(__dirname, '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function step(message: string): void {
  console.log(`[demo] ${message}`);
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

  step('packaging the extension (npm run package)…');
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (packaged.status !== 0) throw new Error('npm run package failed (see above)');
  if (!existsSync(vsixPath)) throw new Error(`npm run package wrote no ${vsixPath}`);

  step('preparing the VS Code host (the first run installs code-server and Node.js 24: a few minutes)…');
  await ensureHost();

  const emulator = await startEmulator({ port: 0, metadataPort: 0, scenario, metadataMode: 'token-required' });
  step(`local Alibaba Cloud emulator: API ${emulator.api}, metadata service ${emulator.metadata}, account ${emulator.accountId}`);

  const server = await startCodeServer(demoHostOptions(emulator, vsixPath, { testDriver: false, locale, port }));

  const stop = async () => {
    step('stopping…');
    await server.stop();
    await emulator.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  console.log(`
Open ${server.origin}/?folder=${encodeURIComponent(server.workspaceDir)}

What to try (Alibaba Cloud icon in the activity bar):
  - RAM Roles: EcsKmsAccessRole and its permissions; a role ECS cannot assume is marked.
  - ECS Instances: regions, VPC and classic instances, the role of each; right-click to attach or detach a role.
  - KMS Keys & Secrets: keys with aliases, "Roles that can use this key", secrets (never their values).
  - Instance Credential: this "machine" is an ECS instance of the demo account; see its live credential.
  - Command Palette (F1), "Alibaba Cloud": Create Instance RAM Role, Grant KMS Access, Test Encrypt,
    Diagnose KMS Access, Insert SDK Snippet, Generate Trust Policy.
Ctrl+C stops VS Code and the emulator.`);
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
