// Insert SDK Snippet from the palette while VS Code runs on an ECS instance (issue 15): the snippet is for
// this machine, so its region and attached role are filled in (the emulator's metadata service plays it).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Emulator } from '../emulator';
import { THIS_INSTANCE, extensionApi, resetSettings, runWith, startMachine } from './support/instanceHarness';

describe('Insert SDK Snippet on an ECS instance', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  before(async () => { emulator = await startMachine({ metadataMode: 'token-required' }); });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetSettings();
    await emulator.close();
  });

  it('fills this instance\'s region and role when no node is selected', async () => {
    const api = await extensionApi();
    await runWith(api, 'alicloudKms.refreshInstanceCredential', []);
    const instance = emulator.account.instances.get(THIS_INSTANCE)!;
    assert.ok(instance.ramRole, 'the demo instance has a role');
    await runWith(api, 'alicloudKms.insertSnippet', ['Encrypt and decrypt with a KMS key', 'Python']);
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(text, new RegExp(instance.ramRole));
    assert.match(text, new RegExp(instance.region));
  });
});
