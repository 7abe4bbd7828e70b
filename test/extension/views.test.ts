import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, manifest } from './extension';
import { extensionApi } from './support/emulatorSession';

const VIEWS = ['alicloudKms.roles', 'alicloudKms.instances', 'alicloudKms.keys', 'alicloudKms.instanceCredential'];

describe('views', () => {
  before(activated);

  it('the Alibaba Cloud container holds the four views', () => {
    const { viewsContainers, views } = manifest().contributes;
    assert.deepEqual(viewsContainers.activitybar.map((c) => [c.id, c.title]), [['alicloudKms', 'Alibaba Cloud']]);
    assert.deepEqual(views.alicloudKms.map((v) => v.id), VIEWS);
    assert.equal(views.alicloudKms.find((v) => v.id === 'alicloudKms.instanceCredential')?.when, 'alicloudKms.onEcs');
  });

  it('every view has welcome content (no empty view ships)', () => {
    const welcomed = new Set(manifest().contributes.viewsWelcome.map((w) => w.view));
    assert.deepEqual(VIEWS.filter((id) => !welcomed.has(id)), []);
  });

  it('opening the container and focusing each view shows it: VS Code asks that view for its root items', async () => {
    // The focus commands exist only when the workbench registered the container and views from the manifest;
    // a shown tree asks its data provider for the root items, a hidden one does not.
    const trees = (await extensionApi()).trees;
    const providers = { 'alicloudKms.roles': trees.roles, 'alicloudKms.instances': trees.instances, 'alicloudKms.keys': trees.keys };
    const asked = new Set<string>();
    const originals = Object.entries(providers).map(([id, provider]) => {
      const original = provider.getChildren.bind(provider);
      provider.getChildren = ((node?: Parameters<typeof original>[0]) => {
        if (node === undefined) asked.add(id);
        return original(node);
      }) as typeof provider.getChildren;
      return () => { provider.getChildren = original; };
    });
    try {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.view.extension.alicloudKms');
      for (const [id, provider] of Object.entries(providers)) {
        await vscode.commands.executeCommand(`${id}.focus`);
        // A view shown before keeps its items: a refresh makes a visible view ask again.
        provider.refresh();
      }
      const deadline = Date.now() + 10_000;
      while (asked.size < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual([...asked].sort(), Object.keys(providers).sort(), 'each focused view was shown and asked for its root items');
    } finally {
      for (const restore of originals) restore();
    }
  });
});
