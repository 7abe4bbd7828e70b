import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './support/emulatorSession';
import { runScripted } from './support/scriptedPrompter';
import type { NodeRef } from '../../src/views/common/nodeRef';

const LANGUAGES = ['java', 'python', 'go', 'javascript', 'typescript'];
const PREFIXES = ['alikms-encrypt', 'alikms-envelope', 'alikms-secret'];

/** The completion items VS Code offers at the end of `text` in a new document of `language`. */
async function completionsAt(language: string, text: string): Promise<vscode.CompletionItem[]> {
  const document = await vscode.workspace.openTextDocument({ language, content: text });
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    document.positionAt(text.length),
  );
  return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('SDK snippets in the extension host', function () {
  this.timeout(60_000);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  for (const language of LANGUAGES) {
    it(`VS Code loads the ${language} snippets: the three jobs complete from their prefixes`, async () => {
      const items = await completionsAt(language, 'alikms');
      const snippets = items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
      for (const prefix of PREFIXES) assert.ok(snippets.includes(prefix), `${language}: ${prefix} missing among ${snippets.join(', ')}`);
    });
  }

  it('Insert SDK Snippet fills the role, region and key of a key node into a new document', async () => {
    const api = await extensionApi();
    const prompter = await runScripted(
      api,
      [{ pick: 'Encrypt and decrypt with a KMS key' }, { pick: 'TypeScript (Node.js)' }, { button: undefined, expect: /needs/ }],
      'alicloudKms.insertSnippet',
      // A role shown under a key ("Roles that can use this key") names the role, the region and the key.
      { kind: 'role', roleName: 'AppRole', key: { regionId: 'cn-shanghai', keyId: 'alias/app' } } satisfies NodeRef,
    );
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'typescript');
    assert.match(text, /AppRole/);
    assert.match(text, /cn-shanghai/);
    assert.match(text, /alias\/app/);
    assert.doesNotMatch(text, /LTAI[0-9A-Za-z]{12,}/);
    prompter.assertDone();
  });
});
