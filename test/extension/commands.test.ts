import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, manifest } from './extension';

describe('commands', () => {
  before(activated);

  const declared = () => manifest().contributes.commands.map((c) => c.command).sort();

  it('every declared command is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(declared().length > 0);
    assert.deepEqual(declared().filter((id) => !registered.has(id)), []);
  });

  it('every registered alicloudKms.* command is declared', async () => {
    // VS Code itself registers `<view id>.focus`, `.resetViewLocation` ... for each contributed view.
    const viewIds = Object.values(manifest().contributes.views).flat().map((v) => `${v.id}.`);
    const ours = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('alicloudKms.') && !viewIds.some((prefix) => id.startsWith(prefix)));
    assert.deepEqual([...new Set(ours)].sort(), declared());
  });

  it('every command has the category Alibaba Cloud', () => {
    for (const command of manifest().contributes.commands) {
      assert.equal(command.category, 'Alibaba Cloud', command.command);
    }
  });
});
