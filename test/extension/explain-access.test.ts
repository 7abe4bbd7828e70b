// Explain Access (issue 15) in the real extension host: run on a role under the demo key's "Roles that
// can use this key" and on a key (role picked), its Markdown report is checked action by action against
// the emulator's own decision (test/emulator/authorize.ts), not against the extension's evaluator.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { authorize } from '../emulator/authorize';
import { ApiError } from '../emulator/errors';
import type { TreeNode } from '../../src/views/common/treeNode';
import type { ExplainAccessOutcome } from '../../src/commands/explainAccess';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { runScriptedFor } from './support/scriptedPrompter';
import { keyNode, secretNode } from './support/workflowTrees';

const HZ = 'cn-hangzhou';
const KEY = 'key-hzzdemo0000000000001';
const ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'];
const VERDICT = { Allow: 'allowed', ExplicitDeny: 'denied', ImplicitDeny: 'notAllowed' } as const;

function emulatorVerdict(s: EmulatorSession, roleName: string, action: string, resource: string): string {
  const principal = { kind: 'role' as const, roleName, sessionName: 'check', session: {} as never };
  try {
    authorize(s.emulator.account, principal, [{ action, resource }], 'kms');
    return VERDICT.Allow;
  } catch (error) {
    assert.ok(error instanceof ApiError && error.accessDeniedDetail);
    return VERDICT[error.accessDeniedDetail.NoPermissionType];
  }
}

const children = async (n: TreeNode) => (await n.getChildren!()) as TreeNode[];

describe('Explain Access (emulator)', function () {
  this.timeout(120_000);
  let s: EmulatorSession;
  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
    // A Deny next to the role's AliyunKMSCryptoUserAccess: GenerateDataKey must show as blocked by it.
    const now = '2026-11-30T00:00:00Z';
    const document = JSON.stringify({ Version: '1', Statement: [{ Sid: 'NoDataKeys', Effect: 'Deny', Action: 'kms:GenerateDataKey', Resource: 'acs:kms:*:*:key/*' }] });
    s.emulator.account.policies.set('DenyDataKeys', { name: 'DenyDataKeys', type: 'Custom', description: '', versions: [{ id: 'v1', document, createDate: now }], defaultVersion: 'v1', createDate: now, updateDate: now });
    s.emulator.account.roles.get('ecskmsaccessrole')!.policies.push({ type: 'Custom', name: 'DenyDataKeys', attachDate: now });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it('on a role under "Roles that can use this key": each action\'s verdict and deciding policy match the emulator', async () => {
    const key = await keyNode(s.api, HZ, KEY);
    const rolesGroup = (await children(key)).find((n) => n.id.endsWith('/roles')) as TreeNode & { scanned(): Promise<void> };
    await children(rolesGroup);
    await rolesGroup.scanned();
    const roleNode = (await children(rolesGroup)).find((n) => (n as { roleName?: string }).roleName === 'EcsKmsAccessRole');
    assert.ok(roleNode, 'EcsKmsAccessRole is listed under the key');
    assert.equal(roleNode.getTreeItem().contextValue, 'kmsKeyRole');

    const outcome = await vscode.commands.executeCommand<ExplainAccessOutcome>('alicloudKms.explainAccess', roleNode);
    assert.ok(outcome, 'the command ran');
    const resource = `acs:kms:${HZ}:${s.emulator.accountId}:key/${KEY}`;
    assert.equal(outcome.resource, resource);
    const expected = ACTIONS.map((a) => [a, emulatorVerdict(s, 'EcsKmsAccessRole', a, resource)]);
    assert.deepEqual(expected, [['kms:Encrypt', 'allowed'], ['kms:Decrypt', 'allowed'], ['kms:GenerateDataKey', 'denied']], 'the emulator decides as set up');
    assert.deepEqual(outcome.explanations.map((e) => [e.action, e.verdict]), expected);

    // Shown rendered in the report panel, with Grant KMS Access as a button; the Markdown is its plain-text copy.
    assert.match(outcome.html, /<h2 id="verdict" class="failed">Explain Access: role EcsKmsAccessRole and key /);
    assert.match(outcome.html, /<h3>kms:GenerateDataKey: denied by an explicit Deny<\/h3>\s*<ul><li>Blocked by policy DenyDataKeys, statement 1 \(Sid <code>NoDataKeys<\/code>\)/);
    assert.match(outcome.html, /data-kind="button" data-index="0">Grant KMS Access</);
    const report = outcome.report;
    assert.match(report, /## kms:Encrypt: allowed\n\n- Allowed by policy AliyunKMSCryptoUserAccess, statement 1/);
    assert.match(report, /## kms:GenerateDataKey: denied by an explicit Deny\n\n- Blocked by policy DenyDataKeys, statement 1 \(Sid `NoDataKeys`\)/);
    assert.match(report, /Grant KMS Access/);
  });

  it('on a key node, the role picked: nothing allows any action for a role with no policy, as the emulator says', async () => {
    const key = await keyNode(s.api, HZ, KEY);
    assert.match(String(key.getTreeItem().contextValue), /^kmsKey:/);
    const { prompter, result: outcome } = await runScriptedFor<ExplainAccessOutcome>(s.api, [{ pick: 'EcsNoPermissionRole' }], 'alicloudKms.explainAccess', key);
    prompter.assertDone();
    assert.ok(outcome);
    const expected = ACTIONS.map((a) => [a, emulatorVerdict(s, 'EcsNoPermissionRole', a, outcome.resource)]);
    assert.deepEqual(outcome.explanations.map((e) => [e.action, e.verdict]), expected);
    assert.ok(expected.every(([, v]) => v === 'notAllowed'));
    assert.match(outcome.report, new RegExp(`No statement of the attached policies allows kms:Encrypt on ${outcome.resource}\\.`));
  });

  it('on a secret node: kms:GetSecretValue for the picked role, as the emulator decides', async () => {
    const secret = await secretNode(s.api, HZ, 'demo/db-password');
    const verdicts: string[] = [];
    for (const roleName of ['EcsSecretsReaderRole', 'EcsNoPermissionRole']) {
      const { prompter, result: outcome } = await runScriptedFor<ExplainAccessOutcome>(s.api, [{ pick: roleName }], 'alicloudKms.explainAccess', secret);
      prompter.assertDone();
      assert.ok(outcome);
      assert.match(outcome.resource, /^acs:kms:cn-hangzhou:\d+:secret\/demo\/db-password$/);
      assert.deepEqual(outcome.explanations.map((e) => [e.action, e.verdict]), [['kms:GetSecretValue', emulatorVerdict(s, roleName, 'kms:GetSecretValue', outcome.resource)]]);
      assert.match(outcome.report, new RegExp(`^# Explain Access: role ${roleName} and secret demo/db-password`));
      verdicts.push(outcome.explanations[0].verdict);
    }
    assert.deepEqual(verdicts, ['allowed', 'notAllowed'], 'one role may read the secret, the other may not');
  });

  it('on an instance under "Instances that can use this key": the role attached to it now, as the emulator decides', async () => {
    const key = await keyNode(s.api, HZ, KEY);
    const group = (await children(key)).find((n) => n.id.endsWith('/instances'));
    assert.ok(group, 'the key has "Instances that can use this key"');
    const rows = await children(group);
    const row = rows.find((n) => (n as { attached?: { ramRoleName?: string } }).attached?.ramRoleName === 'EcsKmsAccessRole') as TreeNode & { instanceId: string } | undefined;
    assert.ok(row, `an instance with EcsKmsAccessRole is listed: ${rows.map((n) => n.id).join(', ')}`);
    assert.deepEqual((row as { ref?: unknown }).ref, { kind: 'instance', regionId: (row as unknown as { regionId: string }).regionId, instanceId: row.instanceId, key: { regionId: HZ, keyId: KEY } });

    const outcome = await vscode.commands.executeCommand<ExplainAccessOutcome>('alicloudKms.explainAccess', row);
    assert.ok(outcome, 'the command ran without asking anything');
    assert.equal(outcome.instanceId, row.instanceId);
    assert.equal(outcome.roleName, 'EcsKmsAccessRole');
    assert.deepEqual(outcome.explanations.map((e) => [e.action, e.verdict]), ACTIONS.map((a) => [a, emulatorVerdict(s, 'EcsKmsAccessRole', a, outcome.resource)]));
    assert.match(outcome.report, new RegExp(`^# Explain Access: instance .*${row.instanceId}.* \\(role EcsKmsAccessRole\\) and key ${KEY}`));
    // What it cannot see is said, not guessed: the per-instance policy of AttachInstanceRamRole is not returned by ECS.
    assert.match(outcome.report, /Not evaluated: a policy given to AttachInstanceRamRole for this instance/);
  });

  it('on an instance with no role: says so and offers Attach Role, without reading any policy', async () => {
    const instance = [...s.emulator.account.instances.values()].find((i) => !i.ramRole);
    assert.ok(instance, 'the demo account has an instance without a role');
    const before = s.emulator.calls.byAction.ListPoliciesForRole ?? 0;
    const { prompter, result: outcome } = await runScriptedFor<ExplainAccessOutcome>(s.api, [], 'alicloudKms.explainAccess',
      { kind: 'instance', regionId: instance.region, instanceId: instance.id, key: { regionId: HZ, keyId: KEY } });
    assert.equal(outcome, undefined);
    const warning = prompter.asked.find((m) => m.kind === 'notification' && m.text.includes(instance.id));
    assert.ok(warning && /has no RAM role/.test(warning.text) && warning.items?.includes('Attach Role'), JSON.stringify(prompter.asked));
    assert.equal(s.emulator.calls.byAction.ListPoliciesForRole ?? 0, before);
  });
});
