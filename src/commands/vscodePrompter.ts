import * as vscode from 'vscode';
import { GoBackError } from './cancelled';
import type { BackOption, Prompter } from './prompter';

type PickOptions = vscode.QuickPickOptions & BackOption;

/**
 * A quick pick with a Back button (VS Code's showQuickPick has none): the same options, the preselected
 * items of a multi-select picked, the items busy while they load. Back rejects with GoBackError; Escape
 * resolves undefined like showQuickPick.
 */
function quickPickWithBack<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: PickOptions): Promise<T | T[] | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  Object.assign(pick, {
    title: options.title, placeholder: options.placeHolder, canSelectMany: options.canPickMany === true,
    matchOnDescription: options.matchOnDescription === true, matchOnDetail: options.matchOnDetail === true,
    ignoreFocusOut: options.ignoreFocusOut === true, buttons: [vscode.QuickInputButtons.Back], busy: true,
  });
  return new Promise<T | T[] | undefined>((resolve, reject) => {
    const subscriptions = [
      pick.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) reject(new GoBackError());
        pick.hide();
      }),
      pick.onDidAccept(() => {
        resolve(options.canPickMany ? [...pick.selectedItems] : (pick.selectedItems[0] ?? pick.activeItems[0]));
        pick.hide();
      }),
      pick.onDidHide(() => {
        resolve(undefined);
        for (const s of subscriptions) s.dispose();
        pick.dispose();
      }),
    ];
    Promise.resolve(items).then((list) => {
      pick.items = list;
      if (options.canPickMany) pick.selectedItems = list.filter((i) => i.picked);
      pick.busy = false;
    }, (error: unknown) => {
      reject(error);
      pick.hide();
    });
    pick.show();
  });
}

/** An input box with a Back button; validation as showInputBox's (on every change and on Enter). */
function inputBoxWithBack(options: vscode.InputBoxOptions): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  Object.assign(box, {
    title: options.title, prompt: options.prompt, value: options.value ?? '', placeholder: options.placeHolder,
    password: options.password === true, ignoreFocusOut: options.ignoreFocusOut === true, buttons: [vscode.QuickInputButtons.Back],
  });
  const validate = async (value: string): Promise<string | undefined> => {
    const verdict = await options.validateInput?.(value);
    const message = typeof verdict === 'string' ? verdict : verdict?.message;
    box.validationMessage = message || undefined;
    return message || undefined;
  };
  return new Promise<string | undefined>((resolve, reject) => {
    const subscriptions = [
      box.onDidChangeValue((value) => void validate(value)),
      box.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) reject(new GoBackError());
        box.hide();
      }),
      box.onDidAccept(async () => {
        const value = box.value;
        if (await validate(value)) return;
        resolve(value);
        box.hide();
      }),
      box.onDidHide(() => {
        resolve(undefined);
        for (const s of subscriptions) s.dispose();
        box.dispose();
      }),
    ];
    void validate(box.value);
    box.show();
  });
}

export const vscodePrompter: Prompter = {
  showQuickPick: ((items: readonly vscode.QuickPickItem[], options?: PickOptions) =>
    options?.backButton ? quickPickWithBack(items, options) : vscode.window.showQuickPick(items, options)) as Prompter['showQuickPick'],
  showInputBox: (options) => (options?.backButton ? inputBoxWithBack(options) : vscode.window.showInputBox(options)),
  showWarningMessage: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  showInformationMessage: (message, options, ...items) => vscode.window.showInformationMessage(message, options, ...items),
};

/** The prompter commands use; tests swap in a scripted one through the extension's test API. */
export class PrompterSlot implements Prompter {
  private current: Prompter = vscodePrompter;

  use(prompter: Prompter | undefined): void {
    this.current = prompter ?? vscodePrompter;
  }

  showQuickPick: Prompter['showQuickPick'] = ((items: never, options: never) => this.current.showQuickPick(items, options)) as Prompter['showQuickPick'];
  showInputBox: Prompter['showInputBox'] = (options) => this.current.showInputBox(options);
  showWarningMessage: Prompter['showWarningMessage'] = (message, options, ...items) => this.current.showWarningMessage(message, options, ...items);
  showInformationMessage: Prompter['showInformationMessage'] = (message, options, ...items) =>
    this.current.showInformationMessage(message, options, ...items);
}
