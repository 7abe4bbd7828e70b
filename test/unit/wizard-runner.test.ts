// The wizard runner (src/commands/wizard/wizard.ts): steps with a known answer are skipped, Back returns
// to the previous step that asked (its answer and the later ones dropped), a cancel at any step runs no
// execute step, and execute steps run by priority.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UserCancelledError } from '../../src/commands/cancelled';
import { NO_PROGRESS, Wizard, type ExecuteStep, type PromptStep, type WizardContext } from '../../src/commands/wizard/wizard';
import { testWizardContext, type Answer } from './support/fakePrompter';

interface Ctx extends WizardContext { a?: string; b?: string; c?: string; ran?: string[] }

const inputStep = (key: 'a' | 'b' | 'c'): PromptStep<Ctx> => ({
  shouldPrompt: (c) => c[key] === undefined,
  async prompt(c) {
    const value = await c.ui.showInputBox({ title: key });
    if (value === undefined) throw new UserCancelledError();
    c[key] = value;
  },
});
const record = (name: string, priority: number): ExecuteStep<Ctx> => ({ priority, async execute(c) { (c.ran ??= []).push(name); } });

function wizardWith(answers: Answer[], preset: Partial<Ctx> = {}) {
  const context: Ctx = { ...testWizardContext(answers), ...preset };
  const prompter = context.ui as ReturnType<typeof testWizardContext>['ui'];
  return { context, prompter, wizard: new Wizard(context, [inputStep('a'), inputStep('b'), inputStep('c')], [record('second', 200), record('first', 100)]) };
}

test('every step asks in order; the first has no Back button, the later ones do; execute steps run by priority', async () => {
  const { context, prompter, wizard } = wizardWith([{ input: '1' }, { input: '2' }, { input: '3' }]);
  await wizard.prompt();
  assert.deepEqual([context.a, context.b, context.c], ['1', '2', '3']);
  assert.deepEqual(prompter.asked.map((q) => [q.text, q.back]), [['a', false], ['b', true], ['c', true]]);
  await wizard.execute(NO_PROGRESS);
  assert.deepEqual(context.ran, ['first', 'second']);
  prompter.assertDone();
});

test('Back returns to the previous step that asked and forgets the answers from there on', async () => {
  const { context, prompter, wizard } = wizardWith([{ input: '1' }, { input: '2' }, { back: true }, { back: true }, { input: 'one' }, { input: 'two' }, { input: 'three' }]);
  await wizard.prompt();
  assert.deepEqual([context.a, context.b, context.c], ['one', 'two', 'three']);
  assert.deepEqual(prompter.asked.map((q) => q.text), ['a', 'b', 'c', 'b', 'a', 'b', 'c']);
  prompter.assertDone();
});

test('a step whose answer is preset is skipped, also when going back', async () => {
  const { context, prompter, wizard } = wizardWith([{ input: '1' }, { back: true }, { input: 'uno' }, { input: '3' }], { b: 'preset' });
  await wizard.prompt();
  assert.deepEqual([context.a, context.b, context.c], ['uno', 'preset', '3']);
  assert.deepEqual(prompter.asked.map((q) => [q.text, q.back]), [['a', false], ['c', true], ['a', false], ['c', true]]);
});

test('a cancel at any step rejects before any execute step ran: a cancelled wizard changes nothing', async () => {
  for (const at of [0, 1, 2]) {
    const answers: Answer[] = [{ input: '1' }, { input: '2' }, { input: '3' }].slice(0, at);
    const { context, wizard } = wizardWith([...answers, { cancel: true }]);
    await assert.rejects(wizard.prompt(), UserCancelledError);
    assert.equal(context.ran, undefined, `cancelled at step ${at + 1}`);
  }
});
