// Behaviour in an untrusted workspace (Restricted Mode). Runs in its own host configuration
// (`npm run test:extension:untrusted`: Workspace Trust on, the workspace never trusted); in the normal
// run, where trust is disabled, it only checks the declaration. The extension declares
// `untrustedWorkspaces: limited`: it loads and works with the machine's profiles and settings, and the
// workspace cannot point it anywhere (endpoints and metadata address are restricted and machine-scoped).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { extension, manifest } from './extension';

const UNTRUSTED_RUN = process.env.ALICLOUD_KMS_UNTRUSTED === '1';

describe('security: untrusted workspace (Restricted Mode)', function () {
  this.timeout(60_000);

  it('declares limited support and which settings a workspace may not set', () => {
    const caps = (manifest() as unknown as { capabilities: { untrustedWorkspaces: { supported: unknown; description?: string; restrictedConfigurations?: string[] } } }).capabilities.untrustedWorkspaces;
    assert.equal(caps.supported, 'limited');
    assert.ok(caps.description && caps.description.length > 0);
    assert.deepEqual([...(caps.restrictedConfigurations ?? [])].sort(), ['alicloudKms.defaultKey', 'alicloudKms.endpoints', 'alicloudKms.metadataEndpoint']);
    console.log(`    workspace trusted in this run: ${vscode.workspace.isTrusted} (${UNTRUSTED_RUN ? 'untrusted configuration' : 'normal run: trust disabled'})`);
  });

  describe('in the untrusted configuration', function () {
    let s: EmulatorSession;
    let trap: http.Server;
    const trapped: string[] = [];
    let settingsFile = '';

    before(async function () {
      if (!UNTRUSTED_RUN) return this.skip();
      trap = http.createServer((req, res) => {
        trapped.push(`${req.method} ${req.url}`);
        res.writeHead(500).end();
      });
      await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'a workspace folder is open');
      settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
      fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
      fs.writeFileSync(settingsFile, JSON.stringify({ 'alicloudKms.endpoints': { ram: url, ecs: url, kms: url, sts: url }, 'alicloudKms.metadataEndpoint': url }));
      s = await connectToEmulator({ scenario: 'demo' });
    });
    after(async () => {
      if (!UNTRUSTED_RUN) return;
      if (settingsFile) fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
      await new Promise<void>((resolve) => (trap ? (trap.close(() => resolve()), trap.closeAllConnections()) : resolve()));
      await s?.dispose();
    });

    it('the workspace is not trusted and the extension is active', () => {
      assert.equal(vscode.workspace.isTrusted, false, 'the host left the workspace untrusted');
      assert.equal(extension().isActive, true);
    });

    it('works with the machine profile and settings; the workspace\'s endpoints receive nothing', async () => {
      s.api.trees.roles.refresh();
      const roles = await s.api.trees.roles.getChildren();
      const snapshot = await s.api.instance.refresh({ force: true });
      const services = await s.api.session.getServices();
      const sealed = await services?.kms('cn-hangzhou').encrypt({ keyId: 'alias/demo-app', plaintext: 'restricted mode' });
      console.log(`    untrusted: ${roles.length} role nodes, instance credential of ${snapshot.credential?.roleName}, Encrypt ${sealed ? 'ok' : 'failed'}; ` +
        `emulator calls ${JSON.stringify(s.emulator.calls.byAction)}; requests to the workspace's server: ${trapped.length}`);
      assert.ok(roles.length > 0);
      assert.equal(snapshot.endpoint, s.emulator.metadata);
      assert.equal(snapshot.credential?.roleName, 'EcsKmsAccessRole');
      assert.ok(sealed?.ciphertextBlob);
      assert.deepEqual(trapped, []);
    });
  });
});
