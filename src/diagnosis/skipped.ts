import { text } from '../util/message';
import type { CheckLine } from './diagnosisTypes';

/** A line whose premise failed: skipped, with the reason as its evidence. */
export function skipped(id: CheckLine['id'], title: CheckLine['title'], reason: string, ...args: (string | number)[]): CheckLine {
  return { id, title, status: 'skipped', evidence: [text(reason, ...args)] };
}
