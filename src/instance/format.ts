// Masking and time formatting for what the instance views and reports show. Pure.

/** `STS.NTzx****wxyz`: the first characters and the last four, never enough to use. */
export function maskAccessKeyId(value: string): string {
  if (value.length <= 8) return `${value.slice(0, 2)}****`;
  const head = Math.min(8, value.length - 8);
  return `${value.slice(0, head)}****${value.slice(-4)}`;
}

/** A secret or token is never shown, not even in part: only that it exists and how long it is. */
export function hiddenValue(value: string): string {
  return `•••••• (${value.length})`;
}

/** A secret value masked: its first two characters and its length, unless revealed. */
export function maskSecretValue(value: string): string {
  if (value.length <= 4) return '****';
  return `${value.slice(0, 2)}${'*'.repeat(Math.min(12, value.length - 2))} (${value.length})`;
}

/** `1h 02m`, `14m 05s`, `45s`; negative durations are `-` plus the same. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${sign}${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${sign}${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${sign}${seconds}s`;
}

/** The refresh window of the shared credential cache (src/cloud RefreshingCache): 15 minutes before expiry. */
export const NEAR_EXPIRY_MS = 15 * 60 * 1000;
