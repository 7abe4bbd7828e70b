import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activated, extension } from './extension';
import { extensionApi } from './support/emulatorSession';

// Runs first (files load in name order): nothing else has called into the extension yet.
describe('activation', () => {
  it('runs in the expected VS Code', () => {
    console.log(`extension host: running in VS Code ${vscode.version}, ${vscode.env.appName}, uiKind ${vscode.UIKind[vscode.env.uiKind]}`);
    // The offline host pins VS Code 1.139 (its runner sets this); desktop runs take whatever was downloaded.
    // This also proves the runner's environment reaches the extension host.
    const expected = process.env.ALICLOUD_KMS_EXPECT_VSCODE;
    if (vscode.env.appName === 'code-server') assert.ok(expected, 'ALICLOUD_KMS_EXPECT_VSCODE did not reach the extension host');
    if (expected) assert.ok(vscode.version.startsWith(`${expected}.`), `VS Code ${vscode.version}, expected ${expected}.x`);
  });

  it('activates', async () => {
    const ext = await activated();
    assert.equal(ext.isActive, true);
    assert.equal(ext.extensionPath.replace(/\/$/, ''), ext.extensionUri.fsPath.replace(/\/$/, ''));
  });

  it('loads no @alicloud/* module while activating (the SDKs are required on the first cloud call)', () => {
    assert.equal(extension().isActive, true);
    const loaded = Object.keys(require.cache);
    // Sanity: the module list is the extension host's real one, which contains the extension's bundle.
    assert.ok(loaded.some((file) => file.endsWith('/dist/extension.js')), 'dist/extension.js not in require.cache');
    const sdk = loaded.filter((file) => file.includes('/@alicloud/') || file.endsWith('/dist/sdk.js'));
    assert.deepEqual(sdk, []);
  });

  it('activate() does not load the implementation bundle (dist/main.js): the first command, tree or API use, or the deferred start does', async () => {
    // Other extensions of the host have a dist/extension.js too: take ours by its full path.
    const dist = join(extension().extensionPath, 'dist');
    const cached = require.cache[join(dist, 'extension.js')];
    assert.ok(cached, `${join(dist, 'extension.js')} not in require.cache`);
    const bootstrap = cached.exports as { mainLoadInfo(): { reason: string; duringActivation: boolean } | undefined };
    // Using the API loads it (if the deferred start or a visible tree has not already).
    assert.ok((await extensionApi()).session);
    const info = bootstrap.mainLoadInfo();
    assert.ok(info, 'the implementation was used but mainLoadInfo() says it was never loaded');
    assert.equal(info.duringActivation, false, `dist/main.js was loaded inside activate() (${info.reason})`);
    assert.ok(require.cache[join(dist, 'main.js')], 'dist/main.js not in require.cache');
  });

  it('the bootstrap bundle holds no implementation: commands, views and the cloud layer are in dist/main.js', () => {
    // Development builds keep esbuild's `// src/<path>` module comments; any build stays small.
    const bundle = readFileSync(join(extension().extensionPath, 'dist', 'extension.js'), 'utf8');
    assert.doesNotMatch(bundle, /\/\/ src\/(commands|views|cloud|session|language|linter)\//);
    assert.ok(bundle.length < 30_000, `dist/extension.js is ${bundle.length} bytes`);
    const main = readFileSync(join(extension().extensionPath, 'dist', 'main.js'), 'utf8');
    assert.match(main, /alicloudKms\.createRole|CloudSession/);
  });

  it('neither bundle inlines the SDKs (they would load with it even without a require)', () => {
    // esbuild keeps `// node_modules/@alicloud/...` path comments in development builds, and the
    // signing code of openapi-core keeps its algorithm name in any build.
    for (const name of ['extension.js', 'main.js']) {
      const bundle = readFileSync(join(extension().extensionPath, 'dist', name), 'utf8');
      assert.doesNotMatch(bundle, /node_modules[\\/]@alicloud[\\/]/, name);
      assert.ok(!bundle.includes('ACS3-HMAC-SHA256'), `dist/${name} contains openapi-core signing code`);
    }
  });
});
