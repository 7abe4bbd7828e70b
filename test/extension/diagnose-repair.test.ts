// Issue 15: Diagnose repairs what it finds. A broken setup (the instance's role is one ECS cannot assume,
// it has no KMS permission, the key is disabled) is diagnosed; each failed line's own fix button (the
// command and NodeRef the report carries) is run, as a click in the panel does, and Diagnose runs again,
// until every line passes; then Test Encrypt with the instance credential succeeds. The state after each
// fix is read from the emulator, not from the extension.
import * as assert from 'node:assert/strict';
import type { Emulator } from '../emulator';
import type { DiagnoseOutcome } from '../../src/commands/diagnose';
import type { EncryptTestOutcome } from '../../src/commands/testEncrypt';
import type { ExtensionApi } from '../../src/extensionApi';
import type { NodeRef } from '../../src/views/common/nodeRef';
import { THIS_INSTANCE, extensionApi, pointSettingsAt, resetSettings, runWith, startMachine, useAdminProfile } from './support/instanceHarness';

const KEY = { kind: 'key', keyId: 'key-hzzdemo0000000000001', regionId: 'cn-hangzhou' } as const satisfies NodeRef;
const ROLE = 'FcInvokeRole';

/** What each fix asks, answered as a user who accepts the proposed change. */
const ANSWERS: Record<string, (string | undefined)[]> = {
  'alicloudKms.addEcsTrust': ['Update'],
  'alicloudKms.grantKmsAccess': ['AliyunKMSCryptoUserAccess', 'Grant'],
  'alicloudKms.enableKey': ['Enable'],
};

describe('Diagnose repairs a broken setup, fix by fix (issue 15)', function () {
  this.timeout(180_000);
  let api: ExtensionApi;
  let emulator: Emulator;
  let forget: () => Promise<void>;
  const diagnose = () => runWith<DiagnoseOutcome>(api, 'alicloudKms.diagnose', [], KEY).then((r) => r.result);
  const failed = (report: DiagnoseOutcome) => report.lines.filter((l) => l.status === 'failed');

  before(async () => {
    api = await extensionApi();
    emulator = await startMachine({ metadataMode: 'token-required' });
    forget = await useAdminProfile(api, emulator);
    await pointSettingsAt(emulator.api, emulator.metadata);
    emulator.account.instances.get(THIS_INSTANCE)!.ramRole = ROLE;
    emulator.account.keys.get(KEY.keyId)!.state = 'Disabled';
    await runWith(api, 'alicloudKms.refreshInstanceCredential', []);
  });
  after(async () => {
    await forget();
    await resetSettings();
    await emulator.close();
  });

  it('every failed line carries its fix; running them in turn ends with every check passing and Test Encrypt working', async () => {
    let report = await diagnose();
    assert.deepEqual(failed(report).map((l) => [l.id, l.action?.command]), [
      ['encrypt', 'alicloudKms.grantKmsAccess'], ['trust', 'alicloudKms.addEcsTrust'], ['policies', 'alicloudKms.grantKmsAccess'],
    ], JSON.stringify(report.lines, null, 1));
    assert.equal((report.html.match(/data-kind="fix"/g) ?? []).length, 3, 'a fix button on each failed line');
    assert.match(report.html, /Re-run Diagnose/);

    const ran: string[] = [];
    for (let round = 0; failed(report).length > 0 && round < 6; round++) {
      const line = failed(report).find((l) => l.action);
      assert.ok(line, `a failed line without a fix: ${JSON.stringify(failed(report))}`);
      const { command, args = [] } = line.action!;
      const { prompter } = await runWith(api, command, ANSWERS[command] ?? [], ...args);
      assert.equal(prompter.remaining, 0, `${command} asked less than expected: ${JSON.stringify(prompter.asked)}`);
      ran.push(`${line.id}:${command}`);
      await runWith(api, 'alicloudKms.refreshInstanceCredential', []);
      report = await diagnose();
    }
    // After the grant, Encrypt is refused for the disabled key: its line then carries Enable Key.
    assert.deepEqual(ran, ['encrypt:alicloudKms.grantKmsAccess', 'encrypt:alicloudKms.enableKey', 'trust:alicloudKms.addEcsTrust']);
    assert.deepEqual(failed(report), [], JSON.stringify(report.lines, null, 1));
    assert.match(report.html, /11 passed, 0 failed, 0 skipped/);

    // Read back from the emulator: ECS trusted, the system policy attached, the key enabled.
    const role = emulator.account.roles.get(ROLE.toLowerCase())!;
    assert.match(role.trustPolicy, /ecs\.aliyuncs\.com/);
    assert.ok(role.policies.some((p) => p.name === 'AliyunKMSCryptoUserAccess'), JSON.stringify(role.policies));
    assert.equal(emulator.account.keys.get(KEY.keyId)!.state, 'Enabled');

    const { result } = await runWith<EncryptTestOutcome>(api, 'alicloudKms.testEncrypt', ['Use a sample text', ''], KEY);
    assert.equal(result.ok, true, JSON.stringify(result));
  });
});
