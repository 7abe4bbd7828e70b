// The one message type of the extension: an English template with {0}-style placeholders and its
// arguments. The template is the l10n key: the UI shows a Message with localize() (util/localize.ts,
// the one place that calls vscode.l10n.t on it); `english` is for the log and the tests. Pure, so the
// modules that make messages (policy, diagnosis, workflows) need no vscode.

export type MessageArg = string | number;

export interface Message {
  /** English template with `{0}`, `{1}`... placeholders; also the l10n key. */
  readonly template: string;
  readonly args: readonly MessageArg[];
}

export function text(template: string, ...args: MessageArg[]): Message {
  return { template, args };
}

/** Fills `{n}` placeholders the way `vscode.l10n.t` does. */
export function formatTemplate(template: string, args: readonly MessageArg[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

/** The message in English (the log, the tests). */
export function english(value: Message): string {
  return formatTemplate(value.template, value.args);
}

/** How a pure module that renders text shows a Message: localize() in the UI, english() in the log and the unit tests. */
export type Localize = (value: Message) => string;
