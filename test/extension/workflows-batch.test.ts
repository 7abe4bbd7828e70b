// Attach across regions with a per-instance failure, "Retry Failed" (only the failed instance is sent
// again), the palette/role-node path (region and instance quick picks), and Replace Role.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { runScripted } from './support/scriptedPrompter';
import { instanceNodes, roleNode } from './support/workflowTrees';

const WORKER1 = 'i-bp1demo0000000000003'; // cn-hangzhou, stopped, no role
const WEB2 = 'i-bp1demo0000000000002'; // cn-hangzhou, no role
const BATCH2 = 'i-uf6demo0000000000002'; // cn-shanghai, no role
const REPORT1 = 'i-2zedemo0000000000001'; // cn-beijing, no role

describe('role workflows: batches and retry (emulator, scripted answers)', function () {
  this.timeout(60_000);
  let s: EmulatorSession;
  const instance = (id: string) => s.emulator.account.instances.get(id)!;
  const attachCalls = () => s.emulator.calls.byAction.AttachInstanceRamRole ?? 0;

  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
    await vscode.workspace.getConfiguration('alicloudKms').update('regions', ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'], vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it('one call per region; a failed instance is reported with its code and "Retry Failed" sends only it again', async () => {
    const hz = await instanceNodes(s.api, 'cn-hangzhou');
    const sh = await instanceNodes(s.api, 'cn-shanghai');
    const selection = [hz.get(WORKER1)!, hz.get(WEB2)!, sh.get(BATCH2)!];
    // Someone else gives worker-1 a role after the tree was loaded: the node still says "no role".
    instance(WORKER1).ramRole = 'EcsSecretsReaderRole';
    const before = attachCalls();
    const p = await runScripted(s.api, [
      { pick: 'EcsKmsAccessRole' },
      { button: 'Attach', expect: /Attach the RAM role EcsKmsAccessRole to 3 instance/ },
      {
        button: 'Retry Failed', expect: /2 succeeded, 1 failed, 0 skipped\. i-bp1demo0000000000003: InvalidInstance\.RamRoleExists/,
        then: () => { instance(WORKER1).ramRole = ''; }, // ...and detaches it again before the retry
      },
    ], 'alicloudKms.attachRole', selection[0], selection);
    p.assertDone();
    assert.equal(attachCalls() - before, 3, 'two regions, then the retry of one instance');
    for (const id of [WORKER1, WEB2, BATCH2]) assert.equal(instance(id).ramRole, 'EcsKmsAccessRole', id);
    assert.ok(p.notifications.some((n) => /1 succeeded, 0 failed, 0 skipped/.test(n)), JSON.stringify(p.notifications));
  });

  it('a retry that finds the instance has another role now skips it (nothing replaced without asking)', async () => {
    const bj = await instanceNodes(s.api, 'cn-beijing');
    instance(REPORT1).ramRole = 'EcsSecretsReaderRole';
    const p = await runScripted(s.api, [
      { pick: 'EcsNoPermissionRole' },
      { button: 'Attach' },
      { button: 'Retry Failed', expect: /0 succeeded, 1 failed/ },
    ], 'alicloudKms.attachRole', bj.get(REPORT1));
    p.assertDone();
    assert.equal(instance(REPORT1).ramRole, 'EcsSecretsReaderRole');
  });

  it('from a role node: region and instance quick picks (classic instances are listed, explained and skipped)', async () => {
    instance(REPORT1).ramRole = '';
    const p = await runScripted(s.api, [
      { pick: 'cn-beijing', expect: /region/i },
      { pick: ['report-1', 'old-classic'], expect: /Attach EcsNoPermissionRole to instances/ },
      { button: 'Attach', expect: /to 1 instance/ },
    ], 'alicloudKms.attachRole', await roleNode(s.api, 'EcsNoPermissionRole'));
    p.assertDone();
    assert.equal(instance(REPORT1).ramRole, 'EcsNoPermissionRole');
    assert.equal(instance('i-2zedemo0000000000002').ramRole, '');
    const classic = p.asked.find((a) => a.kind === 'modal');
    assert.match(classic?.text ?? '', /to 1 instance/);
  });

  it('replaceRole on an instance node: confirmed as a replacement, detach then attach', async () => {
    const hz = await instanceNodes(s.api, 'cn-hangzhou');
    const p = await runScripted(s.api, [
      { pick: 'EcsNoPermissionRole', expect: /new RAM role/ },
      { button: 'Replace and Attach', expect: /replacing the role of 1/ },
    ], 'alicloudKms.replaceRole', hz.get(WEB2));
    p.assertDone();
    assert.equal(instance(WEB2).ramRole, 'EcsNoPermissionRole');
  });

  it('detachRole from the palette lists only instances with a role', async () => {
    const p = await runScripted(s.api, [
      { pick: 'cn-shanghai' },
      { pick: ['batch-1', 'batch-2'] },
      { button: 'Detach' },
    ], 'alicloudKms.detachRole');
    p.assertDone();
    const offered = p.asked.find((a) => a.kind === 'quickPick' && a.items?.includes('batch-1'))?.items ?? [];
    assert.deepEqual([...offered].sort(), ['batch-1', 'batch-2']);
    assert.equal(instance('i-uf6demo0000000000001').ramRole, '');
    assert.equal(instance(BATCH2).ramRole, '');
  });

  it('detachRole on an instance under a role\'s "Instances" (the node names the instance only)', async () => {
    instance(REPORT1).ramRole = 'EcsNoPermissionRole';
    const provider = s.api.trees.roles;
    const role = await roleNode(s.api, 'EcsNoPermissionRole');
    const group = (await provider.getChildren(role)).find((n) => n.getTreeItem().contextValue === 'roleInstances')!;
    const under = (await provider.getChildren(group)).find((n) => (n as { instanceId?: string }).instanceId === REPORT1);
    assert.ok(under, 'the role\'s Instances node does not list report-1');
    const p = await runScripted(s.api, [{ button: 'Detach', expect: /from 1 instance/ }], 'alicloudKms.detachRole', under);
    p.assertDone();
    assert.equal(instance(REPORT1).ramRole, '');
  });
});
