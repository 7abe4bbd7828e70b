// Problems found by the policy module: a stable code and a Message (util/message.ts: an English template
// with {0}-style placeholders and its arguments; the UI shows it with localize(), the template being the
// l10n key); `problem.message` is the English text for logs and tests.
import { formatTemplate, type Message, type MessageArg } from '../util/message';

export type ProblemArg = MessageArg;

export interface Problem extends Message {
  /** Stable identifier, e.g. `RoleName.TooLong`; never localized. */
  readonly code: string;
  /** The template with its arguments filled in. */
  readonly message: string;
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
