// A Prompter for unit tests of wizard steps without VS Code: answers from a script, in order, and
// records what was asked (the extension-host twin is test/extension/support/scriptedPrompter.ts).
// `{ back: true }` presses the Back button (only offered when the wizard asks with backButton).
import assert from 'node:assert/strict';
import { GoBackError } from '../../../src/commands/cancelled';
import type { Prompter } from '../../../src/commands/prompter';
import type { L10n, WizardContext, WizardHost } from '../../../src/commands/wizard/wizard';

export type Answer =
  | { pick: string | readonly string[] }
  | { pickDefault: true }
  | { input: string }
  | { back: true }
  /** Escape on a quick pick or input box. */
  | { cancel: true }
  | { button: string | undefined };

export interface Question {
  readonly kind: 'quickPick' | 'input' | 'message';
  readonly text: string;
  readonly items?: readonly string[];
  /** Quick pick: each item as `label | description | detail` (separators as `--- label`), to check marks. */
  readonly shown?: readonly string[];
  readonly back: boolean;
  readonly validation?: string;
}

interface Item { label: string; description?: string; detail?: string; picked?: boolean; kind?: number }

export class FakePrompter implements Prompter {
  readonly asked: Question[] = [];
  private readonly answers: Answer[];

  constructor(answers: readonly Answer[]) {
    this.answers = [...answers];
  }

  private next(text: string): Answer {
    const answer = this.answers.shift();
    assert.ok(answer, `asked "${text}" with no answer left`);
    return answer;
  }

  showQuickPick = (async (itemsOrPromise: readonly Item[] | Thenable<readonly Item[]>, options?: { title?: string; placeHolder?: string; canPickMany?: boolean; backButton?: boolean }) => {
    const all = await itemsOrPromise;
    const items = all.filter((i) => i.kind !== -1);
    const text = [options?.title, options?.placeHolder].filter(Boolean).join(' | ');
    const shown = all.map((i) => (i.kind === -1 ? `--- ${i.label}` : [i.label, i.description ?? '', i.detail ?? ''].join(' | ')));
    this.asked.push({ kind: 'quickPick', text, items: items.map((i) => i.label), shown, back: options?.backButton === true });
    const answer = this.next(text);
    if ('back' in answer) {
      assert.ok(options?.backButton, `"${text}" has no Back button`);
      throw new GoBackError();
    }
    if ('cancel' in answer) return undefined;
    if ('pickDefault' in answer) return options?.canPickMany ? items.filter((i) => i.picked) : items[0];
    assert.ok('pick' in answer, `"${text}" is a quick pick, the script has ${JSON.stringify(answer)}`);
    const wanted = typeof answer.pick === 'string' ? [answer.pick] : answer.pick;
    const chosen = wanted.map((label) => {
      const found = items.find((i) => i.label === label);
      assert.ok(found, `"${text}": no item "${label}" among ${JSON.stringify(items.map((i) => i.label))}`);
      return found;
    });
    return options?.canPickMany ? chosen : chosen[0];
  }) as unknown as Prompter['showQuickPick'];

  showInputBox: Prompter['showInputBox'] = async (options) => {
    const text = [options?.title, options?.prompt].filter(Boolean).join(' | ');
    const answer = this.next(text);
    if ('back' in answer) {
      this.asked.push({ kind: 'input', text, back: options?.backButton === true });
      assert.ok(options?.backButton, `"${text}" has no Back button`);
      throw new GoBackError();
    }
    if ('cancel' in answer) {
      this.asked.push({ kind: 'input', text, back: options?.backButton === true });
      return undefined;
    }
    assert.ok('input' in answer, `"${text}" is an input box, the script has ${JSON.stringify(answer)}`);
    const verdict = await options?.validateInput?.(answer.input);
    const validation = typeof verdict === 'string' ? verdict : verdict?.message;
    this.asked.push({ kind: 'input', text, back: options?.backButton === true, validation: validation ?? undefined });
    return validation ? undefined : answer.input;
  };

  private async message(message: string, items: string[]): Promise<string | undefined> {
    this.asked.push({ kind: 'message', text: message, items, back: false });
    const answer = this.next(message);
    assert.ok('button' in answer, `"${message}" is a message, the script has ${JSON.stringify(answer)}`);
    return answer.button;
  }

  showWarningMessage: Prompter['showWarningMessage'] = (message, _options, ...items) => this.message(message, items);
  showInformationMessage: Prompter['showInformationMessage'] = (message, _options, ...items) => this.message(message, items);

  assertDone(): void {
    assert.deepEqual(this.answers, [], 'unused answers');
  }
}

/** vscode.l10n.t's formatting ({0} placeholders) for English. */
export const englishL10n: L10n = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

/** A host that records confirmations and documents; `decline` makes confirm cancel like dismissing the dialog. */
export function fakeHost(options: { decline?: boolean } = {}): WizardHost & { confirmed: string[]; documents: { name: string; text: string }[]; logged: string[] } {
  const confirmed: string[] = [];
  const documents: { name: string; text: string }[] = [];
  const logged: string[] = [];
  return {
    confirmed, documents, logged,
    async confirm(message, _action, cli) {
      confirmed.push(`${message}\n${cli.join('\n')}`);
      if (options.decline) {
        const { UserCancelledError } = await import('../../../src/commands/cancelled');
        throw new UserCancelledError();
      }
    },
    async showDocument(name, text) { documents.push({ name, text }); },
    busy: (_title, task) => task(),
    log: { info: (m) => logged.push(m), warn: (m) => logged.push(`WARN ${m}`) },
  };
}

/** The WizardContext fields for a unit test. */
export function testWizardContext(answers: readonly Answer[], host = fakeHost()): WizardContext & { ui: FakePrompter; host: ReturnType<typeof fakeHost> } {
  return { ui: new FakePrompter(answers), l10n: englishL10n, host };
}
