// The metadata service misbehaving mid-session, seen through the Instance Credential view: it goes away
// (connection refused), answers malformed JSON, or hands out a credential whose Expiration has passed.
// Each time the view names the problem (and offers a fix), nothing throws, and it recovers once the
// service is back. A small proxy on 127.0.0.1 between the extension and the emulator's metadata
// service plays the faults; everything else is the real emulator.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { CredentialTreeProvider } from '../../src/views/instanceCredential/credentialTreeProvider';

type Mode = 'pass' | 'malformed' | 'expired';

class MetadataProxy {
  mode: Mode = 'pass';
  private server: http.Server | undefined;
  port = 0;
  constructor(private readonly upstream: string) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const isCredential = /\/security-credentials\/[^/]+$/.test(req.url ?? '');
        if (isCredential && this.mode === 'malformed') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('{"AccessKeyId":"STS.x","Code":"Success","Expiration":');
          return;
        }
        const forward = http.request(`${this.upstream}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            let text = Buffer.concat(body).toString();
            if (isCredential && this.mode === 'expired' && up.statusCode === 200) {
              text = JSON.stringify({ ...JSON.parse(text), Expiration: '2020-01-01T00:00:00Z' });
            }
            res.writeHead(up.statusCode ?? 502, { 'content-type': up.headers['content-type'] ?? 'text/plain' });
            res.end(text);
          });
        });
        forward.on('error', () => res.destroy());
        forward.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The service goes away: nothing listens on the port any more (connection refused). */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }
}

describe('reliability: the metadata service going away, malformed, or expired (Instance Credential view)', function () {
  this.timeout(60_000);
  let s: EmulatorSession;
  let proxy: MetadataProxy;
  let tree: CredentialTreeProvider;

  const refresh = () => vscode.commands.executeCommand('alicloudKms.refreshInstanceCredential');
  /** The labels the view shows now. */
  const rows = () => tree.getChildren().map((row) => String(tree.getTreeItem(row).label));

  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
    proxy = new MetadataProxy(s.emulator.metadata);
    await proxy.start();
    await vscode.workspace.getConfiguration('alicloudKms').update('metadataEndpoint', `http://127.0.0.1:${proxy.port}`, vscode.ConfigurationTarget.Global);
    tree = new CredentialTreeProvider(s.api.instance);
  });
  after(async () => {
    await proxy?.stop();
    tree?.dispose();
    await s?.dispose();
    await s?.api.instance.refresh({ force: true });
  });

  it('healthy, then gone, malformed, expired — each named in the view — and healthy again', async () => {
    const seen: string[] = [];
    const step = async (name: string, expectProblem: RegExp | undefined) => {
      await refresh();
      const snap = s.api.instance.current!;
      const labels = rows();
      seen.push(`${name}: ${snap.problem ? `${snap.problem.kind} — ${labels[0]}` : `credential of ${snap.credential?.roleName}, ${labels.length} rows`}`);
      if (!expectProblem) {
        assert.equal(snap.problem, undefined, `${name}: no problem, got ${JSON.stringify(snap.problem)}`);
        assert.equal(snap.credential?.roleName, 'EcsKmsAccessRole');
        assert.ok(labels.length >= 4, `${name}: the credential's fields are shown`);
        return;
      }
      assert.ok(snap.problem, `${name}: a problem is shown`);
      assert.equal(snap.onEcs, true, `${name}: still recognised as an ECS instance (the view stays visible)`);
      assert.match(labels[0], expectProblem, `${name}: the first row says what is wrong`);
      assert.ok(snap.problem.action, `${name}: a row offers the fix`);
      assert.equal(snap.credential, undefined, `${name}: no stale or bad credential is shown as current`);
    };

    await step('healthy', undefined);
    await proxy.stop();
    await step('gone (connection refused)', /metadata service.*(stopped answering|does not answer)/i);
    await proxy.start();
    await step('back', undefined);
    proxy.mode = 'malformed';
    await step('malformed JSON', /malformed credential.*not JSON/i);
    proxy.mode = 'expired';
    await step('past Expiration', /already expired.*2020-01-01T00:00:00Z/);
    proxy.mode = 'pass';
    await step('recovered', undefined);
    console.log(`    metadata faults through a proxy on port ${proxy.port}:\n      ${seen.join('\n      ')}`);
  });
});
