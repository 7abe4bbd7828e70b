// Shared setup of the instance tests (issue 7): the emulator in this extension host process with its
// metadata service as "this machine", the extension's settings pointed at it (user/Global scope,
// restored afterwards), an administrator management profile, and a scripted prompter.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator';
import type { ExtensionApi } from '../../../src/extensionApi';
import type { Prompter } from '../../../src/commands/prompter';
import { activated } from '../extension';

export const THIS_INSTANCE = 'i-bp1demo0000000000001';
export const CREDENTIAL_PATH = '/latest/meta-data/ram/security-credentials/';

export async function extensionApi(): Promise<ExtensionApi> {
  return (await activated()).exports as ExtensionApi;
}

const config = () => vscode.workspace.getConfiguration('alicloudKms');

export async function pointSettingsAt(api: string, metadata: string): Promise<void> {
  await config().update('endpoints', { ram: api, ecs: api, kms: api, sts: api }, vscode.ConfigurationTarget.Global);
  await config().update('metadataEndpoint', metadata, vscode.ConfigurationTarget.Global);
}

export async function resetSettings(): Promise<void> {
  for (const key of ['endpoints', 'metadataEndpoint', 'defaultKey', 'kmsVpcEndpoint']) {
    await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

/** The emulator (demo account), the settings pointing at it, and the snapshot re-read. */
export async function startMachine(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator({ port: 0, metadataPort: 0, scenario: 'demo', ...options });
  await pointSettingsAt(emulator.api, emulator.metadata);
  return emulator;
}

/** Stores the emulator's administrator AccessKey in SecretStorage and makes it the active profile. */
export async function useAdminProfile(api: ExtensionApi, emulator: Emulator, name = 'instance-tests-admin'): Promise<() => Promise<void>> {
  const profile = await api.factory.addAccessKey({ name, accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret, region: 'cn-hangzhou' });
  await api.session.reloadProfiles();
  await api.session.selectProfile(profile, 'cn-hangzhou');
  return async () => {
    await api.factory.removeAccessKey(profile.id);
    await api.session.reloadProfiles();
  };
}

/** A port on 127.0.0.1 where nothing listens ("not on ECS": connection refused at once). */
export async function closedPort(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A port that accepts connections and never answers (a blackholed metadata address). */
export async function silentPort(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server = (await import('node:net')).createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/**
 * A small HTTP proxy in front of the emulator's metadata service that can refuse the token request
 * or rewrite answers (a proxy in between, as on a misconfigured machine).
 */
export async function metadataProxy(
  target: string,
  /** An answer instead of the service's (status -1: drop the connection), or undefined to pass through. */
  rewrite: (req: http.IncomingMessage) => { status: number; body: string } | undefined,
  options: { forwardedFor?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const replaced = rewrite(req);
    if (replaced?.status === -1) {
      // -1: the service is gone: the connection closes without an answer.
      req.socket.destroy();
      return;
    }
    if (replaced) {
      res.writeHead(replaced.status, { 'content-type': 'text/plain' });
      res.end(replaced.body);
      return;
    }
    // A real HTTP proxy adds X-Forwarded-For, which the metadata service refuses for token requests.
    const headers = options.forwardedFor ? { ...req.headers, 'x-forwarded-for': '10.0.0.8' } : req.headers;
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

export interface Asked {
  readonly kind: 'quickPick' | 'inputBox' | 'warning' | 'information';
  readonly text: string;
  readonly choices: readonly string[];
  readonly modal: boolean;
}

/**
 * Answers prompts from a script, in order: a quick pick takes the item whose label contains the
 * answer; an input box gets the answer; a MODAL message gets the answer as the chosen button.
 * Non-modal notifications consume nothing (they answer "dismissed") but are recorded in `asked`.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];

  private readonly answers: (string | undefined)[];

  constructor(answers: readonly (string | undefined)[] = []) {
    this.answers = [...answers];
  }

  private next(what: string): string | undefined {
    if (this.answers.length === 0) throw new Error(`ScriptedPrompter: no answer left for ${what}`);
    return this.answers.shift();
  }

  get remaining(): number {
    return this.answers.length;
  }

  showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
    const list = await items;
    this.asked.push({ kind: 'quickPick', text: options?.title ?? '', choices: list.map((i) => i.label), modal: false });
    const answer = this.next(`quick pick "${options?.title ?? ''}"`);
    if (answer === undefined) return undefined;
    const found = list.find((i) => i.label === answer) ?? list.find((i) => i.label.includes(answer));
    if (!found) throw new Error(`ScriptedPrompter: no item "${answer}" in ${JSON.stringify(list.map((i) => i.label))}`);
    return found;
  }) as Prompter['showQuickPick'];

  showInputBox = async (options?: vscode.InputBoxOptions): Promise<string | undefined> => {
    this.asked.push({ kind: 'inputBox', text: options?.title ?? options?.prompt ?? '', choices: [], modal: false });
    const answer = this.next(`input box "${options?.title ?? ''}"`);
    if (answer !== undefined && options?.validateInput) {
      const problem = await options.validateInput(answer);
      if (problem) throw new Error(`ScriptedPrompter: "${answer}" rejected: ${typeof problem === 'string' ? problem : problem.message}`);
    }
    return answer;
  };

  showWarningMessage = async (message: string, options: vscode.MessageOptions, ...items: string[]): Promise<string | undefined> => this.message('warning', message, options, items);

  showInformationMessage = async (message: string, options: vscode.MessageOptions, ...items: string[]): Promise<string | undefined> =>
    this.message('information', message, options, items);

  private message(kind: 'warning' | 'information', message: string, options: vscode.MessageOptions, items: string[]): string | undefined {
    this.asked.push({ kind, text: message, choices: items, modal: options.modal === true });
    return options.modal ? this.next(`modal "${message}"`) : undefined;
  }

  messages(kind: 'warning' | 'information'): Asked[] {
    return this.asked.filter((a) => a.kind === kind);
  }
}

/** Runs a command with a script of answers; returns its result and the prompter (what was asked). */
export async function runWith<T>(api: ExtensionApi, command: string, answers: (string | undefined)[], ...args: unknown[]): Promise<{ result: T; prompter: ScriptedPrompter }> {
  const prompter = new ScriptedPrompter(answers);
  api.usePrompter(prompter);
  try {
    const result = await vscode.commands.executeCommand<T>(command, ...args);
    return { result, prompter };
  } finally {
    api.usePrompter(undefined);
  }
}

/** The text of an open read-only report (alicloudkms:/name). */
export function documentText(name: string): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'alicloudkms' && d.uri.path === `/${name}`)?.getText();
}

/** Waits until the report `name` is open and its text satisfies `ok` (a re-shown report updates asynchronously). */
export async function waitForDocument(name: string, ok: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last: string | undefined;
  while (Date.now() < until) {
    last = documentText(name);
    if (last !== undefined && ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`report ${name} never matched; last text:\n${last ?? '(not open)'}`);
}
