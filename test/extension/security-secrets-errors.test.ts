// Secret-leak suite, error paths (issue 17): the instance credential's STS token and the Test Encrypt
// plaintext must not reach a log, a notification, an editor or a tree item through an error text, for
// each of the four products (RAM, ECS, KMS, STS):
// 1. a signature mismatch: the emulator rotates the session's secret under the extension, so every call
//    signed with the token fails with SignatureDoesNotMatch and the service's string to sign (which
//    holds the token and, for Encrypt, the plaintext) comes back in the message;
// 2. a hostile loopback endpoint that echoes the whole request (query, headers, body) into its error.
// The token is searched plain, percent-encoded once and twice; the plaintext plain and in Base64.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { Emulator } from '../emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import { allLogFiles } from './support/logCapture';
import { issueSession } from '../emulator/handlers/sts';
import { CREDENTIAL_PATH, extensionApi, metadataProxy, pointSettingsAt, resetSettings, runWith, startMachine, THIS_INSTANCE, useAdminProfile } from './support/instanceHarness';

const PLAINTEXT = 'KnownErrorPathPlaintext3Vb8Nq';
const KEY = { kind: 'key', keyId: 'key-hzzdemo0000000000001', regionId: 'cn-hangzhou' } as const;

const logText = () => allLogFiles().filter((f) => f.includes('KMS Access')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');

function forms(secret: string): string[] {
  const once = encodeURIComponent(secret);
  return [...new Set([secret, once, encodeURIComponent(once)])];
}

/** Every text the user or a file could see from what the commands did. */
async function visibleTexts(api: ExtensionApi, shown: string[]): Promise<[string, string][]> {
  const treeTexts: string[] = [];
  for (const tree of [api.trees.roles, api.trees.instances, api.trees.keys]) {
    for (const node of (await tree.getChildren()) ?? []) {
      const item = await tree.getTreeItem(node);
      treeTexts.push(String(typeof item.label === 'object' ? item.label.label : item.label ?? ''), String(item.description ?? ''), typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '');
    }
  }
  return [
    ['notifications and questions', shown.join('\n')],
    ['tree items', treeTexts.join('\n')],
    ['open editors', vscode.workspace.textDocuments.map((d) => d.getText()).join('\n')],
  ];
}

function leaks(places: [string, string][], needles: Record<string, string[]>): string[] {
  return places.flatMap(([where, text]) => Object.entries(needles).flatMap(([name, values]) =>
    values.filter((v) => v && text.includes(v)).map((v) => `${name} (${v.slice(0, 10)}…) in ${where}`)));
}

describe('security: no secret in an error text, for RAM, ECS, KMS and STS (issue 17)', function () {
  this.timeout(180_000);
  let api: ExtensionApi;
  let emulator: Emulator;
  let forget: () => Promise<void>;
  let admin: Awaited<ReturnType<ExtensionApi['session']['getServices']>>;

  before(async () => {
    api = await extensionApi();
    emulator = await startMachine();
    forget = await useAdminProfile(api, emulator, 'error-path-admin');
    admin = await api.session.getServices();
    await vscode.workspace.getConfiguration('alicloudKms').update('regions', ['cn-hangzhou'], vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    if (admin) await api.session.selectProfile(admin.profile, 'cn-hangzhou');
    await forget?.();
    await vscode.workspace.getConfiguration('alicloudKms').update('regions', undefined, vscode.ConfigurationTarget.Global);
    await resetSettings();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await emulator?.close();
  });

  /** Runs what reaches each product with the instance credential (the active profile): STS, RAM, ECS, KMS. */
  async function callEveryProduct(): Promise<string[]> {
    const shown: string[] = [];
    await runWith(api, 'alicloudKms.refreshInstanceCredential', []);
    const instanceProfile = (await api.factory.listProfiles()).profiles.find((p) => p.source === 'ecsInstance');
    assert.ok(instanceProfile, 'the instance profile is listed on this (emulated) ECS instance');
    await api.session.selectProfile(instanceProfile, 'cn-hangzhou');
    const whoAmI = await runWith(api, 'alicloudKms.whoAmI', []);
    api.trees.roles.refresh();
    api.trees.instances.refresh();
    await api.trees.roles.getChildren();
    // The instances view shows the chosen region; its instances load when it is expanded.
    const regions = (await api.trees.instances.getChildren()) ?? [];
    assert.ok(regions[0], 'the instances view shows a region');
    await api.trees.instances.getChildren(regions[0]);
    const encrypt = await runWith(api, 'alicloudKms.testEncrypt', ['Type my own text', PLAINTEXT, ''], KEY);
    for (const prompter of [whoAmI.prompter, encrypt.prompter]) shown.push(...prompter.asked.flatMap((a) => [a.text, ...a.choices]));
    shown.push(JSON.stringify(encrypt.result ?? null));
    return shown;
  }

  const tokens = () => [...emulator.account.sessions.values()].map((s) => s.token);
  const needles = () => ({
    'STS token': tokens().flatMap(forms),
    plaintext: [...forms(PLAINTEXT), Buffer.from(PLAINTEXT).toString('base64')],
  });

  it('a signature mismatch with an STS token (the service echoes its string to sign): 0 secrets found', async () => {
    const logStart = logText().length;
    // A valid STS AccessKeyId and token with a WRONG secret, served as this instance's credential by a proxy
    // in front of the metadata service: every call the extension signs with it fails with SignatureDoesNotMatch.
    const role = emulator.account.instances.get(THIS_INSTANCE)!.ramRole;
    const session = issueSession(emulator.account, [...emulator.account.roles.values()].find((r) => r.name === role)!, THIS_INSTANCE, 3600, Date.now(), 'ecs.aliyuncs.com');
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
    const wrong = JSON.stringify({ Code: 'Success', AccessKeyId: session.accessKeyId, AccessKeySecret: 'not-the-session-secret', SecurityToken: session.token, Expiration: iso(session.expiration), LastUpdated: iso(Date.now()) });
    const proxy = await metadataProxy(emulator.metadata, (req) => (req.method === 'GET' && req.url === `${CREDENTIAL_PATH}${role}` ? { status: 200, body: wrong } : undefined));
    let shown: string[];
    try {
      await pointSettingsAt(emulator.api, proxy.url);
      emulator.resetCalls();
      shown = await callEveryProduct();
    } finally {
      await pointSettingsAt(emulator.api, emulator.metadata);
      await proxy.close();
    }
    const calls = emulator.calls.byAction;
    console.log(`    calls signed with the stale secret: ${JSON.stringify(calls)}`);
    for (const action of ['GetCallerIdentity', 'ListRoles', 'Encrypt']) assert.ok((calls[action] ?? 0) > 0, `${action} reached the emulator`);
    assert.ok(Object.keys(calls).some((a) => /^Describe/.test(a)), 'an ECS call reached the emulator');
    const log = logText().slice(logStart);
    assert.match(log, /SignatureDoesNotMatch/, 'the failures are in the log, with their code');
    const found = leaks([['the extension log', log], ...await visibleTexts(api, shown)], needles());
    assert.deepEqual(found, []);
  });

  it('a hostile endpoint that echoes the whole request into its error message, for each product: 0 secrets found', async () => {
    const echoed: string[] = [];
    const hostile = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('latin1')));
      req.on('end', () => {
        const everything = `${req.method} ${req.url} headers ${JSON.stringify(req.headers)} body ${body}`;
        echoed.push(everything);
        res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ Code: 'EchoedRequest', Message: `You sent: ${everything}`, RequestId: 'ECHO-REQUEST' }));
      });
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    try {
      // Signed requests go to the hostile server, the metadata to the emulator.
      await pointSettingsAt(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}`, emulator.metadata);
      const logStart = logText().length;
      const shown = await callEveryProduct();
      const products = new Set(echoed.map((e) => (/Action=Encrypt|x-acs-action":"(\w+)/.exec(e)?.[0] ?? '')));
      console.log(`    the hostile endpoint echoed ${echoed.length} requests (${[...products].join(', ')})`);
      // It really saw the secrets: the test would find them if the extension showed its answers as they are.
      assert.ok(echoed.some((e) => tokens().some((t) => forms(t).some((f) => e.includes(f)))), 'the token was sent to the hostile endpoint');
      for (const action of ['GetCallerIdentity', 'ListRoles', 'Action=Encrypt']) assert.ok(echoed.some((e) => e.includes(action)), `${action} went to the hostile endpoint`);
      assert.ok(echoed.some((e) => /Describe(Regions|Instances)/.test(e)), 'an ECS call went to the hostile endpoint');
      const log = logText().slice(logStart);
      assert.match(log, /EchoedRequest/, 'the failures are in the log, with their code');
      const found = leaks([['the extension log', log], ...await visibleTexts(api, shown)], needles());
      assert.deepEqual(found, []);
    } finally {
      await pointSettingsAt(emulator.api, emulator.metadata);
      await new Promise<void>((resolve) => { hostile.close(() => resolve()); hostile.closeAllConnections(); });
    }
  });
});
