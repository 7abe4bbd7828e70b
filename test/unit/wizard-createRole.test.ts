// Create Instance RAM Role, step by step with scripted answers (src/commands/wizard/createRoleSteps.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudError, type CloudServices, type CreateRoleInput, type RamRole } from '../../src/cloud/types';
import { UserCancelledError } from '../../src/commands/cancelled';
import {
  CREATE_ROLE_PROMPTS, confirmCreateRoleStep, createRoleExecuteStep, descriptionStep, maxSessionStep, roleNameStep, trustedServicesStep,
  type CreateRoleContext,
} from '../../src/commands/wizard/createRoleSteps';
import { NO_PROGRESS, Wizard } from '../../src/commands/wizard/wizard';
import { fakeHost, testWizardContext, type Answer } from './support/fakePrompter';

/** A RAM service with the given existing roles; records CreateRole. */
function ram(existing: string[], created: CreateRoleInput[] = []): Pick<CloudServices, 'ram'> {
  return {
    ram: {
      async getRole(name: string) {
        if (existing.some((e) => e.toLowerCase() === name.toLowerCase())) return { roleName: name } as RamRole;
        throw new CloudError({ code: 'EntityNotExist.Role', message: 'no such role' });
      },
      async createRole(input: CreateRoleInput) {
        created.push(input);
        return { roleName: input.roleName, roleId: '1', arn: `acs:ram::1:role/${input.roleName.toLowerCase()}` };
      },
    } as unknown as CloudServices['ram'],
  };
}

function context(answers: Answer[], services = ram([]), host = fakeHost()): CreateRoleContext {
  return { ...testWizardContext(answers, host), services };
}
const prompterOf = (c: CreateRoleContext) => c.ui as unknown as { asked: { text: string; validation?: string }[]; assertDone(): void };

test('name: a name RAM refuses is refused in the box; a taken name asks again with the reason', async () => {
  const c = context([{ input: 'bad name!' }, { input: 'Taken' }, { input: 'Fresh' }], ram(['taken']));
  // The first answer is refused by validation: the fake returns undefined, i.e. the box would stay open.
  await assert.rejects(roleNameStep.prompt(c), UserCancelledError);
  assert.match(prompterOf(c).asked[0].validation ?? '', /letters|characters/);
  await roleNameStep.prompt(c);
  assert.equal(c.roleName, 'Fresh');
  assert.match(prompterOf(c).asked[2].text, /already exists/);
  assert.equal(roleNameStep.shouldPrompt(c), false);
});

test('description, trusted services (ECS preselected) and session duration store their answers', async () => {
  const c = context([{ input: 'my role' }, { pickDefault: true }, { input: '7200' }]);
  await descriptionStep.prompt(c);
  await trustedServicesStep.prompt(c);
  await maxSessionStep.prompt(c);
  assert.deepEqual([c.description, c.trustedServices, c.maxSessionDuration], ['my role', ['ecs.aliyuncs.com'], 7200]);
  const bad = context([{ input: '60' }]);
  await assert.rejects(maxSessionStep.prompt(bad), UserCancelledError);
  assert.match(prompterOf(bad).asked[0].validation ?? '', /3600/);
});

test('review: the trust policy is shown and the CLI equivalent confirmed; ECS missing is a warning', async () => {
  const host = fakeHost();
  const c: CreateRoleContext = { ...context([], ram([]), host), roleName: 'R', description: '', trustedServices: ['fc.aliyuncs.com'], maxSessionDuration: 3600 };
  await confirmCreateRoleStep.prompt(c);
  assert.equal(host.documents[0].name, 'R.trust-policy.json');
  assert.match(host.documents[0].text, /fc\.aliyuncs\.com/);
  assert.match(host.confirmed[0], /aliyun ram CreateRole --RoleName R/);
});

test('the wizard: Back from the review is not offered (a dialog), Back from a box returns; declining creates nothing', async () => {
  const created: CreateRoleInput[] = [];
  const declined = context([{ input: 'AppRole' }, { input: 'd' }, { back: true }, { input: 'd2' }, { pickDefault: true }, { input: '3600' }], ram([], created), fakeHost({ decline: true }));
  const wizard = new Wizard(declined, CREATE_ROLE_PROMPTS, [createRoleExecuteStep]);
  await assert.rejects(wizard.prompt(), UserCancelledError);
  assert.equal(declined.description, 'd2');
  assert.equal(created.length, 0, 'declined at the review: CreateRole never called');

  const accepted = context([{ input: 'AppRole' }, { input: 'd' }, { pickDefault: true }, { input: '3600' }], ram([], created));
  const run = new Wizard(accepted, CREATE_ROLE_PROMPTS, [createRoleExecuteStep]);
  await run.prompt();
  await run.execute(NO_PROGRESS);
  assert.deepEqual(created.map((r) => [r.roleName, r.description, r.maxSessionDuration]), [['AppRole', 'd', 3600]]);
  assert.match(created[0].assumeRolePolicyDocument, /ecs\.aliyuncs\.com/);
  assert.equal(accepted.role?.roleName, 'AppRole');
  prompterOf(accepted).assertDone();
});
