// A Prompter that answers a command's questions from a script, in order, and records what was asked,
// so an extension-host test can drive a whole wizard through the real command. Anything unexpected
// (a question with no step left, a label that is not offered, a value the input box rejects, a text
// that does not match `expect`) is recorded as a problem and answered as a cancel; `assertDone()`
// then fails the test with the list. Non-modal notifications need no step: they are recorded and
// answered "dismissed" unless the next step is a `button` whose `expect` matches them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GoBackError } from '../../../src/commands/cancelled';
import type { BackOption, Prompter } from '../../../src/commands/prompter';

/** Accept the value the input box proposes. */
export const DEFAULT = Symbol('default');

export type Step =
  /** Quick pick: the label (or labels, for a multi-select) to choose. */
  | { pick: string | readonly string[]; expect?: RegExp }
  /** Quick pick: accept what is preselected (multi-select: the `picked` items; single: the first item). */
  | { pickDefault: true; expect?: RegExp }
  /** Quick pick or input box of a wizard step after the first: press its Back button. */
  | { back: true; expect?: RegExp }
  /** Input box: type this; with `rejects`, the box must refuse it with a matching message (then the next input step is typed). */
  | { input: string | typeof DEFAULT; rejects?: RegExp; expect?: RegExp }
  /** A modal dialog, or a notification the test wants to answer: press this button (undefined = dismiss). `then` runs before answering. */
  | { button: string | undefined; expect?: RegExp; then?: () => void | Promise<void> };

export interface Asked {
  readonly kind: 'quickPick' | 'input' | 'modal' | 'notification';
  readonly text: string;
  readonly items?: readonly string[];
  /** Quick pick: each item as `label | description | detail` (separators as `--- label`), to check marks and order. */
  readonly shown?: readonly string[];
  readonly answer?: unknown;
}

function describe(step: Step | undefined): string {
  return step ? JSON.stringify(step, (_k, v: unknown) => (typeof v === 'symbol' ? 'DEFAULT' : v instanceof RegExp ? String(v) : v)) : 'nothing';
}

export class ScriptedPrompter implements Prompter {
  private readonly steps: Step[];
  readonly asked: Asked[] = [];
  readonly problems: string[] = [];

  constructor(steps: readonly Step[]) {
    this.steps = [...steps];
  }

  /** The texts of the non-modal notifications shown so far. */
  get notifications(): string[] {
    return this.asked.filter((a) => a.kind === 'notification').map((a) => a.text);
  }

  private problem(message: string): undefined {
    this.problems.push(message);
    console.log(`scripted prompter: ${message}`);
    return undefined;
  }

  private next<K extends 'pick' | 'pickDefault' | 'input' | 'button' | 'back'>(kinds: readonly K[], text: string): Step | undefined {
    const step = this.steps.shift();
    if (!step || !kinds.some((k) => k in step)) {
      return this.problem(`asked "${text}" but the script has ${describe(step)}`);
    }
    if (step.expect && !step.expect.test(text)) return this.problem(`asked "${text}", expected ${step.expect}`);
    return step;
  }

  /** A Back step: the box must offer Back (a wizard step after the first); then GoBackError, as the real button. */
  private back(step: Step | undefined, text: string, options: BackOption | undefined): void {
    if (!step || !('back' in step)) return;
    this.asked.push({ kind: 'input', text, answer: 'Back' });
    if (!options?.backButton) {
      this.problem(`"${text}": no Back button to press`);
      return;
    }
    throw new GoBackError();
  }

  showQuickPick = (async (itemsOrPromise: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions & BackOption) => {
    const all = await itemsOrPromise;
    const items = all.filter((i) => i.kind !== -1);
    const text = [options?.title, options?.placeHolder].filter(Boolean).join(' | ');
    const labels = items.map((i) => i.label);
    const shown = all.map((i) => (i.kind === -1 ? `--- ${i.label}` : [i.label, i.description ?? '', i.detail ?? ''].join(' | ')));
    const step = this.next(['pick', 'pickDefault', 'back'], text);
    this.back(step, text, options);
    if (step && 'back' in step) return undefined;
    let answer: vscode.QuickPickItem[] | undefined;
    if (step && 'pickDefault' in step) {
      answer = options?.canPickMany ? items.filter((i) => i.picked) : items.slice(0, 1);
    } else if (step && 'pick' in step) {
      const wanted = typeof step.pick === 'string' ? [step.pick] : step.pick;
      answer = [];
      for (const label of wanted) {
        const found = items.find((i) => i.label === label);
        if (!found) return this.problem(`"${text}": no item "${label}" among ${JSON.stringify(labels)}`);
        answer.push(found);
      }
    }
    this.asked.push({ kind: 'quickPick', text, items: labels, shown, answer: answer?.map((a) => a.label) });
    if (!answer) return undefined;
    return options?.canPickMany ? answer : answer[0];
  }) as Prompter['showQuickPick'];

  showInputBox = async (options?: vscode.InputBoxOptions & BackOption): Promise<string | undefined> => {
    const text = [options?.title, options?.prompt].filter(Boolean).join(' | ');
    for (;;) {
      const step = this.next(['input', 'back'], text);
      this.back(step, text, options);
      if (!step || !('input' in step)) return undefined;
      const value = step.input === DEFAULT ? (options?.value ?? '') : step.input;
      const verdict = await options?.validateInput?.(value);
      const message = typeof verdict === 'string' ? verdict : verdict?.message;
      this.asked.push({ kind: 'input', text, answer: options?.password ? '(password)' : value });
      if (step.rejects) {
        if (!message || !step.rejects.test(message)) return this.problem(`"${text}": expected "${options?.password ? '(password)' : value}" to be refused with ${step.rejects}, got ${JSON.stringify(message)}`);
        continue;
      }
      if (message) return this.problem(`"${text}": the input box refused "${options?.password ? '(password)' : value}": ${message}`);
      return value;
    }
  };

  private async message(message: string, options: vscode.MessageOptions, items: string[]): Promise<string | undefined> {
    const upcoming = this.steps[0];
    const answers = upcoming && 'button' in upcoming && (!upcoming.expect || upcoming.expect.test(message));
    if (!options.modal && !answers) {
      this.asked.push({ kind: 'notification', text: message, items });
      return undefined;
    }
    const step = this.next(['button'], message);
    this.asked.push({ kind: options.modal ? 'modal' : 'notification', text: message, items, answer: step && 'button' in step ? step.button : undefined });
    if (!step || !('button' in step)) return undefined;
    if (step.button !== undefined && !items.includes(step.button)) return this.problem(`"${message}": no button "${step.button}" among ${JSON.stringify(items)}`);
    await step.then?.();
    return step.button;
  }

  showWarningMessage = (message: string, options: vscode.MessageOptions, ...items: string[]) => this.message(message, options, items);
  showInformationMessage = (message: string, options: vscode.MessageOptions, ...items: string[]) => this.message(message, options, items);

  /** Every step was used and nothing unexpected happened. */
  assertDone(): void {
    assert.deepEqual(this.problems, [], `scripted prompter problems:\n${this.problems.join('\n')}\nasked:\n${JSON.stringify(this.asked, null, 1)}`);
    assert.equal(this.steps.length, 0, `unused steps: ${this.steps.map(describe).join(', ')}\nasked:\n${JSON.stringify(this.asked, null, 1)}`);
  }
}

/** Runs a command of the real extension with `steps` answering its questions; returns the prompter to inspect. */
export async function runScripted(api: { usePrompter(p: Prompter | undefined): void }, steps: readonly Step[], command: string, ...args: unknown[]): Promise<ScriptedPrompter> {
  return (await runScriptedFor(api, steps, command, ...args)).prompter;
}

/** runScripted, with what the command returned (undefined when it reported an error or was cancelled). */
export async function runScriptedFor<T>(
  api: { usePrompter(p: Prompter | undefined): void }, steps: readonly Step[], command: string, ...args: unknown[]
): Promise<{ prompter: ScriptedPrompter; result: T | undefined }> {
  const prompter = new ScriptedPrompter(steps);
  api.usePrompter(prompter);
  try {
    return { prompter, result: await vscode.commands.executeCommand<T | undefined>(command, ...args) };
  } finally {
    api.usePrompter(undefined);
  }
}
