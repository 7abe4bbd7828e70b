// Problems found by the policy module: a stable code, an English message template with {0}-style
// placeholders and its arguments. The UI localizes with `vscode.l10n.t(problem.template, ...problem.args)`
// (the template is the l10n key); `problem.message` is the English text for logs and tests.

export type ProblemArg = string | number;

export interface Problem {
  /** Stable identifier, e.g. `RoleName.TooLong`; never localized. */
  readonly code: string;
  /** English message template with `{0}`, `{1}`... placeholders. */
  readonly template: string;
  readonly args: readonly ProblemArg[];
  /** The template with its arguments filled in. */
  readonly message: string;
}

/** Fills `{n}` placeholders the way `vscode.l10n.t` does. */
export function formatTemplate(template: string, args: readonly ProblemArg[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

export function problem(code: string, template: string, ...args: ProblemArg[]): Problem {
  return { code, template, args, message: formatTemplate(template, args) };
}

/**
 * The only error type the policy module throws on bad input. `offset` is set when the problem has a
 * place in a JSON text (0-based character offset), with `line`/`column` (1-based) for messages.
 */
export class PolicyError extends Error {
  readonly code: string;
  readonly problem: Problem;
  readonly offset?: number;
  readonly length?: number;

  constructor(found: Problem, offset?: number, length?: number) {
    super(found.message);
    this.name = 'PolicyError';
    this.code = found.code;
    this.problem = found;
    this.offset = offset;
    this.length = length;
  }
}

/** 1-based line and column of a 0-based offset in a text, for messages such as "line 3, column 7". */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
