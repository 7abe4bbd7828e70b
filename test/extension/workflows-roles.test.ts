// The heart of the product, end to end in the real extension against the emulator, every question
// answered by a script: create a role -> attach it to three instances (one classic, one with another
// role: replaced) -> the instance credential cannot Encrypt -> grant least privilege from the key node
// -> it can -> the other two grant choices -> detach. Later steps build on earlier ones (one account).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { connectToEmulator, type EmulatorSession } from './support/emulatorSession';
import { DEFAULT, runScripted } from './support/scriptedPrompter';
import { encryptAsInstance, instanceNodes, keyNode, readSecretAsInstance, roleNode, secretNode } from './support/workflowTrees';

const HZ = 'cn-hangzhou';
const WEB1 = 'i-bp1demo0000000000001'; // has EcsKmsAccessRole
const WEB2 = 'i-bp1demo0000000000002'; // no role
const CLASSIC = 'i-bp1demo0000000000004'; // classic network
const KEY = 'key-hzzdemo0000000000001';
const ROLE = 'WorkflowTestRole';

/** The text of the "Show CLI Command" document once it contains `expected` (it updates asynchronously). */
async function cliText(expected: RegExp): Promise<string> {
  let text = '';
  for (let i = 0; i < 40; i++) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('aliyun-cli.sh'));
    text = doc?.getText() ?? '';
    if (expected.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return text;
}

describe('role workflows (emulator, scripted answers)', function () {
  this.timeout(60_000);
  let s: EmulatorSession;
  const account = () => s.emulator.account;
  const roleOf = (id: string) => account().instances.get(id)!.ramRole;
  const policiesOf = (role: string) => account().roles.get(role.toLowerCase())!.policies.map((p) => `${p.type}:${p.name}`);

  before(async () => {
    s = await connectToEmulator({ scenario: 'demo' });
    await vscode.workspace.getConfiguration('alicloudKms').update('regions', [HZ, 'cn-shanghai'], vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s?.dispose();
  });

  it('createRole: checks the name (rule, existing role), shows the trust policy and the CLI, creates the ECS-trusted role', async () => {
    const p = await runScripted(s.api, [
      { input: 'bad name!', rejects: /letters, digits, periods/ },
      { input: 'EcsKmsAccessRole' }, // exists in the demo account: caught before CreateRole, asked again
      { input: ROLE, expect: /already exists/ },
      { input: DEFAULT },
      { pickDefault: true, expect: /trusted services/ },
      { input: '60', rejects: /3600/ },
      { input: '7200' },
      { button: 'Show CLI Command', expect: new RegExp(`Create the RAM role ${ROLE}`) },
      { button: 'Create Role' },
    ], 'alicloudKms.createRole');
    p.assertDone();
    const role = account().roles.get(ROLE.toLowerCase());
    assert.ok(role, 'the role was not created');
    assert.deepEqual(JSON.parse(role.trustPolicy), {
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['ecs.aliyuncs.com'] } }], Version: '1',
    });
    assert.equal(role.maxSessionDuration, 7200);
    assert.equal(s.emulator.calls.byAction.CreateRole, 1);
    assert.ok(p.notifications.some((n) => n.includes('Next step')), JSON.stringify(p.notifications));
    assert.match(await cliText(/CreateRole/), new RegExp(`aliyun ram CreateRole --RoleName ${ROLE} --AssumeRolePolicyDocument '\\{"Statement"`));
  });

  it('attachRole on three instance nodes: the classic one is skipped, the one with another role is replaced', async () => {
    const nodes = await instanceNodes(s.api, HZ);
    const selection = [WEB2, CLASSIC, WEB1].map((id) => nodes.get(id)!);
    assert.equal(roleOf(WEB1), 'EcsKmsAccessRole');
    const p = await runScripted(s.api, [
      { pick: ROLE, expect: /RAM role to attach/ },
      { button: 'Replace', expect: /already have another RAM role \(i-bp1demo0000000000001: EcsKmsAccessRole\)/ },
      { button: 'Replace and Attach', expect: new RegExp(`Attach the RAM role ${ROLE} to 2 instance\\(s\\), replacing the role of 1`) },
    ], 'alicloudKms.attachRole', selection[0], selection);
    p.assertDone();
    assert.equal(roleOf(WEB2), ROLE);
    assert.equal(roleOf(WEB1), ROLE);
    assert.equal(roleOf(CLASSIC), '');
    assert.ok(p.notifications.some((n) => /2 succeeded, 0 failed, 1 skipped/.test(n) && /Classic-network/.test(n)), JSON.stringify(p.notifications));
  });

  it('before any grant, the credential the metadata service serves for the role cannot Encrypt', async () => {
    assert.match(await encryptAsInstance(s.api, s.emulator, WEB2, HZ, KEY), /^Forbidden/);
  });

  it('grantKmsAccess from the key node: least-privilege custom policy, reviewed, created and attached; now Encrypt works', async () => {
    const key = await keyNode(s.api, HZ, KEY);
    const p = await runScripted(s.api, [
      { pick: ROLE, expect: /Grant KMS access to which RAM role/ },
      { pick: 'Least privilege: only the keys and secrets I choose' },
      { pickDefault: true, expect: /Keys and secrets in cn-hangzhou/ },
      { button: 'Grant', expect: /Create the policy KmsAccess-WorkflowTestRole-[0-9a-f]{8} shown in the editor/ },
    ], 'alicloudKms.grantKmsAccess', key);
    p.assertDone();
    const custom = policiesOf(ROLE).find((name) => name.startsWith('Custom:KmsAccess-'));
    assert.ok(custom, `no custom policy attached: ${policiesOf(ROLE)}`);
    const policy = account().policies.get(custom.slice('Custom:'.length))!;
    const document = JSON.parse(policy.versions[0].document);
    assert.deepEqual(document.Statement, [{
      Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: [`acs:kms:${HZ}:${s.emulator.accountId}:key/${KEY}`],
    }]);
    const review = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('.ram-policy.json'));
    assert.ok(review, 'the generated policy was not opened for review');
    assert.equal(await encryptAsInstance(s.api, s.emulator, WEB2, HZ, KEY), 'ok');
  });

  it('grantKmsAccess asked again for the same keys changes nothing', async () => {
    const before = policiesOf(ROLE);
    const calls = s.emulator.calls.byAction.CreatePolicy ?? 0;
    const p = await runScripted(s.api, [
      { pick: ROLE },
      { pick: 'Least privilege: only the keys and secrets I choose' },
      { pickDefault: true },
    ], 'alicloudKms.grantKmsAccess', await keyNode(s.api, HZ, KEY));
    p.assertDone();
    assert.deepEqual(policiesOf(ROLE), before);
    assert.equal(s.emulator.calls.byAction.CreatePolicy ?? 0, calls);
    assert.ok(p.notifications.some((n) => /already allow this access: nothing changed/.test(n)), JSON.stringify(p.notifications));
  });

  it('grantKmsAccess from the role node: AliyunKMSFullAccess is attached; AliyunKMSCryptoUserAccess is then already covered', async () => {
    let p = await runScripted(s.api, [
      { pick: 'AliyunKMSFullAccess' },
      { button: 'Grant', expect: /Attach the system policy AliyunKMSFullAccess to WorkflowTestRole/ },
    ], 'alicloudKms.grantKmsAccess', await roleNode(s.api, ROLE));
    p.assertDone();
    assert.ok(policiesOf(ROLE).includes('System:AliyunKMSFullAccess'), String(policiesOf(ROLE)));
    const attachCalls = s.emulator.calls.byAction.AttachPolicyToRole;
    p = await runScripted(s.api, [{ pick: 'AliyunKMSCryptoUserAccess' }], 'alicloudKms.grantKmsAccess', await roleNode(s.api, ROLE));
    p.assertDone();
    assert.equal(s.emulator.calls.byAction.AttachPolicyToRole, attachCalls);
    assert.ok(!policiesOf(ROLE).includes('System:AliyunKMSCryptoUserAccess'));
    assert.ok(p.notifications.some((n) => /already allow this access/.test(n)), JSON.stringify(p.notifications));
  });

  it('grantKmsAccess from the palette: AliyunKMSCryptoUserAccess on a role without policies', async () => {
    const p = await runScripted(s.api, [
      { pick: 'EcsNoPermissionRole' },
      { pick: 'AliyunKMSCryptoUserAccess' },
      { button: 'Show CLI Command' },
      { button: 'Grant' },
    ], 'alicloudKms.grantKmsAccess');
    p.assertDone();
    assert.deepEqual(policiesOf('EcsNoPermissionRole'), ['System:AliyunKMSCryptoUserAccess']);
    // The CLI document was shown before (create role): it updates in place, asynchronously.
    assert.match(await cliText(/AttachPolicyToRole/), /aliyun ram AttachPolicyToRole --PolicyType System --PolicyName AliyunKMSCryptoUserAccess --RoleName EcsNoPermissionRole/);
  });

  it('detachRole on the two instance nodes: both lose the role, the metadata service then serves no credential', async () => {
    const nodes = await instanceNodes(s.api, HZ);
    const selection = [WEB1, WEB2].map((id) => nodes.get(id)!);
    const p = await runScripted(s.api, [
      { button: 'Detach', expect: /Detach the RAM role from 2 instance/ },
    ], 'alicloudKms.detachRole', selection[0], selection);
    p.assertDone();
    assert.equal(roleOf(WEB1), '');
    assert.equal(roleOf(WEB2), '');
    assert.ok(p.notifications.some((n) => /2 succeeded, 0 failed, 0 skipped/.test(n)), JSON.stringify(p.notifications));
    s.emulator.thisInstanceId = WEB2;
    s.api.factory.metadata.reset();
    assert.equal(await s.api.factory.metadata.getRoleName(), undefined);
  });

  it('a dismissed confirmation changes nothing', async () => {
    const nodes = await instanceNodes(s.api, HZ);
    const calls = s.emulator.calls.byAction.AttachInstanceRamRole;
    const p = await runScripted(s.api, [
      { pick: ROLE },
      { button: undefined, expect: /Attach the RAM role/ },
    ], 'alicloudKms.attachRole', nodes.get(WEB2));
    p.assertDone();
    assert.equal(s.emulator.calls.byAction.AttachInstanceRamRole, calls);
    assert.equal(roleOf(WEB2), '');
  });

  it('grantKmsAccess from a secret node: kms:GetSecretValue on that secret only, as the instance credential proves', async () => {
    let p = await runScripted(s.api, [
      { pick: 'EcsNoPermissionRole' },
      { pick: 'Least privilege: only the keys and secrets I choose', expect: /Grant KMS Access to EcsNoPermissionRole/ },
      { pickDefault: true },
      { button: 'Grant' },
    ], 'alicloudKms.grantKmsAccess', await secretNode(s.api, HZ, 'demo/db-password'));
    p.assertDone();
    const custom = policiesOf('EcsNoPermissionRole').find((name) => name.startsWith('Custom:'))!;
    const document = JSON.parse(account().policies.get(custom.slice('Custom:'.length))!.versions[0].document);
    assert.deepEqual(document.Statement, [{ Effect: 'Allow', Action: ['kms:GetSecretValue'], Resource: [`acs:kms:${HZ}:${s.emulator.accountId}:secret/demo/db-password`] }]);
    p = await runScripted(s.api, [{ pick: 'EcsNoPermissionRole' }, { button: 'Attach' }], 'alicloudKms.attachRole', (await instanceNodes(s.api, HZ)).get(WEB2));
    p.assertDone();
    assert.equal(await readSecretAsInstance(s.api, s.emulator, WEB2, HZ, 'demo/db-password'), 'ok');
    assert.match(await readSecretAsInstance(s.api, s.emulator, WEB2, HZ, 'demo/api-token'), /^Forbidden/);
  });
});
