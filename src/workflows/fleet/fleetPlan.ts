// Which instances a fleet check runs on and which it skips, with the reason: a pure plan from the
// instances and their Cloud Assistant status (no SDK, no vscode).
import type { CloudAssistantStatus, EcsInstance } from '../../cloud/types';
import { text, type Message } from '../../util/message';

export type SkipReason = 'classic' | 'stopped' | 'noCloudAssistant' | 'windows';

export interface SkippedInstance {
  readonly instance: EcsInstance;
  readonly reason: SkipReason;
  readonly because: Message;
}

export interface FleetPlan {
  /** Instances to run the check on, by region (RunCommand is regional). */
  readonly run: ReadonlyMap<string, readonly EcsInstance[]>;
  readonly skipped: readonly SkippedInstance[];
}

/** Skips that need no API call: asking Cloud Assistant about these instances would be wasted. */
export function precheckSkip(instance: EcsInstance): SkippedInstance | undefined {
  if (instance.networkType === 'classic') {
    return { instance, reason: 'classic', because: text('Classic network: instance RAM roles need a VPC instance.') };
  }
  if (instance.status !== 'Running') {
    return { instance, reason: 'stopped', because: text('Not running ({0}): Cloud Assistant runs commands on running instances only.', instance.status) };
  }
  return undefined;
}

/**
 * The plan: classic and not-running instances first (no API call needed), then — from
 * DescribeCloudAssistantStatus — instances without a running agent and Windows instances (the check
 * is a shell script). An instance missing from the status answer is treated as having no agent.
 */
export function planFleetCheck(instances: readonly EcsInstance[], statuses: readonly CloudAssistantStatus[]): FleetPlan {
  const byId = new Map(statuses.map((s) => [s.instanceId, s]));
  const run = new Map<string, EcsInstance[]>();
  const skipped: SkippedInstance[] = [];
  const seen = new Set<string>();
  for (const instance of instances) {
    if (seen.has(instance.instanceId)) continue;
    seen.add(instance.instanceId);
    const early = precheckSkip(instance);
    if (early) {
      skipped.push(early);
      continue;
    }
    const status = byId.get(instance.instanceId);
    if (!status?.running) {
      skipped.push({ instance, reason: 'noCloudAssistant', because: text('Cloud Assistant is not installed or not running on this instance.') });
    } else if (status.osType.toLowerCase() === 'windows') {
      skipped.push({ instance, reason: 'windows', because: text('Windows instance: the check is a shell script for Linux.') });
    } else {
      run.set(instance.regionId, [...(run.get(instance.regionId) ?? []), instance]);
    }
  }
  return { run, skipped };
}

/** The instances whose Cloud Assistant status must be asked, by region. */
export function statusQueries(instances: readonly EcsInstance[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of instances) {
    if (precheckSkip(i)) continue;
    const ids = out.get(i.regionId) ?? [];
    if (!ids.includes(i.instanceId)) ids.push(i.instanceId);
    out.set(i.regionId, ids);
  }
  return out;
}
