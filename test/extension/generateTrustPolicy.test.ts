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
  afterEach(async () => {
    listener?.dispose();
    // Wait until the extension host has seen the close: the next untitled document must not be confused with this one.
    for (let i = 0; i < 100 && opened.some((d) => !d.isClosed); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  });

  /**
   * The JSON of the document the command opened. VS Code reuses the name Untitled-1 once the previous
   * one is closed, and the extension host may briefly hold the old text under it: wait (up to 3 s) for
   * the text to settle on `expected`, then compare (a wrong document still fails).
   */
  async function openedJson(expected: unknown): Promise<unknown> {
    let value: unknown;
    for (let i = 0; i < 60; i++) {
      const document = opened.at(-1);
      assert.ok(document, 'the command opened no untitled document');
      assert.equal(document.languageId, 'json');
      try { value = JSON.parse(document.getText()); } catch { value = undefined; }
      if (JSON.stringify(value) === JSON.stringify(expected)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), opened.at(-1)?.uri.toString(), 'the generated document is not the active editor');
    return value;
  }

  it('opens the ECS trust policy as an untitled JSON document (ECS is preselected)', async () => {
    const p = await runScripted(await extensionApi(), [{ pickDefault: true, expect: /who may assume the role/ }], 'alicloudKms.generateTrustPolicy');
    p.assertDone();
    const expected = {
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }],
      Version: '1',
    };
    assert.deepEqual(await openedJson(expected), expected);
  });

  it('other services and accounts can be trusted (account ids validated)', async () => {
    const p = await runScripted(await extensionApi(), [
      { pick: ['ecs.aliyuncs.com', 'fc.aliyuncs.com', 'Alibaba Cloud accounts…'] },
      { input: '12345, abc', rejects: /is not an Alibaba Cloud account id/ },
      { input: '1234567890123456 2234567890123456' },
    ], 'alicloudKms.generateTrustPolicy');
    p.assertDone();
    const expected = {
      Statement: [
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com', 'fc.aliyuncs.com'] } },
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: ['acs:ram::1234567890123456:root', 'acs:ram::2234567890123456:root'] } },
      ],
      Version: '1',
    };
    assert.deepEqual(await openedJson(expected), expected);
  });
});
