// The two ways a user leaves a prompt, as errors (no vscode: wizard steps throw them in unit tests too).

/** Thrown (or rejected) when the user dismissed a prompt: the command wrapper stays silent. */
export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user');
    this.name = 'UserCancelledError';
  }
}

/**
 * Thrown by a Prompter when the user pressed a wizard step's Back button: the wizard asks the previous step
 * again. Recognised by name (isGoBack): a test's scripted Prompter lives in another bundle with its own copy.
 */
export class GoBackError extends Error {
  constructor() {
    super('Back to the previous step');
    this.name = 'GoBackError';
  }
}

export function isGoBack(error: unknown): boolean {
  return error instanceof Error && error.name === 'GoBackError';
}
