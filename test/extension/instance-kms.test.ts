// Issue 7: Test Encrypt / Test Secret Read with the instance credential and Diagnose KMS Access,
// against the emulator (real SDK calls, signatures verified). Permission missing then granted, a
// disabled key, wrong region, clock skew, and Diagnose in a healthy and a broken setup.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Emulator } from '../emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { DiagnosisReport } from '../../src/diagnosis/diagnosisTypes';
import type { EncryptTestOutcome } from '../../src/commands/testEncrypt';
import type { SecretReadOutcome } from '../../src/commands/testSecretRead';
import type { NodeRef } from '../../src/views/common/nodeRef';
import { THIS_INSTANCE, closedPort, extensionApi, pointSettingsAt, resetSettings, runWith, startMachine, useAdminProfile } from './support/instanceHarness';

/** What a key of the KMS Keys view passes the commands. */
const KEY = { kind: 'key', keyId: 'key-hzzdemo0000000000001', regionId: 'cn-hangzhou' } as const satisfies NodeRef;
const SAMPLE = ['Use a sample text', ''];

describe('Test Encrypt, Test Secret Read and Diagnose with the instance credential (issue 7)', () => {
  let api: ExtensionApi;
  let emulator: Emulator;
  let forget: () => Promise<void>;

  const setRole = async (roleName: string | undefined) => {
    emulator.account.instances.get(THIS_INSTANCE)!.ramRole = roleName ?? ''; // '' = no role, as the emulator stores it
    await runWith(api, 'alicloudKms.refreshInstanceCredential', []);
  };
  const testEncrypt = (answers: (string | undefined)[], node?: unknown) => runWith<EncryptTestOutcome>(api, 'alicloudKms.testEncrypt', answers, node);
  const diagnose = (node: unknown = KEY) => runWith<DiagnosisReport>(api, 'alicloudKms.diagnose', [], node).then((r) => r.result);
  const verdicts = (report: DiagnosisReport) => Object.fromEntries(report.lines.map((l) => [l.id, l.status]));

  before(async () => {
    api = await extensionApi();
    emulator = await startMachine({ metadataMode: 'token-required' });
    forget = await useAdminProfile(api, emulator);
  });
  after(async () => {
    await forget();
    await resetSettings();
    await emulator.close();
  });
  beforeEach(async () => {
    emulator.faults.clockSkewMs = 0;
    emulator.thisInstanceId = THIS_INSTANCE;
    await pointSettingsAt(emulator.api, emulator.metadata);
    await setRole('EcsKmsAccessRole');
  });

  it('passes with the role that has KMS access: both calls with latency, RequestId, key id and version; no plaintext in the report', async () => {
    const secretText = `plaintext-${Date.now()}-never-shown`;
    const { result } = await testEncrypt(['Type my own text', secretText, 'purpose=test, app=web'], KEY);
    assert.equal(result.ok, true, JSON.stringify(result.explanation));
    assert.equal(result.principal, 'EcsKmsAccessRole');
    assert.deepEqual(result.calls.map((c) => [c.api, c.ok]), [['Encrypt', true], ['Decrypt', true]]);
    for (const call of result.calls) {
      assert.ok(call.requestId, 'RequestId');
      assert.equal(call.keyId, KEY.keyId);
      assert.ok(call.keyVersionId, 'key version');
    }
    assert.equal(result.endpoint, new URL(emulator.api).host);
    // The report panel (rendered) and its Markdown copy: the verdict, each call's RequestId, never the plaintext.
    const html = result.html!;
    assert.match(html, /<h2 id="verdict" class="passed">Test Encrypt: PASSED/);
    assert.ok(html.includes(result.calls[0].requestId!) && result.report!.includes(result.calls[1].requestId!));
    for (const shown of [html, result.report!]) {
      assert.ok(!shown.includes(secretText), 'the plaintext is in the report');
      assert.match(shown, /keys purpose, app/);
    }
    assert.match(html, /data-kind="button" data-index="\d+">Run Again<[\s\S]*>Open as Markdown</);
  });

  it('permission missing, then granted: fails with "role R lacks kms:Encrypt on key K" and Grant KMS Access, then passes', async () => {
    await setRole('EcsNoPermissionRole');
    const denied = await testEncrypt(SAMPLE, KEY);
    assert.equal(denied.result.ok, false);
    assert.equal(denied.result.explanation?.code, 'Forbidden.NoPermission');
    assert.equal(denied.result.explanation?.summary, `Role EcsNoPermissionRole lacks kms:Encrypt on key ${KEY.keyId}.`);
    assert.equal(denied.result.explanation?.remedy, 'grantKmsAccess');
    assert.ok(denied.result.offered.includes('Grant KMS Access'), JSON.stringify(denied.result.offered));
    // The same fix is a button of the report panel, whose verdict is the failure.
    assert.match(denied.result.html!, /<h2 id="verdict" class="failed">Test Encrypt: FAILED at Encrypt/);
    assert.match(denied.result.html!, /data-kind="button" data-index="0">Grant KMS Access</);
    const shown = denied.prompter.messages('warning').find((m) => m.choices.includes('Grant KMS Access'));
    assert.ok(shown && /lacks kms:Encrypt/.test(shown.text));

    // What Grant KMS Access does, through the management profile's real RAM API.
    const services = (await api.session.getServices())!;
    await services.ram.attachPolicyToRole({ roleName: 'EcsNoPermissionRole', policyName: 'AliyunKMSCryptoUserAccess', policyType: 'System' });
    try {
      const granted = await testEncrypt(SAMPLE, KEY);
      assert.equal(granted.result.ok, true, JSON.stringify(granted.result.explanation));
    } finally {
      await services.ram.detachPolicyFromRole({ roleName: 'EcsNoPermissionRole', policyName: 'AliyunKMSCryptoUserAccess', policyType: 'System' });
    }
  });

  it('the Grant KMS Access button runs the workflow command on this role and key, after which Test Encrypt passes', async () => {
    await setRole('EcsNoPermissionRole');
    const denied = await testEncrypt(SAMPLE, KEY);
    const grant = denied.result.actions?.find((a) => a.label === 'Grant KMS Access');
    assert.ok(grant?.command, JSON.stringify(denied.result.actions));
    assert.deepEqual(grant.args, [{ kind: 'role', roleName: 'EcsNoPermissionRole', key: { keyId: KEY.keyId, regionId: 'cn-hangzhou' } }]);
    const services = (await api.session.getServices())!;
    try {
      // What the user answers in Grant KMS Access: the system policy for cryptographic use, then Grant.
      const { prompter } = await runWith(api, grant.command, ['AliyunKMSCryptoUserAccess', 'Grant'], ...grant.args!);
      assert.equal(prompter.remaining, 0, JSON.stringify(prompter.asked));
      assert.ok(!prompter.asked.some((a) => /which RAM role/i.test(a.text)), 'the role was asked for although the button named it');
      const granted = await testEncrypt(SAMPLE, KEY);
      assert.equal(granted.result.ok, true, JSON.stringify(granted.result.explanation));
    } finally {
      await services.ram.detachPolicyFromRole({ roleName: 'EcsNoPermissionRole', policyName: 'AliyunKMSCryptoUserAccess', policyType: 'System' }).catch(() => undefined);
    }
  });

  it('a disabled key and a key pending deletion are named as such', async () => {
    const disabled = await testEncrypt(SAMPLE, { kind: 'key', keyId: 'key-hzzdemo0000000000002', regionId: 'cn-hangzhou' });
    assert.equal(disabled.result.ok, false);
    assert.equal(disabled.result.explanation?.summary, 'Key key-hzzdemo0000000000002 is disabled.');
    assert.match(disabled.result.explanation!.fix, /Enable the key/);
    const pending = await testEncrypt(SAMPLE, { kind: 'key', keyId: 'key-hzzdemo0000000000003', regionId: 'cn-hangzhou' });
    assert.match(pending.result.explanation!.summary, /pending deletion/);
  });

  it('a key typed in the wrong region is explained, and the default key setting is offered', async () => {
    await vscode.workspace.getConfiguration('alicloudKms').update('defaultKey', 'alias/demo-app', vscode.ConfigurationTarget.Global);
    // alias/demo-sh names a key in cn-shanghai; this instance is in cn-hangzhou.
    const wrong = await testEncrypt(['Enter a key id', 'alias/demo-sh', ...SAMPLE]);
    assert.ok(wrong.prompter.asked[0].choices.some((c) => c.includes('alias/demo-app')), 'default key offered');
    assert.ok(wrong.prompter.asked[0].choices.includes(KEY.keyId), 'keys listed by the management profile');
    assert.equal(wrong.result.explanation?.summary, 'The key alias/demo-sh was not found in region cn-hangzhou.');
    assert.match(wrong.result.explanation!.fix, /another region/);
    const viaDefault = await testEncrypt(['alias/demo-app', ...SAMPLE]);
    assert.equal(viaDefault.result.ok, true, JSON.stringify(viaDefault.result.explanation));
    assert.equal(viaDefault.result.calls[0].keyId, KEY.keyId);
  });

  it('clock skew of 20 minutes is explained as clock skew', async () => {
    emulator.faults.clockSkewMs = 20 * 60 * 1000;
    const { result } = await testEncrypt(SAMPLE, KEY);
    assert.equal(result.ok, false);
    assert.equal(result.explanation?.code, 'InvalidTimeStamp.Expired');
    assert.match(result.explanation!.summary, /clock/);
    assert.equal(result.explanation?.remedy, 'checkClock');
  });

  it('Test Encrypt as Profile uses the management profile', async () => {
    await setRole(undefined);
    const { result } = await runWith<EncryptTestOutcome>(api, 'alicloudKms.testEncryptAsProfile', SAMPLE, KEY);
    assert.equal(result.ok, true, JSON.stringify(result.explanation));
    assert.equal(result.mode, 'profile');
    assert.equal(result.principal, 'instance-tests-admin');
  });

  it('Test Secret Read: version and stages, the value masked and never returned; refused for a role without access', async () => {
    await setRole('EcsSecretsReaderRole');
    const secret: NodeRef = { kind: 'secret', secretName: 'demo/db-password', regionId: 'cn-hangzhou' };
    const ok = await runWith<SecretReadOutcome>(api, 'alicloudKms.testSecretRead', [], secret);
    assert.equal(ok.result.ok, true, JSON.stringify(ok.result.explanation));
    assert.ok(ok.result.versionId);
    assert.ok(ok.result.versionStages?.includes('ACSCurrent'));
    assert.ok(!JSON.stringify(ok.result).includes('demo-db-password-not-real'));
    for (const shown of [ok.result.html!, ok.result.report!]) {
      assert.ok(shown.includes(ok.result.requestId!), 'the RequestId is in the report');
      assert.ok(!shown.includes('demo-db-password-not-real'), 'the secret value is in the report');
    }
    assert.match(ok.result.html!, />Reveal Value</);
    assert.ok(ok.prompter.messages('information').some((m) => m.choices.includes('Reveal Value')));

    await setRole('EcsKmsAccessRole');
    const refused = await runWith<SecretReadOutcome>(api, 'alicloudKms.testSecretRead', [], secret);
    assert.equal(refused.result.ok, false);
    assert.equal(refused.result.explanation?.summary, 'Role EcsKmsAccessRole lacks kms:GetSecretValue on secret demo/db-password.');
  });

  it('non-ASCII text round-trips through the real SDK and the emulator (sent as Base64: test/unit/kms-roundtrip-base64)', async () => {
    const text = `密钥测试 ✓ naïve 🔐 ${Date.now()}`;
    const { result } = await testEncrypt(['Type my own text', text, ''], KEY);
    assert.equal(result.ok, true, JSON.stringify(result.explanation));
    assert.deepEqual(result.calls.map((c) => [c.api, c.ok]), [['Encrypt', true], ['Decrypt', true]]);
  });

  it('Diagnose, healthy: every line passes', async () => {
    const report = await diagnose();
    assert.deepEqual(verdicts(report), {
      metadata: 'passed', token: 'passed', role: 'passed', credential: 'passed', clock: 'passed', dns: 'passed', tcp: 'passed',
      encrypt: 'passed', trust: 'passed', policies: 'passed', vpc: 'passed',
    }, JSON.stringify(report.lines, null, 1));
    const token = report.lines.find((l) => l.id === 'token')!;
    assert.match(token.evidence.map((e) => e.template).join(' '), /Token-less requests are refused/);
    const { html } = report as DiagnosisReport & { html: string };
    assert.match(html, /11 passed, 0 failed, 0 skipped/);
    assert.match(html, /Encrypt permitted on the key/);
    assert.ok(!/data-kind="fix"/.test(html), 'no fix button when everything passes');
  });

  it('Diagnose, broken: a role ECS may not assume and without KMS policies', async () => {
    await setRole('FcInvokeRole');
    const report = await diagnose();
    assert.deepEqual(verdicts(report), {
      metadata: 'passed', token: 'passed', role: 'passed', credential: 'passed', clock: 'passed', dns: 'passed', tcp: 'passed',
      encrypt: 'failed', trust: 'failed', policies: 'failed', vpc: 'passed',
    }, JSON.stringify(report.lines, null, 1));
    const encrypt = report.lines.find((l) => l.id === 'encrypt')!;
    assert.equal(encrypt.action?.command, 'alicloudKms.grantKmsAccess');
    // The role's NodeRef (with the key preselected) for Grant KMS Access.
    assert.deepEqual(encrypt.action?.args, [{ kind: 'role', roleName: 'FcInvokeRole', key: { keyId: KEY.keyId, regionId: 'cn-hangzhou' } }]);
    assert.equal(report.lines.find((l) => l.id === 'trust')?.action?.command, 'alicloudKms.addEcsTrust');
  });

  it('Diagnose, broken: no role attached, and KMS unreachable', async () => {
    await setRole(undefined);
    await pointSettingsAt(await closedPort(), emulator.metadata);
    const report = await diagnose();
    assert.deepEqual(verdicts(report), {
      metadata: 'passed', token: 'passed', role: 'failed', credential: 'skipped', clock: 'skipped', dns: 'passed', tcp: 'failed',
      encrypt: 'skipped', trust: 'skipped', policies: 'skipped', vpc: 'failed',
    }, JSON.stringify(report.lines, null, 1));
    assert.equal(report.lines.find((l) => l.id === 'role')?.action?.command, 'alicloudKms.attachRole');
  });

  it('Diagnose, not on ECS: the metadata line fails and what depends on it is skipped', async () => {
    await pointSettingsAt(emulator.api, await closedPort());
    await runWith(api, 'alicloudKms.refreshInstanceCredential', []);
    const report = await diagnose();
    assert.deepEqual(verdicts(report), {
      metadata: 'failed', token: 'skipped', role: 'skipped', credential: 'skipped', clock: 'passed', dns: 'passed', tcp: 'passed',
      encrypt: 'skipped', trust: 'skipped', policies: 'skipped', vpc: 'skipped',
    }, JSON.stringify(report.lines, null, 1));
  });
});
