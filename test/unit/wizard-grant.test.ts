// Grant KMS Access, step by step with scripted answers (src/commands/wizard/grantSteps.ts): the services
// are fakes of our own interfaces that record the calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudServices, RamPolicy } from '../../src/cloud/types';
import { UserCancelledError } from '../../src/commands/cancelled';
import {
  accessStep, confirmGrantStep, GRANT_PROMPTS, grantExecuteStep, grantRoleStep, keyRegionStep, planGrantStep, resourcesStep, type GrantContext,
} from '../../src/commands/wizard/grantSteps';
import { NO_PROGRESS, Wizard } from '../../src/commands/wizard/wizard';
import { fakeHost, testWizardContext, type Answer } from './support/fakePrompter';

const FULL_ACCESS_DOC = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] });

/** A fake account: roles, the policies attached to each, keys (with aliases) and secrets of cn-hangzhou. */
function services(attached: Record<string, RamPolicy[]> = {}) {
  const calls: string[] = [];
  async function* each<T>(items: T[]) { yield* items; }
  const fake = {
    regionId: 'cn-hangzhou',
    ram: {
      listRoles: () => { calls.push('ListRoles'); return each([{ roleName: 'AppRole' }, { roleName: 'OtherRole' }]); },
      listPoliciesForRole: async (role: string) => { calls.push('ListPoliciesForRole'); return attached[role] ?? []; },
      getPolicyVersion: async () => { calls.push('GetPolicyVersion'); return FULL_ACCESS_DOC; },
      createPolicy: async (p: { policyName: string }) => { calls.push(`CreatePolicy ${p.policyName}`); },
      attachPolicyToRole: async (p: { roleName: string; policyName: string }) => { calls.push(`AttachPolicyToRole ${p.policyName} ${p.roleName}`); },
    },
    ecs: { describeRegions: async () => { calls.push('DescribeRegions'); return [{ regionId: 'cn-hangzhou', localName: 'Hangzhou' }, { regionId: 'cn-beijing', localName: 'Beijing' }]; } },
    sts: { getCallerIdentity: async () => { calls.push('GetCallerIdentity'); return { accountId: '1234567890' }; } },
    kms: (regionId: string) => ({
      listAliases: () => { calls.push(`ListAliases ${regionId}`); return each([{ aliasName: 'alias/app', keyId: 'key-hzz62f1cb66fa42qo' }]); },
      listKeys: () => { calls.push(`ListKeys ${regionId}`); return each([{ keyId: 'key-hzz62f1cb66fa42qo' }, { keyId: 'key-hzz9b7c0d1e2f3a4db' }]); },
      listSecrets: () => { calls.push(`ListSecrets ${regionId}`); return each([{ secretName: 'db-password', secretType: 'Generic' }]); },
      describeSecret: async (name: string) => { calls.push(`DescribeSecret ${name}`); return { secretName: name, encryptionKeyId: 'key-hzz9b7c0d1e2f3a4db' }; },
    }),
  };
  return { services: fake as unknown as CloudServices, calls };
}

function context(answers: Answer[], preset: Partial<GrantContext> = {}, s = services(), host = fakeHost()): GrantContext {
  return { ...testWizardContext(answers, host), services: s.services, done: [], ...preset };
}
const asked = (c: GrantContext) => (c.ui as unknown as { asked: { text: string; items?: string[]; back: boolean }[] }).asked;

test('role: picked from ListRoles with the grant title; a role node presets it', async () => {
  const c = context([{ pick: 'AppRole' }]);
  await grantRoleStep.prompt(c);
  assert.equal(c.roleName, 'AppRole');
  assert.match(asked(c)[0].text, /Grant KMS access to which RAM role/);
  assert.equal(grantRoleStep.shouldPrompt(context([], { roleName: 'R' })), false);
});

test('access: system policies first from the palette; least privilege first from a key node', async () => {
  const c = context([{ pick: 'AliyunKMSCryptoUserAccess' }], { roleName: 'AppRole' });
  await accessStep.prompt(c);
  assert.equal(c.access, 'cryptoUser');
  assert.deepEqual(asked(c)[0].items, ['AliyunKMSFullAccess', 'AliyunKMSCryptoUserAccess', 'Least privilege: only the keys and secrets I choose']);
  const fromKey = context([{ pickDefault: true }], { roleName: 'AppRole', preKey: { regionId: 'cn-hangzhou', keyId: 'key-hzz62f1cb66fa42qo' } });
  await accessStep.prompt(fromKey);
  assert.equal(fromKey.access, 'custom', 'the first item is least privilege');
  await assert.rejects(accessStep.prompt(context([{ cancel: true }], { roleName: 'AppRole' })), UserCancelledError);
});

test('region: asked only for least privilege without a region from the node', async () => {
  assert.equal(keyRegionStep.shouldPrompt(context([], { access: 'full' })), false);
  assert.equal(keyRegionStep.shouldPrompt(context([], { access: 'custom', regionId: 'cn-hangzhou' })), false);
  const c = context([{ pick: 'cn-beijing' }], { access: 'custom' });
  assert.equal(keyRegionStep.shouldPrompt(c), true);
  await keyRegionStep.prompt(c);
  assert.equal(c.regionId, 'cn-beijing');
});

test('keys and secrets: keys named by their alias, the node\'s key picked, one list call each; none chosen cancels', async () => {
  const s = services();
  const c = context([{ pickDefault: true }], { access: 'custom', regionId: 'cn-hangzhou', preKey: { regionId: 'cn-hangzhou', keyId: 'key-hzz62f1cb66fa42qo' } }, s);
  await resourcesStep.prompt(c);
  assert.deepEqual(asked(c)[0].items, ['alias/app', 'key-hzz9b7c0d1e2f3a4db', 'db-password']);
  assert.deepEqual([c.keyIds, c.secretNames], [['key-hzz62f1cb66fa42qo'], []]);
  assert.deepEqual(s.calls, ['ListAliases cn-hangzhou', 'ListKeys cn-hangzhou', 'ListSecrets cn-hangzhou']);
  await assert.rejects(resourcesStep.prompt(context([{ pick: [] }], { access: 'custom', regionId: 'cn-hangzhou' })), UserCancelledError);
  assert.equal(resourcesStep.shouldPrompt(context([], { access: 'full' })), false);
});

test('plan: a role that has the system policy attached is left alone (no review, no execute)', async () => {
  const s = services({ AppRole: [{ policyName: 'AliyunKMSFullAccess', policyType: 'System', defaultVersion: 'v1' } as RamPolicy] });
  const c = context([], { roleName: 'AppRole', access: 'full' }, s);
  await planGrantStep.prompt(c);
  assert.deepEqual(c.plan, { already: true, because: 'attached', policyName: 'AliyunKMSFullAccess' });
  assert.equal(c.attachedNames, 'AliyunKMSFullAccess');
  assert.equal(confirmGrantStep.shouldPrompt(c), false);
  assert.equal(grantExecuteStep.shouldExecute!(c), false);
});

test('plan and review: least privilege on a secret adds Decrypt on its encryption key; the policy is shown and the CLI confirmed', async () => {
  const host = fakeHost();
  const c = context([], { roleName: 'AppRole', access: 'custom', regionId: 'cn-hangzhou', keyIds: ['key-hzz62f1cb66fa42qo'], secretNames: ['db-password'] }, services(), host);
  await planGrantStep.prompt(c);
  assert.equal(c.plan?.already, false);
  await confirmGrantStep.prompt(c);
  assert.match(host.documents[0].name, /^KmsAccess-AppRole-[0-9a-f]{8}\.ram-policy\.json$/);
  const document = JSON.parse(host.documents[0].text);
  const resources = document.Statement.flatMap((st: { Resource: string[] }) => st.Resource);
  assert.ok(resources.includes('acs:kms:cn-hangzhou:1234567890:key/key-hzz62f1cb66fa42qo'), JSON.stringify(resources));
  assert.ok(resources.includes('acs:kms:cn-hangzhou:1234567890:key/key-hzz9b7c0d1e2f3a4db'), 'Decrypt on the secret\'s encryption key');
  assert.ok(resources.includes('acs:kms:cn-hangzhou:1234567890:secret/db-password'));
  assert.match(host.confirmed[0], /^Create the policy KmsAccess-AppRole-\w+ shown in the editor and attach it to AppRole\?\naliyun ram CreatePolicy .*\naliyun ram AttachPolicyToRole /);
});

test('the wizard: Back from the keys returns to the access choice; declining changes nothing; accepting creates and attaches', async () => {
  const declinedServices = services();
  const declined = context([{ pick: 'AppRole' }, { pick: 'Least privilege: only the keys and secrets I choose' }, { pick: 'cn-hangzhou' }, { back: true }, { back: true },
    { pick: 'AliyunKMSFullAccess' }], {}, declinedServices, fakeHost({ decline: true }));
  await assert.rejects(new Wizard(declined, GRANT_PROMPTS, [grantExecuteStep]).prompt(), UserCancelledError);
  assert.equal(declined.access, 'full');
  assert.equal(declined.regionId, undefined, 'the region answer was dropped with Back');
  assert.ok(asked(declined)[2].back, 'steps after the first offer Back');
  assert.ok(!declinedServices.calls.some((call) => /^(CreatePolicy|AttachPolicyToRole)/.test(call)), declinedServices.calls.join());

  const s = services();
  const accepted = context([{ pick: 'AliyunKMSFullAccess' }], { roleName: 'AppRole' }, s);
  const wizard = new Wizard(accepted, GRANT_PROMPTS, [grantExecuteStep]);
  await wizard.prompt();
  await wizard.execute(NO_PROGRESS);
  assert.deepEqual(s.calls.filter((call) => /^(CreatePolicy|AttachPolicyToRole)/.test(call)), ['AttachPolicyToRole AliyunKMSFullAccess AppRole']);
  assert.deepEqual(accepted.done.map((d) => d.outcome), ['done']);
});
