// A workspace must not be able to redirect signed requests or metadata requests: a folder's
// .vscode/settings.json that sets alicloudKms.endpoints and alicloudKms.metadataEndpoint to a server of
// its own is ignored (machine scope). A local trap server (127.0.0.1) must receive nothing while the
// extension lists, signs and reads the instance credential — all of which reach the emulator instead.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { manifest } from './extension';
import { readDefaultKey } from '../../src/session/cloudSettings';

describe('security: workspace settings cannot redirect signed or metadata requests', function () {
  this.timeout(60_000);
  let s: EmulatorSession;
  let trap: http.Server;
  const trapped: string[] = [];
  let settingsFile = '';
  let existing: string | undefined;

  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
    trap = http.createServer((req, res) => {
      trapped.push(`${req.method} ${req.url}`);
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the host opened a workspace folder');
    settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    existing = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
  });
  after(async () => {
    if (existing === undefined) fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
    else fs.writeFileSync(settingsFile, existing);
    await new Promise<void>((resolve) => { trap.close(() => resolve()); trap.closeAllConnections(); });
    await s?.dispose();
  });

  it('declares the redirecting settings machine-scoped and restricted in untrusted workspaces', () => {
    const pkg = manifest() as unknown as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
      capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
    };
    const props = pkg.contributes.configuration.properties;
    for (const key of ['alicloudKms.endpoints', 'alicloudKms.metadataEndpoint']) {
      assert.equal(props[key]?.scope, 'machine', `${key} is machine-scoped`);
      assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(key), `${key} is restricted in untrusted workspaces`);
    }
  });

  it('a .vscode/settings.json pointing every endpoint at its own server is ignored', async () => {
    const url = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration(() => { sub.dispose(); resolve(); });
      setTimeout(resolve, 3000);
    });
    fs.writeFileSync(settingsFile, JSON.stringify({
      'alicloudKms.endpoints': { ram: url, ecs: url, kms: url, sts: url },
      'alicloudKms.metadataEndpoint': url,
    }, null, 2));
    await changed;

    // Writing them into the workspace through the API is refused, too.
    const config = vscode.workspace.getConfiguration('alicloudKms');
    const refused = await Promise.resolve(config.update('metadataEndpoint', url, vscode.ConfigurationTarget.Workspace)).then(() => 'accepted', (e: unknown) => String(e));

    s.emulator.resetCalls();
    const before = s.emulator.calls.metadata;
    await vscode.commands.executeCommand('alicloudKms.whoAmI');
    s.api.trees.roles.refresh();
    const roles = await s.api.trees.roles.getChildren();
    const snapshot = await s.api.instance.refresh({ force: true });
    const kms = (await s.api.session.getServices())?.kms('cn-hangzhou');
    const sealed = await kms?.encrypt({ keyId: 'alias/demo-app', plaintext: 'workspace cannot redirect this' });

    console.log(`    workspace settings point at ${url}; API calls that reached the emulator: ${JSON.stringify(s.emulator.calls.byAction)}, metadata calls ${s.emulator.calls.metadata - before}; ` +
      `requests that reached the workspace's server: ${trapped.length}; workspace write through the API: ${refused.slice(0, 120)}`);
    assert.deepEqual(trapped, [], 'the workspace\'s server received nothing');
    assert.ok(roles.length > 0, 'the roles were listed (from the emulator)');
    assert.equal(snapshot.endpoint, s.emulator.metadata, 'the metadata client kept the machine setting');
    assert.equal(snapshot.credential?.roleName, 'EcsKmsAccessRole');
    assert.ok(sealed?.ciphertextBlob, 'a signed KMS call went to the emulator');
    assert.ok((s.emulator.calls.byAction.ListRoles ?? 0) > 0 && (s.emulator.calls.byAction.Encrypt ?? 0) > 0 && s.emulator.calls.metadata > before, 'signed and metadata requests reached the emulator');
    assert.notEqual(refused, 'accepted', 'VS Code refuses to write a machine setting into the workspace');
  });
});

describe('security: a workspace cannot choose alicloudKms.defaultKey', function () {
  this.timeout(30_000);
  let settingsFile = '';
  let existing: string | undefined;
  const config = () => vscode.workspace.getConfiguration('alicloudKms');

  before(() => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the host opened a workspace folder');
    settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    existing = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
  });
  after(async () => {
    if (existing === undefined) fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
    else fs.writeFileSync(settingsFile, existing);
    await config().update('defaultKey', undefined, vscode.ConfigurationTarget.Global);
  });

  it('is machine-scoped, restricted in untrusted workspaces, and read from the user settings only', async () => {
    const pkg = manifest() as unknown as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
      capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
    };
    assert.equal(pkg.contributes.configuration.properties['alicloudKms.defaultKey']?.scope, 'machine');
    assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes('alicloudKms.defaultKey'));

    await config().update('defaultKey', 'alias/users-own-key', vscode.ConfigurationTarget.Global);
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration(() => { sub.dispose(); resolve(); });
      setTimeout(resolve, 3000);
    });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'alicloudKms.defaultKey': 'alias/workspace-chosen-key' }, null, 2));
    await changed;
    const inspected = config().inspect<string>('defaultKey');
    console.log(`    defaultKey: user ${inspected?.globalValue}, workspace file says alias/workspace-chosen-key, VS Code's workspace value ${inspected?.workspaceValue}, extension reads ${readDefaultKey()}`);
    assert.equal(readDefaultKey(), 'alias/users-own-key', 'the extension reads the user\'s key, not the workspace\'s');
    const refused = await Promise.resolve(config().update('defaultKey', 'alias/x', vscode.ConfigurationTarget.Workspace)).then(() => 'accepted', (e: unknown) => String(e));
    assert.notEqual(refused, 'accepted', 'VS Code refuses to write it into the workspace');
  });
});
