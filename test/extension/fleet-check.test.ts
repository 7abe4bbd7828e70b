// Issue 16: "Check KMS Access on Instances" on the demo account's instances through the emulator's
// Cloud Assistant, which really runs the script per instance. The verdict of each instance is compared
// with what the emulator's own state implies (role and its policies, instance status and network,
// Cloud Assistant flags) and with the script output the emulator recorded — not with the extension's code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cloudAssistantState } from '../emulator/cloudAssistant/state';
import type { FleetCheckOutcome } from '../../src/commands/checkKmsAccessOnInstances';
import type { NodeRef } from '../../src/views/common/nodeRef';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { runScriptedFor, ScriptedPrompter, type Step } from './support/scriptedPrompter';

const KEY = 'key-hzzdemo0000000000001';
const COMMAND = 'alicloudKms.checkKmsAccessOnInstances';
const KMS_POLICIES = new Set(['AliyunKMSCryptoUserAccess', 'AliyunKMSFullAccess', 'AdministratorAccess']);
const RUN: Step[] = [{ pick: KEY }, { pick: 'Encrypt and Decrypt only' }, { button: 'Run Check', expect: /Run a command on \d+ instance\(s\) through Cloud Assistant/ }];

type Expected = { status: 'skipped'; reason: string } | { status: 'passed' } | { status: 'failed'; code: string; fix?: string };

describe('Check KMS Access on Instances (issue 16, emulator Cloud Assistant)', function () {
  this.timeout(180_000);
  let s: EmulatorSession;

  async function run(steps: readonly Step[], ...args: unknown[]): Promise<{ outcome: FleetCheckOutcome; prompter: ScriptedPrompter }> {
    const { prompter, result } = await runScriptedFor<FleetCheckOutcome>(s.api, steps, COMMAND, ...args);
    prompter.assertDone();
    return { outcome: result as FleetCheckOutcome, prompter };
  }

  /** What the emulator's state says the check must find on an instance (independent of src/). */
  function expected(instanceId: string): Expected {
    const account = s.emulator.account;
    const i = account.instances.get(instanceId)!;
    if (i.networkType === 'classic') return { status: 'skipped', reason: 'classic' };
    if (i.status !== 'Running') return { status: 'skipped', reason: 'stopped' };
    if (cloudAssistantState(account).withoutAgent.has(i.id)) return { status: 'skipped', reason: 'noCloudAssistant' };
    if (!i.ramRole) return { status: 'failed', code: 'Metadata.NoRole', fix: 'alicloudKms.attachRole' };
    const role = account.roles.get(i.ramRole.toLowerCase())!;
    return role.policies.some((p) => KMS_POLICIES.has(p.name)) ? { status: 'passed' } : { status: 'failed', code: 'Forbidden.NoPermission', fix: 'alicloudKms.grantKmsAccess' };
  }

  function actual(outcome: FleetCheckOutcome, instanceId: string): Expected {
    const skipped = outcome.skipped.find((x) => x.instance.instanceId === instanceId);
    if (skipped) return { status: 'skipped', reason: skipped.reason };
    const index = outcome.verdicts.findIndex((v) => v.instance.instanceId === instanceId);
    const v = outcome.verdicts[index];
    assert.ok(v, `no verdict for ${instanceId}`);
    if (v.status === 'passed') return { status: 'passed' };
    const fix = outcome.fixAction(index)?.command;
    return { status: 'failed', code: v.code, ...(fix ? { fix } : {}) };
  }

  /** The script's own JSON line for an instance, as the emulator's Cloud Assistant recorded it. */
  function recordedOutput(instanceId: string): { ok: boolean; code?: string; role?: string } | undefined {
    const records = [...cloudAssistantState(s.emulator.account).invocations.values()].flatMap((inv) => inv.records).filter((r) => r.instanceId === instanceId);
    const last = records[records.length - 1];
    return last?.output ? JSON.parse(last.output.trim().split('\n').pop()!) : undefined;
  }

  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
    await vscode.workspace.getConfiguration('alicloudKms').update('regions', ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'], vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it("every demo instance gets the verdict the emulator's state implies, with the budgeted calls", async () => {
    const all = [...s.emulator.account.instances.values()];
    const refs: NodeRef[] = all.map((i) => ({ kind: 'instance', regionId: i.region, instanceId: i.id }));
    s.emulator.resetCalls();
    const { outcome, prompter } = await run(RUN, refs[0], refs);
    assert.match(prompter.asked.find((a) => a.kind === 'modal')!.text, /4 instance\(s\) through Cloud Assistant.*key-hzzdemo0000000000001.*4 instance\(s\) skipped/);

    const kinds = new Set<string>();
    for (const i of all) {
      const want = expected(i.id);
      kinds.add(want.status === 'failed' ? want.code : want.status === 'skipped' ? want.reason : want.status);
      assert.deepEqual(actual(outcome, i.id), want, `${i.id} (${i.name})`);
      if (want.status === 'skipped') continue;
      const recorded = recordedOutput(i.id);
      assert.equal(recorded?.ok, want.status === 'passed', `${i.id}: the script's own line says ${JSON.stringify(recorded)}`);
      if (want.status === 'failed') assert.equal(recorded?.code, want.code);
    }
    for (const k of ['passed', 'Forbidden.NoPermission', 'Metadata.NoRole', 'noCloudAssistant', 'stopped', 'classic']) assert.ok(kinds.has(k), `the demo covers ${k}`);

    const calls = s.emulator.calls.byAction;
    assert.equal(calls.DescribeCloudAssistantStatus, 3, 'one status call per region with candidates');
    assert.equal(calls.RunCommand, 3, 'one RunCommand per region');
    assert.ok((calls.Encrypt ?? 0) >= 2, 'the scripts called KMS with the instance credentials');

    const denied = outcome.verdicts.find((v) => v.status === 'failed' && v.code === 'Forbidden.NoPermission');
    assert.ok(denied && denied.status === 'failed');
    assert.match(outcome.html, /lacks kms:Encrypt on key key-hzzdemo0000000000001/);
    assert.match(outcome.html, /No RAM role is attached to this instance/);
    assert.match(outcome.html, /Re-run Failed/);
    assert.ok(!outcome.html.includes('SecurityToken'), 'no token in the report');
  });

  it('Re-run Failed checks only the failed instances again; granting the role KMS access turns it to passed', async () => {
    // A key of another region than the instances: typed as its ARN.
    const byArn: Step[] = [{ pick: '$(edit) Enter a key id, alias or ARN…' }, { input: `acs:kms:cn-hangzhou:${s.emulator.accountId}:key/${KEY}` }, ...RUN.slice(1)];
    const first = (await run(byArn, { kind: 'region', regionId: 'cn-shanghai', view: 'instances' })).outcome;
    assert.deepEqual(first.verdicts.map((v) => [v.instance.instanceId, v.status]), [['i-uf6demo0000000000001', 'failed']]);
    const grant = first.fixAction(0);
    assert.equal(grant?.command, 'alicloudKms.grantKmsAccess');
    assert.equal((grant?.arg as { roleName: string }).roleName, 'EcsSecretsReaderRole');

    // What Grant KMS Access does, through the management profile's real RAM API.
    const services = (await s.api.session.getServices())!;
    await services.ram.attachPolicyToRole({ roleName: 'EcsSecretsReaderRole', policyName: 'AliyunKMSCryptoUserAccess', policyType: 'System' });
    try {
      s.emulator.resetCalls();
      const prompter = new ScriptedPrompter([{ button: 'Run Check', expect: /1 instance\(s\)/ }]);
      s.api.usePrompter(prompter);
      const again = await first.rerunFailed().finally(() => s.api.usePrompter(undefined));
      prompter.assertDone();
      assert.deepEqual(again?.verdicts.map((v) => [v.instance.instanceId, v.status]), [['i-uf6demo0000000000001', 'passed']]);
      assert.equal(s.emulator.calls.byAction.RunCommand, 1);
      assert.equal(recordedOutput('i-uf6demo0000000000001')?.ok, true);
    } finally {
      await services.ram.detachPolicyFromRole({ roleName: 'EcsSecretsReaderRole', policyName: 'AliyunKMSCryptoUserAccess', policyType: 'System' });
    }
  });

  it('from a role node: only the instances with that role are checked', async () => {
    const { outcome } = await run(RUN, { kind: 'role', roleName: 'EcsKmsAccessRole' });
    assert.deepEqual(outcome.verdicts.map((v) => [v.instance.instanceId, v.status]), [['i-bp1demo0000000000001', 'passed']]);
    assert.deepEqual(outcome.skipped, []);
  });
});
