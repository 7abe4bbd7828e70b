// Attach a role to 50 instances in two regions while the emulator throttles, answers 5xx and some
// instances turn out to have another role: the per-instance report (the log) is exact, "Retry Failed"
// completes the rest, no instance is attached twice and nothing already done is undone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { runScripted } from './support/scriptedPrompter';
import { instanceNodes } from './support/workflowTrees';
import { extensionLog } from './support/logCapture';
import type { EmulatorSeed } from '../emulator/seed';

const REGIONS = ['cn-hangzhou', 'cn-shanghai'];
const ids = Array.from({ length: 50 }, (_, n) => `i-rel${String(n).padStart(17, '0')}`);
// These get another role behind the tree's back: their attach fails with InvalidInstance.RamRoleExists.
const TAKEN = new Set(ids.filter((_, n) => n % 7 === 3));

function seed(): EmulatorSeed {
  return {
    accountId: '1688000000000077',
    vpcs: REGIONS.map((region, n) => ({ id: `vpc-rel${n}`, region, vSwitches: [{ id: `vsw-rel${n}` }], securityGroups: [{ id: `sg-rel${n}` }] })),
    roles: [{ name: 'BatchRole', policies: ['AliyunKMSCryptoUserAccess'] }, { name: 'OtherRole' }],
    instances: ids.map((id, n) => ({ id, name: `batch-${String(n).padStart(2, '0')}`, region: REGIONS[n % 2], vSwitchId: `vsw-rel${n % 2}` })),
  };
}

describe('reliability: batch attach to 50 instances with injected failures', function () {
  this.timeout(120_000);
  let s: EmulatorSession;
  const attached = new Map<string, number>();
  const undone = new Map<string, number>();

  before(async () => {
    s = await connectToEmulator({ seed: seed(), randomSeed: 4242 });
    await vscode.workspace.getConfiguration('alicloudKms').update('regions', REGIONS, vscode.ConfigurationTarget.Global);
    // Watch every change of every instance's role in the emulator: attaches and detaches, in order.
    for (const id of ids) {
      const instance = s.emulator.account.instances.get(id)!;
      let role = instance.ramRole;
      Object.defineProperty(instance, 'ramRole', {
        get: () => role,
        set: (next: string) => {
          if (next === 'BatchRole' && role !== 'BatchRole') attached.set(id, (attached.get(id) ?? 0) + 1);
          if (role === 'BatchRole' && next !== 'BatchRole') undone.set(id, (undone.get(id) ?? 0) + 1);
          role = next;
        },
      });
    }
  });
  after(async () => {
    Object.assign(s.emulator.faults, { throttleRate: 0, errorRate: 0, latencyMs: 0 });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it('reports each instance exactly, retries only the failed ones, attaches each once and undoes nothing', async () => {
    const nodes = [...(await instanceNodes(s.api, 'cn-hangzhou')).values(), ...(await instanceNodes(s.api, 'cn-shanghai')).values()];
    assert.equal(nodes.length, 50);
    // The tree was loaded; now other people act and the network degrades.
    for (const id of TAKEN) s.emulator.account.instances.get(id)!.ramRole = 'OtherRole';
    Object.assign(s.emulator.faults, { throttleRate: 0.3, errorRate: 0.1, latencyMs: 5 });
    s.emulator.resetCalls();

    let firstRound: { succeeded: string[]; failed: string[] } | undefined;
    const p = await runScripted(s.api, [
      { pick: 'BatchRole' },
      { button: 'Attach', expect: /Attach the RAM role BatchRole to 50 instance/ },
      {
        button: 'Retry Failed', expect: /Attach BatchRole: \d+ succeeded, \d+ failed, 0 skipped/,
        then: () => {
          // What the emulator holds after round 1 is the truth the report must match.
          const role = (id: string) => s.emulator.account.instances.get(id)!.ramRole;
          firstRound = { succeeded: ids.filter((id) => role(id) === 'BatchRole'), failed: ids.filter((id) => role(id) !== 'BatchRole') };
          // The other role goes away and the network heals before the retry.
          for (const id of TAKEN) s.emulator.account.instances.get(id)!.ramRole = '';
          Object.assign(s.emulator.faults, { throttleRate: 0, errorRate: 0, latencyMs: 0 });
        },
      },
    ], 'alicloudKms.attachRole', nodes[0], nodes);
    p.assertDone();
    assert.ok(firstRound, 'the first round ended with failures and offered Retry Failed');
    const calls = JSON.stringify(s.emulator.calls.byAction);

    // The notification's counts are the emulator's.
    const warning = p.asked.find((a) => /Retry Failed/.test((a.items ?? []).join()))!;
    assert.match(warning.text, new RegExp(`${firstRound.succeeded.length} succeeded, ${firstRound.failed.length} failed, 0 skipped`));
    for (const id of TAKEN) assert.ok(firstRound.failed.includes(id), `${id} (another role) failed in round 1`);
    assert.ok(p.notifications.some((n) => new RegExp(`Attach BatchRole: ${firstRound!.failed.length} succeeded, 0 failed, 0 skipped`).test(n)), JSON.stringify(p.notifications));

    // The log has one line per instance per round, saying exactly what happened to it.
    const log = await extensionLog(/Attach BatchRole \(retry 1\):[\s\S]*i-rel/);
    const round1 = log.slice(log.indexOf('Attach BatchRole:'), log.indexOf('Attach BatchRole (retry 1):'));
    const round2 = log.slice(log.indexOf('Attach BatchRole (retry 1):'));
    for (const id of ids) {
      const line1 = round1.split('\n').filter((l) => l.includes(id));
      assert.equal(line1.length, 1, `${id}: one line in round 1`);
      assert.match(line1[0], firstRound.succeeded.includes(id) ? /attach succeeded/ : /attach failed: \S+: /, line1[0]);
      if (TAKEN.has(id)) assert.match(line1[0], /InvalidInstance\.RamRoleExists/);
      const line2 = round2.split('\n').filter((l) => l.includes(id));
      assert.equal(line2.length, firstRound.failed.includes(id) ? 1 : 0, `${id}: in the retry only if it failed`);
      if (line2.length) assert.match(line2[0], /attach succeeded/);
    }

    // The account: every instance has the role, each was attached once, none was detached.
    for (const id of ids) assert.equal(s.emulator.account.instances.get(id)!.ramRole, 'BatchRole', id);
    assert.deepEqual([...attached.entries()].filter(([, n]) => n !== 1), [], 'no instance attached twice');
    assert.equal(attached.size, 50);
    assert.deepEqual([...undone.keys()], [], 'nothing already done was undone');
    console.log(`    batch: 50 instances in ${REGIONS.length} regions; faults throttleRate 0.3, errorRate 0.1, latency 5 ms, ${TAKEN.size} instances given another role; ` +
      `round 1: ${firstRound.succeeded.length} succeeded, ${firstRound.failed.length} failed; retry: ${firstRound.failed.length} succeeded; API calls ${calls}`);
  });
});
