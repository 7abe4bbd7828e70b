import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, manifest } from './extension';

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

  it('the workbench knows the container and the always-visible views', async () => {
    // These commands exist only when the workbench registered the container and views from the manifest.
    await vscode.commands.executeCommand('workbench.view.extension.alicloudKms');
    for (const id of VIEWS.slice(0, 3)) await vscode.commands.executeCommand(`${id}.focus`);
  });
});
