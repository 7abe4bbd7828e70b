import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated } from './extension';
import { extensionApi } from './support/emulatorSession';
import { runScripted } from './support/scriptedPrompter';

// Needs no profile: the document is generated locally.
describe('alicloudKms.generateTrustPolicy', () => {
  before(activated);
  // Revert, not close: closing a dirty untitled editor asks to save (a dialog the smoke-test driver skips).
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  function activeJson(): unknown {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no active editor after the command');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'json');
    return JSON.parse(editor.document.getText());
  }

  it('opens the ECS trust policy as an untitled JSON document (ECS is preselected)', async () => {
    const p = await runScripted(await extensionApi(), [{ pickDefault: true, expect: /who may assume the role/ }], 'alicloudKms.generateTrustPolicy');
    p.assertDone();
    assert.deepEqual(activeJson(), {
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }],
      Version: '1',
    });
  });

  it('other services and accounts can be trusted (account ids validated)', async () => {
    const p = await runScripted(await extensionApi(), [
      { pick: ['ecs.aliyuncs.com', 'fc.aliyuncs.com', 'Alibaba Cloud accounts…'] },
      { input: '12345, abc', rejects: /is not an Alibaba Cloud account id/ },
      { input: '1234567890123456 2234567890123456' },
    ], 'alicloudKms.generateTrustPolicy');
    p.assertDone();
    assert.deepEqual(activeJson(), {
      Statement: [
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com', 'fc.aliyuncs.com'] } },
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: ['acs:ram::1234567890123456:root', 'acs:ram::2234567890123456:root'] } },
      ],
      Version: '1',
    });
  });
});
