// The one masking rule for credentials and secret values, wherever they are shown (views, reports,
// the log, linter diagnostics, profile lists):
// - an AccessKeyId (long-term `LTAI…` or temporary `STS.…`) shows its last 4 characters and at most its
//   first 6, with at least 4 characters hidden between: `LTAI5t****MnOp`. An id of 8 characters or fewer
//   shows its first 2 only: `LT****`. Enough to recognise which key it is, never enough to use it;
// - an AccessKeySecret, a SecurityToken and a secret value (KMS GetSecretValue) show nothing but their
//   length: `****** (30)`. Not even a prefix: a prefix of a password narrows a guess.
// Pure: every layer may import it.

export function maskAccessKeyId(value: string): string {
  if (value.length <= 8) return `${value.slice(0, 2)}****`;
  const head = Math.min(6, value.length - 8);
  return `${value.slice(0, head)}****${value.slice(-4)}`;
}

/** An AccessKeySecret, a SecurityToken or a secret value: only that it exists and how long it is. */
export function maskSecret(value: string): string {
  return `****** (${value.length})`;
}
