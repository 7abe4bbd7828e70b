// The emulator as a library: tests start it in-process on free ports, seed it, change faults and
// metadata mode at run time, and read call counters. The CLI (cli.ts) is a thin shell over this.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { defaultFaults, randomSource, type Faults } from './faults';
import { createApiServer, type Calls } from './server';
import { createMetadataServer, type MetadataMode } from './metadata';
import { NonceStore } from './signature';
import { ADMIN_USER, buildAccount, type EmulatorSeed } from './seed';
import { scenarioSeed, type ScenarioName } from './scenarios';
import { RateLimiter, SERVICE_RATE_LIMITS, type RateRule } from './rateLimit';
import { systemPolicies } from './systemPolicies';
import type { Account, PolicyRef } from './state';
import { configureCloudAssistant } from './cloudAssistant/state';

export type { EmulatorSeed } from './seed';
export type { Faults } from './faults';
export type { MetadataMode } from './metadata';

export interface EmulatorOptions {
  /** 0 or omitted = a free port on 127.0.0.1. */
  port?: number;
  metadataPort?: number;
  /** Default 'demo'. */
  scenario?: ScenarioName;
  /** A whole account; overrides scenario. */
  seed?: EmulatorSeed;
  latencyMs?: number;
  throttleRate?: number;
  errorRate?: number;
  resetRate?: number;
  /** Delay of every metadata answer ("slow" mode). */
  metadataDelayMs?: number;
  /** Makes injected faults reproducible. */
  randomSeed?: number;
  /** Lifetime of the STS credential the metadata service serves (default 3600). */
  credentialLifetimeSeconds?: number;
  metadataMode?: MetadataMode;
  /** Per-API flow control (answered Throttling.User). Default: none, except the realistic scenario's
   * SERVICE_RATE_LIMITS; [] turns them off. */
  rateLimits?: readonly RateRule[];
}

export interface Emulator {
  readonly api: string;
  readonly metadata: string;
  /** The administrator (AdministratorAccess) of the emulated account. */
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly accountId: string;
  faults: Faults;
  metadataMode: MetadataMode;
  /** Which instance "is this machine" for the metadata service. */
  thisInstanceId: string | undefined;
  /** A RAM user with these (system or custom) policies attached, and a new AccessKey of it. */
  createUser(name: string, policyNames: string[]): { accessKeyId: string; accessKeySecret: string };
  readonly calls: Calls;
  /** Flow control: its rules can be changed at run time; `throttled` counts refusals by action. */
  readonly limits: RateLimiter;
  resetCalls(): void;
  /** The in-memory account, for tests that need to look at or change state directly. */
  readonly account: Account;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const account = buildAccount(options.seed ?? scenarioSeed(options.scenario ?? 'demo'));
  // The realistic scenario answers like the service: 80 ms a call and RAM's flow control.
  const realistic = options.scenario === 'realistic' && !options.seed;
  const limits = new RateLimiter(options.rateLimits ?? (realistic ? SERVICE_RATE_LIMITS : []));
  const faults = defaultFaults({
    latencyMs: options.latencyMs ?? (realistic ? 80 : 0), throttleRate: options.throttleRate ?? 0,
    errorRate: options.errorRate ?? 0, resetRate: options.resetRate ?? 0, metadataDelayMs: options.metadataDelayMs ?? 0,
  });
  const calls: Calls = { total: 0, byAction: {}, metadata: 0, metadataByPath: {} };
  const state = { faults, metadataMode: options.metadataMode ?? 'token-optional' as MetadataMode };
  const now = () => Date.now() + state.faults.clockSkewMs;
  const apiServer = createApiServer({ account, get faults() { return state.faults; }, random: randomSource(options.randomSeed), now, nonces: new NonceStore(), calls, limits });
  const metadataServer = createMetadataServer({
    account, get faults() { return state.faults; }, calls, now, mode: () => state.metadataMode,
    credentialLifetimeSeconds: options.credentialLifetimeSeconds ?? 3600,
  });
  let api: string;
  let metadata: string;
  try {
    api = await listen(apiServer, options.port ?? 0);
    metadata = await listen(metadataServer, options.metadataPort ?? 0);
  } catch (e) {
    await Promise.all([closeServer(apiServer), closeServer(metadataServer)]);
    throw e;
  }
  configureCloudAssistant(account, { api, faults: () => state.faults });
  const admin = [...account.accessKeys.values()].find((k) => k.userName === ADMIN_USER)!;

  return {
    api, metadata, accessKeyId: admin.id, accessKeySecret: admin.secret, accountId: account.accountId, account, calls, limits,
    get faults() { return state.faults; },
    set faults(value: Faults) { state.faults = value; },
    get metadataMode() { return state.metadataMode; },
    set metadataMode(value: MetadataMode) { state.metadataMode = value; },
    get thisInstanceId() { return account.thisInstanceId; },
    set thisInstanceId(value: string | undefined) { account.thisInstanceId = value; },
    createUser(name, policyNames) {
      const refs: PolicyRef[] = policyNames.map((p) => {
        if (systemPolicies.has(p)) return { type: 'System', name: p, attachDate: new Date().toISOString() };
        if (account.policies.has(p)) return { type: 'Custom', name: p, attachDate: new Date().toISOString() };
        throw new Error(`emulator: unknown policy "${p}"`);
      });
      const key = account.addUser(name, refs);
      return { accessKeyId: key.id, accessKeySecret: key.secret };
    },
    resetCalls() {
      calls.total = 0;
      calls.metadata = 0;
      for (const k of Object.keys(calls.byAction)) delete calls.byAction[k];
      for (const k of Object.keys(calls.metadataByPath)) delete calls.metadataByPath[k];
      for (const k of Object.keys(limits.throttled)) delete limits.throttled[k];
    },
    close: () => Promise.all([closeServer(apiServer), closeServer(metadataServer)]).then(() => undefined),
  };
}
