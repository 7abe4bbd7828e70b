// A time budget for checks that run while the user types (src/language): the analysis asks the deadline
// between statements and stops with DeadlineExceeded once the budget is spent, so one huge or pathological
// document can never hold the extension host. Pure: the clock is injectable for tests.

export class DeadlineExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`The check took longer than ${budgetMs} ms.`);
    this.name = 'DeadlineExceeded';
  }
}

export interface Deadline {
  readonly budgetMs: number;
  /** Throws DeadlineExceeded when the budget is spent. */
  check(): void;
}

/** A deadline `budgetMs` from now; a budget of 0 is spent at once (tests use it). */
export function deadlineAfter(budgetMs: number, now: () => number = () => performance.now()): Deadline {
  const end = now() + budgetMs;
  return {
    budgetMs,
    check(): void {
      if (now() >= end) throw new DeadlineExceeded(budgetMs);
    },
  };
}
