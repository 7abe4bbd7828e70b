// Small pieces of the read-back after a lost answer (retry.ts): a mutating call whose result the caller
// does not use answers DONE, and its `verify` says DONE when the state read back shows the change.
import { isCloudError } from './cloudError';

export const DONE = true as const;

/** DONE when the read-back shows the change in place, undefined (not done) otherwise. */
export function doneIf(inPlace: boolean): typeof DONE | undefined {
  return inPlace ? DONE : undefined;
}

/**
 * Whether a read shows the thing gone: true when it fails with `notFoundCode`, false when it answers;
 * any other failure propagates (then nobody can tell, and the call's error says so).
 */
export async function isGone(read: Promise<unknown>, notFoundCode: string): Promise<boolean> {
  try {
    await read;
    return false;
  } catch (error) {
    if (isCloudError(error) && error.code === notFoundCode) return true;
    throw error;
  }
}
