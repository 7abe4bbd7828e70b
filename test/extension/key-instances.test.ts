// Key → roles → instances (issue 15) in the Keys view: "Instances that can use this key" and the instances
// under each role that can use it, checked against the emulator's own state and its own policy evaluator
// (test/emulator/authorize.ts), not against the extension's evaluation.
import * as assert from 'node:assert/strict';
import { authorize } from '../emulator/authorize';
import type { TreeNode } from '../../src/views/common/treeNode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { keyNode } from './support/workflowTrees';

const HZ = 'cn-hangzhou';
const KEY = 'key-hzzdemo0000000000001';
const USE = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'];

/** Whether the emulator would let `roleName` use the key for one of the data-key operations. */
function emulatorAllows(s: EmulatorSession, roleName: string, keyArn: string): boolean {
  const principal = { kind: 'role' as const, roleName, sessionName: 'check', session: {} as never };
  return USE.some((action) => {
    try {
      authorize(s.emulator.account, principal, [{ action, resource: keyArn }], 'kms');
      return true;
    } catch {
      return false;
    }
  });
}

const label = (n: TreeNode) => String(n.getTreeItem().label);
const children = async (n: TreeNode) => (await n.getChildren!()) as TreeNode[];

describe('key → roles → instances (emulator)', function () {
  this.timeout(120_000);
  let s: EmulatorSession;
  before(async () => { s = await connectToEmulator({ scenario: 'demo' }); });
  after(async () => { await s?.dispose(); });

  for (const [region, keyId] of [[HZ, KEY], ['cn-shanghai', 'key-shhdemo0000000000001']]) it(`"Instances that can use this key" (${keyId}) lists exactly the instances whose role the emulator lets use the key, with the role`, async () => {
    const keyArn = `acs:kms:${region}:${s.emulator.accountId}:key/${keyId}`;
    const expected = [...s.emulator.account.instances.values()]
      .filter((i) => i.ramRole && emulatorAllows(s, i.ramRole, keyArn))
      .map((i) => `${i.name} (${i.id}) ${i.region} · ${i.ramRole}`).sort();
    assert.ok(expected.length >= 1, 'the demo has an instance that can use its key');
    const key = await keyNode(s.api, region, keyId);
    const group = (await children(key)).find((n) => n.id.endsWith('/instances'));
    assert.ok(group, 'the key has "Instances that can use this key"');
    const shown = (await children(group)).map((n) => `${label(n)} ${String(n.getTreeItem().description)}`).sort();
    assert.deepEqual(shown, expected);
    assert.ok((await children(group)).every((n) => n.getTreeItem().contextValue === 'roleInstance'), 'Detach Role is offered on each');
  });

  it('each role that can use the key expands to its instances; a role on no instance offers Attach', async () => {
    const key = await keyNode(s.api, HZ, KEY);
    const rolesGroup = (await children(key)).find((n) => n.id.endsWith('/roles')) as TreeNode & { scanned(): Promise<void> };
    await children(rolesGroup);
    await rolesGroup.scanned();
    const roles = (await children(rolesGroup)).filter((n) => 'roleName' in n);
    assert.ok(roles.length >= 2, roles.map(label).join());
    for (const role of roles) {
      const roleName = (role as unknown as { roleName: string }).roleName;
      const expected = [...s.emulator.account.instances.values()].filter((i) => i.ramRole.toLowerCase() === roleName.toLowerCase()).map((i) => i.id).sort();
      const rows = await children(role);
      if (expected.length === 0) {
        assert.equal(rows.length, 1);
        assert.match(label(rows[0]), /Not attached to any instance/);
        assert.equal(rows[0].getTreeItem().command?.command, 'alicloudKms.attachRole');
      } else {
        assert.deepEqual(rows.map((r) => (r as unknown as { instanceId: string }).instanceId).sort(), expected, roleName);
      }
    }
  });
});
