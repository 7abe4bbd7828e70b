// Delete Role: refused while the role has policies; otherwise confirmed with its aliyun CLI equivalent and
// read back from RAM (the emulator's state says it is gone).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { runScripted } from './support/scriptedPrompter';

describe('Delete Role (emulator, scripted answers)', function () {
  this.timeout(60_000);
  let s: EmulatorSession;
  before(async () => { s = await connectToEmulator({ scenario: 'demo' }); });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });
  const exists = (name: string) => s.emulator.account.roles.has(name.toLowerCase());

  it('a role with policies is not deleted and nothing is asked', async () => {
    const p = await runScripted(s.api, [], 'alicloudKms.deleteRole', { kind: 'role', roleName: 'EcsKmsAccessRole' });
    p.assertDone();
    assert.ok(exists('EcsKmsAccessRole'));
    assert.equal(s.emulator.calls.byAction.DeleteRole ?? 0, 0);
  });

  it('shows what it removes and the CLI equivalent, deletes, and reads back that the role is gone', async () => {
    assert.ok(exists('FcInvokeRole'));
    const p = await runScripted(s.api, [
      // Copy, not Show: the shown aliyun-cli.sh document is shared by every command's confirmation.
      { button: 'Copy CLI Command', expect: /Delete the RAM role FcInvokeRole\? This cannot be undone/ },
      { button: 'Delete' },
    ], 'alicloudKms.deleteRole', { kind: 'role', roleName: 'FcInvokeRole' });
    p.assertDone();
    assert.match(await vscode.env.clipboard.readText(), /aliyun ram DeleteRole --RoleName FcInvokeRole/);
    assert.ok(!exists('FcInvokeRole'), 'the emulator no longer has the role');
    assert.ok((s.emulator.calls.byAction.GetRole ?? 0) >= 2, 'read before and read back after');
    assert.ok(p.notifications.some((n) => /Deleted the RAM role FcInvokeRole/.test(n)), p.notifications.join('\n'));
  });
});
