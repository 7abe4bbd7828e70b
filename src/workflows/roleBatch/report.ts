// Attaching, detaching and replacing the instance RAM role of many instances, part 3: what happened,
// counted and written to the log in English (the command localizes its summary). No secrets: ids,
// names, codes and hints only.
import type { InstanceOutcome } from './execute';
import type { SkipReason } from './plan';

export interface OutcomeCounts { succeeded: number; failed: number; skipped: number }

export function countOutcomes(outcomes: readonly InstanceOutcome[]): OutcomeCounts {
  const counts = { succeeded: 0, failed: 0, skipped: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}

const SKIP_TEXT: Record<SkipReason, string> = {
  classic: 'skipped: classic network (instance RAM roles work only in a VPC)',
  alreadyAttached: 'skipped: already has the role',
  otherRole: 'skipped: has another role (not replaced)',
  noRole: 'skipped: has no role',
};

/** One English line per instance for the log. */
export function outcomeLogLines(outcomes: readonly InstanceOutcome[]): string[] {
  return outcomes.map((o) => {
    const who = o.instance.instanceName ? `${o.instance.instanceId} (${o.instance.instanceName}, ${o.instance.regionId})` : `${o.instance.instanceId} (${o.instance.regionId})`;
    if (o.status === 'skipped') return `${who}: ${SKIP_TEXT[o.reason!]}`;
    if (o.status === 'succeeded') {
      return o.readBackAfterLostAnswer ? `${who}: ${o.action} succeeded (the answer was lost; the instance's role was read back)` : `${who}: ${o.action} succeeded`;
    }
    const parts = [`${who}: ${o.action} failed: ${o.code}: ${o.message}`];
    if (o.hint) parts.push(`hint: ${o.hint}`);
    if (o.detachedRole) parts.push(`note: ${o.detachedRole} was detached and stays detached`);
    if (o.requestId) parts.push(`RequestId ${o.requestId}`);
    return parts.join(' | ');
  });
}
