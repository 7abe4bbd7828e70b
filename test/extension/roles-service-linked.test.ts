// Issue 18: service-linked roles (AliyunServiceRoleFor…) sit under one collapsed node of the RAM Roles
// view, their trust policies unread (only their service can assume them); the setting shows them inline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/views/common/treeNode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';

const label = (n: TreeNode) => String(n.getTreeItem().label);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTING = 'showServiceLinkedRoles';

describe('RAM Roles view: service-linked roles (emulator, demo)', function () {
  this.timeout(60_000);
  let s: EmulatorSession;
  before(async () => { s = await connectToEmulator({ scenario: 'demo' }); });
  after(async () => {
    await vscode.workspace.getConfiguration('alicloudKms').update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    await s?.dispose();
  });

  const serviceLinked = () => [...s.emulator.account.roles.values()].filter((r) => r.name.startsWith('AliyunServiceRoleFor')).map((r) => r.name).sort();
  const others = () => [...s.emulator.account.roles.values()].filter((r) => !r.name.startsWith('AliyunServiceRoleFor')).map((r) => r.name).sort();

  it('groups them under one node, reads no trust policy for them, and lists the rest as before', async () => {
    assert.ok(serviceLinked().length >= 2, 'the demo account has service-linked roles');
    s.api.trees.roles.refresh();
    s.emulator.resetCalls();
    const top = await s.api.trees.roles.getChildren();
    await sleep(800); // the background trust reads of the rest of the page
    const group = top.find((n) => n.getTreeItem().contextValue === 'serviceLinkedRoles');
    assert.ok(group, top.map(label).join());
    assert.equal(label(group), `Service-linked roles (${serviceLinked().length})`);
    assert.equal(group.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepEqual(top.filter((n) => n !== group).map(label).sort(), others());
    assert.deepEqual((await group.getChildren!()).map(label).sort(), serviceLinked());
    assert.equal(s.emulator.calls.byAction.GetRole, others().length, 'one GetRole per role shown, none for the grouped ones');
  });

  it('the setting shows them inline (the view repaints on the change)', async () => {
    await vscode.workspace.getConfiguration('alicloudKms').update(SETTING, true, vscode.ConfigurationTarget.Global);
    const top = await s.api.trees.roles.getChildren();
    assert.ok(!top.some((n) => n.getTreeItem().contextValue === 'serviceLinkedRoles'));
    assert.deepEqual(top.map(label).sort(), [...others(), ...serviceLinked()].sort());
  });
});
