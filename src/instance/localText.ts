// Text produced by the pure modules of src/instance (no vscode import there): an English template
// with {0}-style placeholders and its arguments. The UI localizes it with vscode.l10n.t(template, ...args)
// (the template is the l10n key); `english` is for the log and the tests.

export type TextArg = string | number;

export interface LocalText {
  readonly template: string;
  readonly args: readonly TextArg[];
}

export function text(template: string, ...args: TextArg[]): LocalText {
  return { template, args };
}

export function english(value: LocalText): string {
  return value.template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const arg = value.args[Number(index)];
    return arg === undefined ? whole : String(arg);
  });
}
