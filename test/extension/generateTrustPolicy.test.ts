import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated } from './extension';

describe('alicloudKms.generateTrustPolicy', () => {
  before(activated);
  // Revert, not close: closing a dirty untitled editor asks to save (a dialog the smoke-test driver skips).
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('opens the ECS trust policy as an untitled JSON document', async () => {
    await vscode.commands.executeCommand('alicloudKms.generateTrustPolicy');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no active editor after the command');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'json');
    assert.deepEqual(JSON.parse(editor.document.getText()), {
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }],
      Version: '1',
    });
  });
});
