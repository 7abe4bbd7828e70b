// The policy diagnostics are wired in activate(): a policy document opened in the editor gets the
// policy module's semantic findings (here: kms:* on every resource, a trust policy ECS cannot assume).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated } from './extension';

async function diagnosticsOf(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  for (let i = 0; i < 60; i++) {
    const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Alibaba Cloud RAM');
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [];
}

describe('policy diagnostics (wired by the extension)', () => {
  before(activated);
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('flags kms:* on * in an untitled policy document', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'json', content: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }, null, 2),
    });
    await vscode.window.showTextDocument(document);
    const found = await diagnosticsOf(document);
    assert.ok(found.length > 0, 'no diagnostics from the policy checks');
    assert.ok(found.some((d) => /kms:\*/.test(d.message)), found.map((d) => d.message).join(' | '));
  });

  it('explains a trust policy that ECS cannot assume', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'json', content: JSON.stringify({ Version: '1', Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['fc.aliyuncs.com'] } }] }, null, 2),
    });
    await vscode.window.showTextDocument(document);
    const found = await diagnosticsOf(document);
    assert.ok(found.some((d) => /ecs\.aliyuncs\.com/.test(d.message)), found.map((d) => d.message).join(' | ') || 'no diagnostics');
  });
});
