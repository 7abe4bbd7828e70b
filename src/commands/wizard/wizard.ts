// Multi-step commands as a wizard of step objects (DESIGN.md convention 8; the shape of the Azure
// extensions' AzureWizard): prompt steps ask, in order, each skipped when its answer is already known;
// a step after the first shows a Back button that returns to the previous step that asked, with the
// context as it was before that step; execute steps run (by priority) only once every prompt step has
// been answered, so a cancelled wizard changes nothing. No vscode import: steps are unit-tested with a
// scripted Prompter of the tests' own (test/unit/support/fakePrompter.ts).
import type { QuickPickItem } from 'vscode';
import type { Problem } from '../../policy/problem';
import type { ExplorerKnowledge } from '../../views/common/explorerKnowledge';
import { isGoBack, UserCancelledError } from '../cancelled';
import type { BackOption, Prompter } from '../prompter';
import type { ConfirmOptions } from './confirmWithCli';

/** VS Code's l10n.t, as steps call it (`context.l10n.t('…')`: the l10n extractor finds these keys). */
export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** A policy-module Problem in the user's language (its template is the l10n key). */
export function localizeProblem(l10n: L10n, problem: Problem): string {
  return l10n.t(problem.template, ...problem.args);
}

/** What steps need from VS Code besides questions (./host.ts makes it from the CommandContext). */
export interface WizardHost {
  /** The confirmation of a mutation, with its `aliyun` CLI equivalent (confirmWithCli); UserCancelledError when declined. */
  confirm(message: string, action: string, cli: readonly string[], options?: ConfirmOptions): Promise<void>;
  /** Shows a read-only document for review (a trust policy, a policy document). */
  showDocument(name: string, text: string, language: string): Promise<unknown>;
  readonly log: { info(message: string): void; warn(message: string): void };
  /** Runs a cloud call of the prompt phase (a dry run) under a notification progress titled `title`. */
  busy<T>(title: string, task: () => Promise<T>): Promise<T>;
  /** A codicon for quick-pick items (vscode.ThemeIcon); absent in unit tests, where items show no icon. */
  themeIcon?(id: string): QuickPickItem['iconPath'];
  /** What the explorer's views know (trust verdicts, regions with instances); absent: nothing is known. */
  readonly explorer?: ExplorerKnowledge;
  /** "Add ECS as Trusted Service" on a role (diff, CLI, confirmation, UpdateRole, read-back); absent: not offered. */
  addEcsTrust?(roleName: string): Promise<void>;
}

/** What every wizard's context holds: the prompter (the wizard adds the Back button to it), l10n and the host. */
export interface WizardContext {
  ui: Prompter;
  readonly l10n: L10n;
  readonly host: WizardHost;
}

export interface PromptStep<C extends WizardContext> {
  /** False when the answer is known already (from the node the command ran on, or an earlier step). */
  shouldPrompt(context: C): boolean;
  /** Asks and stores the answer on the context; UserCancelledError when dismissed. */
  prompt(context: C): Promise<void>;
}

/** What execute steps report progress with (VS Code's Progress fits). */
export interface WizardProgress {
  report(value: { message?: string }): void;
}

/** For execute steps too quick to show progress for (one call). */
export const NO_PROGRESS: WizardProgress = { report: () => undefined };

export interface ExecuteStep<C extends WizardContext> {
  /** Lower runs first (e.g. 100 create, 200 attach, 900 refresh the views). */
  readonly priority: number;
  shouldExecute?(context: C): boolean;
  execute(context: C, progress: WizardProgress): Promise<void>;
}

/** A Prompter that adds the Back button to quick picks and input boxes. */
function withBack(ui: Prompter): Prompter {
  const back = <O>(options: O | undefined) => ({ ...options, backButton: true }) as O & BackOption;
  return {
    showQuickPick: ((items: never, options: never) => ui.showQuickPick(items, back(options))) as Prompter['showQuickPick'],
    showInputBox: (options) => ui.showInputBox(back(options)),
    showWarningMessage: (message, options, ...items) => ui.showWarningMessage(message, options, ...items),
    showInformationMessage: (message, options, ...items) => ui.showInformationMessage(message, options, ...items),
  };
}

/** Restores the context's own properties to a snapshot (the answers of the steps after it are dropped). */
function restore<C extends object>(context: C, snapshot: C): void {
  for (const key of Object.keys(context)) if (!(key in snapshot)) delete (context as Record<string, unknown>)[key];
  Object.assign(context, snapshot);
}

export class Wizard<C extends WizardContext> {
  constructor(
    private readonly context: C,
    private readonly promptSteps: readonly PromptStep<C>[],
    private readonly executeSteps: readonly ExecuteStep<C>[] = [],
  ) {}

  /** Runs every prompt step; Back returns to the previous step that asked. Rejects with UserCancelledError when dismissed. */
  async prompt(): Promise<void> {
    const context = this.context;
    const ui = context.ui;
    const asked: { index: number; before: C }[] = [];
    for (let index = 0; index < this.promptSteps.length;) {
      const step = this.promptSteps[index];
      if (!step.shouldPrompt(context)) {
        index++;
        continue;
      }
      const before = { ...context };
      context.ui = asked.length > 0 ? withBack(ui) : ui;
      try {
        await step.prompt(context);
        asked.push({ index, before });
        index++;
      } catch (error) {
        if (!isGoBack(error)) throw error;
        const previous = asked.pop();
        if (!previous) throw new UserCancelledError();
        restore(context, previous.before);
        index = previous.index;
      } finally {
        context.ui = ui;
      }
    }
  }

  /** Runs the execute steps that apply, lowest priority first. */
  async execute(progress: WizardProgress): Promise<void> {
    const steps = [...this.executeSteps].sort((a, b) => a.priority - b.priority);
    for (const step of steps) if (step.shouldExecute?.(this.context) ?? true) await step.execute(this.context, progress);
  }
}
