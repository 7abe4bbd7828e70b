// Issue 7: detection and the Instance Credential view, with the emulator's metadata service as
// "this machine": token required / optional / refused, no role, not on ECS, malformed answers, and
// a credential that expires soon (fetched once, not once per call).
import * as assert from 'node:assert/strict';
import type { Emulator } from '../emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { InstanceSnapshot } from '../../src/diagnosis/instanceSnapshot';
import {
  CREDENTIAL_PATH, THIS_INSTANCE, closedPort, silentPort, extensionApi, metadataProxy, pointSettingsAt, resetSettings, runWith, startMachine, useAdminProfile, waitForDocument,
} from './support/instanceHarness';

const ROLE = 'EcsKmsAccessRole';
const credentialFetches = (emulator: Emulator) => emulator.calls.metadataByPath[`${CREDENTIAL_PATH}${ROLE}`] ?? 0;
const refresh = (api: ExtensionApi) => runWith<InstanceSnapshot>(api, 'alicloudKms.refreshInstanceCredential', []).then((r) => r.result);

describe('instance credential (issue 7)', () => {
  let api: ExtensionApi;
  let emulator: Emulator;

  before(async () => {
    api = await extensionApi();
    emulator = await startMachine();
  });
  after(async () => {
    await resetSettings();
    await emulator.close();
  });
  beforeEach(async () => {
    emulator.metadataMode = 'token-optional';
    emulator.thisInstanceId = THIS_INSTANCE;
    await pointSettingsAt(emulator.api, emulator.metadata);
  });

  it('token optional: shows instance, region, zone, VPC, role, masked AccessKeyId, expiration, fetched with a token', async () => {
    const s = await refresh(api);
    assert.equal(s.onEcs, true);
    assert.equal(s.problem, undefined, JSON.stringify(s.problem));
    assert.equal(s.identity?.instanceId, THIS_INSTANCE);
    assert.equal(s.identity?.regionId, 'cn-hangzhou');
    assert.ok(s.identity?.zoneId?.startsWith('cn-hangzhou-'));
    assert.equal(s.identity?.vpcId, 'vpc-bp1demo01');
    assert.equal(s.credential?.roleName, ROLE);
    assert.equal(s.credential?.mode, 'token');
    const real = await api.factory.metadata.getCredential();
    assert.match(s.credential!.accessKeyIdMasked, /\*\*\*\*/);
    assert.ok(s.credential!.accessKeyIdMasked.endsWith(real.accessKeyId.slice(-4)));
    assert.notEqual(s.credential!.accessKeyIdMasked, real.accessKeyId);
    assert.ok(s.credential!.expirationMs > Date.now());
    assert.equal(api.instance.current?.onEcs, true);
  });

  it('the Instance Credential view shows one row per field, the expiration counting down', async () => {
    await refresh(api);
    const rows = api.instanceTree.getChildren().map((row) => api.instanceTree.getTreeItem(row));
    const byId = Object.fromEntries(rows.map((item) => [item.id, item]));
    assert.deepEqual(rows.map((item) => item.id), ['field:instance', 'field:region', 'field:zone', 'field:vpc', 'field:role', 'field:accessKeyId', 'field:expiration', 'field:lastUpdated', 'field:fetchedWith']);
    assert.equal(byId['field:instance'].description, THIS_INSTANCE);
    assert.equal(byId['field:role'].description, ROLE);
    assert.match(String(byId['field:expiration'].description), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z \(in (\d+h \d{2}m|\d+m \d{2}s)\)$/);
    assert.equal(byId['field:fetchedWith'].description, 'token (IMDSv2)');
    assert.match(String(byId['field:accessKeyId'].description), /^STS\.\w+\*{4}\w{4}$/);
  });

  it('token required (hardened mode): still served, through the token path', async () => {
    emulator.metadataMode = 'token-required';
    const s = await refresh(api);
    assert.equal(s.problem, undefined, JSON.stringify(s.problem));
    assert.equal(s.credential?.mode, 'token');
  });

  it('token required but the token request refused: says so and offers the fix', async () => {
    emulator.metadataMode = 'token-required';
    // An HTTP proxy in between: the service refuses token requests that carry X-Forwarded-For.
    const proxy = await metadataProxy(emulator.metadata, () => undefined, { forwardedFor: true });
    try {
      await pointSettingsAt(emulator.api, proxy.url);
      const s = await refresh(api);
      assert.equal(s.onEcs, true);
      assert.equal(s.problem?.kind, 'tokenRefused');
      assert.match(s.problem!.message.template, /requires a token/);
      assert.equal(s.problem?.action?.command, 'workbench.action.openSettings');
    } finally {
      await proxy.close();
    }
  });

  it('no role attached: says so and offers Attach Role for this instance', async () => {
    emulator.thisInstanceId = 'i-bp1demo0000000000002';
    const s = await refresh(api);
    assert.equal(s.onEcs, true);
    assert.equal(s.problem?.kind, 'noRole');
    assert.equal(s.problem?.action?.command, 'alicloudKms.attachRole');
    // The view says so in words, with a row that runs the fix.
    const rows = api.instanceTree.getChildren().map((row) => api.instanceTree.getTreeItem(row));
    assert.match(String(rows[0].label), /No RAM role is attached to this instance \(i-bp1demo0000000000002\)/);
    assert.equal(rows[1].command?.command, 'alicloudKms.attachRole');
    assert.equal(rows.find((r) => r.id === 'field:role')?.description, 'none attached');
    // This instance's NodeRef, for Attach Role (which describes the instance by its id).
    assert.deepEqual(s.problem!.action!.args, [{ kind: 'instance', regionId: 'cn-hangzhou', instanceId: 'i-bp1demo0000000000002' }]);
    assert.deepEqual(rows[1].command?.arguments, [...s.problem!.action!.args!]);
    const { result, prompter } = await runWith<{ ok: boolean; notRun?: string; offered: string[] }>(api, 'alicloudKms.testEncrypt', [], { kind: 'key', keyId: 'key-hzzdemo0000000000001', regionId: 'cn-hangzhou' });
    assert.equal(result.ok, false);
    assert.equal(result.notRun, 'noRole');
    assert.ok(result.offered.includes('Attach a Role…'), JSON.stringify(prompter.asked));
  });

  it('not on ECS (closed port): answered in under 1.5 s, and Test Encrypt points to Test Encrypt as Profile', async () => {
    await pointSettingsAt(emulator.api, await closedPort());
    const started = Date.now();
    const s = await refresh(api);
    const took = Date.now() - started;
    console.log(`      not on ECS answered in ${took} ms`);
    assert.ok(took < 1500, `${took} ms`);
    assert.equal(s.onEcs, false);
    assert.equal(s.problem?.kind, 'notOnEcs');
    const { result } = await runWith<{ notRun?: string; offered: string[] }>(api, 'alicloudKms.testEncrypt', [], { kind: 'key', keyId: 'key-hzzdemo0000000000001', regionId: 'cn-hangzhou' });
    assert.equal(result.notRun, 'notOnEcs');
    assert.deepEqual(result.offered, ['Test Encrypt as Profile']);
  });

  it('not on ECS (a metadata address that never answers): the probe gives up in under 0.5 s', async () => {
    const silent = await silentPort();
    try {
      await pointSettingsAt(emulator.api, silent.url);
      const started = Date.now();
      const s = await refresh(api);
      const took = Date.now() - started;
      console.log(`      silent metadata address: probe ${Math.round(s.probe.elapsedMs)} ms, refresh ${took} ms`);
      assert.equal(s.onEcs, false);
      assert.ok(s.probe.elapsedMs < 500, `probe took ${s.probe.elapsedMs} ms`);
      assert.ok(took < 1500, `${took} ms`);
    } finally {
      await silent.close();
    }
  });

  it('a malformed credential answer is named as such, and the view recovers when the service is fixed', async () => {
    const proxy = await metadataProxy(emulator.metadata, (req) => (req.url?.startsWith(`${CREDENTIAL_PATH}${ROLE}`) ? { status: 200, body: '{"Code":"Success","AccessKeyId":' } : undefined));
    try {
      await pointSettingsAt(emulator.api, proxy.url);
      const s = await refresh(api);
      assert.equal(s.problem?.kind, 'malformed');
      assert.match(s.problem!.detail!, /not JSON/);
      const rows = api.instanceTree.getChildren().map((row) => api.instanceTree.getTreeItem(row));
      assert.match(String(rows[0].label), /malformed credential/);
    } finally {
      await proxy.close();
    }
    await pointSettingsAt(emulator.api, emulator.metadata);
    const fixed = await refresh(api);
    assert.equal(fixed.problem, undefined);
  });

  it('a credential whose Expiration has passed is named as expired', async () => {
    const body = JSON.stringify({ Code: 'Success', AccessKeyId: 'STS.NTexpired0000000000', AccessKeySecret: 'x', SecurityToken: 'y', Expiration: '2020-01-01T00:00:00Z', LastUpdated: '2019-12-31T18:00:00Z' });
    const proxy = await metadataProxy(emulator.metadata, (req) => (req.url?.startsWith(`${CREDENTIAL_PATH}${ROLE}`) ? { status: 200, body } : undefined));
    try {
      await pointSettingsAt(emulator.api, proxy.url);
      const s = await refresh(api);
      assert.equal(s.problem?.kind, 'expired');
      assert.match(s.problem!.detail!, /2020-01-01T00:00:00Z/);
      assert.equal(s.problem?.action?.command, 'alicloudKms.refreshInstanceCredential');
    } finally {
      await proxy.close();
    }
  });

  it('the metadata service going away mid-session is named as such (not "not on ECS"), and the view recovers when it returns', async () => {
    let down = false;
    const proxy = await metadataProxy(emulator.metadata, () => (down ? { status: -1, body: '' } : undefined));
    try {
      await pointSettingsAt(emulator.api, proxy.url);
      assert.equal((await refresh(api)).problem, undefined);
      down = true;
      const gone = await refresh(api);
      assert.equal(gone.onEcs, true, 'still an ECS instance');
      assert.equal(gone.problem?.kind, 'unavailable');
      assert.match(gone.problem!.message.template, /stopped answering/);
      assert.equal(gone.identity?.instanceId, THIS_INSTANCE);
      down = false;
      const back = await refresh(api);
      assert.equal(back.problem, undefined, JSON.stringify(back.problem));
      assert.equal(back.credential?.roleName, ROLE);
    } finally {
      await proxy.close();
    }
  });

  it('Show Instance Credential: a read-only document with the masked AccessKeyId, never the secret or the token', async () => {
    await refresh(api);
    const { result } = await runWith<InstanceSnapshot>(api, 'alicloudKms.showInstanceCredential', []);
    const real = await api.factory.metadata.getCredential();
    const text = await waitForDocument('instance-credential.md', (t) => t.includes(result.credential!.accessKeyIdMasked));
    assert.ok(text.includes(THIS_INSTANCE) && text.includes(ROLE) && text.includes('vpc-bp1demo01'));
    assert.ok(!text.includes(real.accessKeyId), 'full AccessKeyId shown');
    assert.ok(!text.includes(real.accessKeySecret), 'secret shown');
    assert.ok(!text.includes(real.securityToken), 'token shown');
  });

  it('Copy Instance Credential copies a secret only after the modal warning is confirmed', async () => {
    await refresh(api);
    const declined = await runWith<string | undefined>(api, 'alicloudKms.copyInstanceCredential', ['AccessKeySecret', undefined]);
    assert.equal(declined.result, undefined);
    assert.ok(declined.prompter.asked.some((a) => a.kind === 'warning' && a.modal && /Anyone who gets this value/.test(a.text)));
    const copied = await runWith<string>(api, 'alicloudKms.copyInstanceCredential', ['AccessKeySecret', 'Copy']);
    assert.equal(copied.result, 'accessKeySecret');
    const vscode = await import('vscode');
    assert.equal(await vscode.env.clipboard.readText(), (await api.factory.metadata.getCredential()).accessKeySecret);
    await vscode.env.clipboard.writeText('');
  });
});

describe('instance credential expiring soon (issue 7)', () => {
  let api: ExtensionApi;
  let emulator: Emulator;
  let forget: () => Promise<void>;

  before(async () => {
    api = await extensionApi();
    // 20 s: inside the 15-minute refresh window from the start; the service reissues it after 10 s.
    emulator = await startMachine({ credentialLifetimeSeconds: 20 });
    forget = await useAdminProfile(api, emulator);
  });
  after(async () => {
    await forget();
    await resetSettings();
    await emulator.close();
  });

  it('is fetched once for many calls, and refreshed once (not per call) when due', async function () {
    this.timeout(60_000);
    const first = await refresh(api);
    assert.equal(first.problem, undefined, JSON.stringify(first.problem));
    const encrypt = () => runWith<{ ok: boolean }>(api, 'alicloudKms.testEncrypt', ['Use a sample text', ''], { kind: 'key', keyId: 'key-hzzdemo0000000000001', regionId: 'cn-hangzhou' });
    const before = credentialFetches(emulator);
    for (let i = 0; i < 3; i++) assert.equal((await encrypt()).result.ok, true);
    assert.equal(credentialFetches(emulator), before, 'a fresh credential was fetched again');
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    for (let i = 0; i < 3; i++) assert.equal((await encrypt()).result.ok, true);
    assert.equal(credentialFetches(emulator), before + 1, 'expected exactly one refresh for three calls');
  });
});
