import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated } from './extension';

// Later tests point the extension at the emulator this way: the machine-scoped settings must be
// writable from the test user's (global) settings in this host.
describe('settings', () => {
  before(activated);
  const config = () => vscode.workspace.getConfiguration('alicloudKms');

  afterEach(async () => {
    await config().update('endpoints', undefined, vscode.ConfigurationTarget.Global);
    await config().update('metadataEndpoint', undefined, vscode.ConfigurationTarget.Global);
  });

  it('have their documented defaults', () => {
    assert.deepEqual(config().get('endpoints'), {});
    assert.equal(config().get('metadataEndpoint'), 'http://100.100.100.200');
  });

  it('machine-scoped endpoints can be set for the test user', async () => {
    await config().update('endpoints', { kms: 'http://127.0.0.1:9' }, vscode.ConfigurationTarget.Global);
    await config().update('metadataEndpoint', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    assert.deepEqual(config().get('endpoints'), { kms: 'http://127.0.0.1:9' });
    assert.equal(config().get('metadataEndpoint'), 'http://127.0.0.1:9');
  });
});
