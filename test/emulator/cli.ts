// `npm run emulator -- [--port N] [--metadata-port M] [--scenario demo|empty|large|realistic] [--seed FILE]
// [--latency-ms N] [--throttle-rate R] [--error-rate R] [--reset-rate R] [--random-seed N]
// [--credential-lifetime S] [--metadata-delay-ms N] [--metadata-mode token-required|token-optional] [--ram-read-rate N]`
// Prints ONE line of JSON when ready, serves until SIGINT/SIGTERM, then exits 0.
import { readFileSync } from 'node:fs';
import { startEmulator, type EmulatorOptions } from './index';
import { SCENARIO_NAMES, type ScenarioName } from './scenarios';
import { SERVICE_RATE_LIMITS } from './rateLimit';

const USAGE = 'usage: npm run emulator -- [--port N] [--metadata-port M] [--scenario demo|empty|large|realistic] [--seed FILE] '
  + '[--latency-ms N] [--throttle-rate R] [--error-rate R] [--reset-rate R] [--random-seed N] [--credential-lifetime S] [--metadata-delay-ms N] '
  + '[--metadata-mode token-required|token-optional] [--ram-read-rate N (RAM read calls per second, 0 = unlimited)]';

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): EmulatorOptions {
  const options: EmulatorOptions = {};
  const num = (flag: string, v: string | undefined, min: number, max: number): number => {
    const n = Number(v);
    if (v === undefined || v === '' || !Number.isFinite(n) || n < min || n > max) fail(`${flag} needs a number from ${min} to ${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    i++;
    switch (flag) {
      case '--port': options.port = num(flag, value, 0, 65535); break;
      case '--metadata-port': options.metadataPort = num(flag, value, 0, 65535); break;
      case '--latency-ms': options.latencyMs = num(flag, value, 0, 600_000); break;
      case '--throttle-rate': options.throttleRate = num(flag, value, 0, 1); break;
      case '--error-rate': options.errorRate = num(flag, value, 0, 1); break;
      case '--reset-rate': options.resetRate = num(flag, value, 0, 1); break;
      case '--random-seed': options.randomSeed = num(flag, value, 0, 2 ** 32); break;
      case '--metadata-delay-ms': options.metadataDelayMs = num(flag, value, 0, 600_000); break;
      case '--credential-lifetime': options.credentialLifetimeSeconds = num(flag, value, 900, 43200); break;
      case '--scenario':
        if (!SCENARIO_NAMES.includes(value as ScenarioName)) fail(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}`);
        options.scenario = value as ScenarioName;
        break;
      case '--ram-read-rate': {
        const perSecond = num(flag, value, 0, 100_000);
        const rest = SERVICE_RATE_LIMITS.filter((r) => r.name !== 'RAM read APIs');
        options.rateLimits = perSecond === 0 ? rest : [{ ...SERVICE_RATE_LIMITS[0], perSecond }, ...rest];
        break;
      }
      case '--metadata-mode':
        if (value !== 'token-required' && value !== 'token-optional') fail('--metadata-mode must be token-required or token-optional');
        options.metadataMode = value;
        break;
      case '--seed': {
        if (!value) fail('--seed needs a file');
        let text: string;
        try { text = readFileSync(value, 'utf8'); } catch (e) { fail(`cannot read seed file ${value}: ${(e as Error).message}`); }
        try { options.seed = JSON.parse(text); } catch (e) { fail(`seed file ${value} is not valid JSON: ${(e as Error).message}`); }
        break;
      }
      default: fail(`unknown option ${flag}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (e) {
    fail((e as Error).message);
  }
  const { api, metadata, accessKeyId, accessKeySecret, accountId } = emulator;
  process.stdout.write(`${JSON.stringify({ api, metadata, accessKeyId, accessKeySecret, accountId })}\n`);
  const stop = () => {
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
