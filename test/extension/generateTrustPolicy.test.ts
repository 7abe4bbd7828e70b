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

  // The document the command opened (not whatever editor happens to be active: earlier suites open some).
  let opened: vscode.TextDocument[] = [];
  let listener: vscode.Disposable | undefined;
  beforeEach(() => {
    opened = [];
    listener = vscode.workspace.onDidOpenTextDocument((d) => { if (d.isUntitled) opened.push(d); });
  });
  afterEach(() => listener?.dispose());

  function activeJson(): unknown {
    const document = opened.at(-1);
    assert.ok(document, 'the command opened no untitled document');
    assert.equal(document.languageId, 'json');
    assert.equal(vscode.window.activeTextEditor?.document, document, 'the generated document is not the active editor');
    return JSON.parse(document.getText());
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
