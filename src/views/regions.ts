import * as vscode from 'vscode';
import type { CloudServices, RegionOutcome } from '../cloud/types';

/** The regions the user chose with "Select Regions" (setting alicloudKms.regions); empty = discover. */
export function chosenRegions(): string[] {
  const value = vscode.workspace.getConfiguration('alicloudKms').get<unknown>('regions');
  return Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string' && r.length > 0) : [];
}

/**
 * The regions a tree shows: the chosen ones, or every region where `hasItems` finds something
 * (a fan-out of one cheap call per region). Regions whose probe failed are kept, with their error,
 * so the user sees the failure under that region rather than a silently missing region.
 */
export async function regionsToShow(
  services: CloudServices,
  hasItems: (regionId: string) => Promise<boolean>,
): Promise<{ regions: string[]; failures: RegionOutcome<boolean>[]; chosen: boolean }> {
  const chosen = chosenRegions();
  if (chosen.length > 0) return { regions: chosen, failures: [], chosen: true };
  const all = (await services.ecs.describeRegions()).map((r) => r.regionId);
  const regions: string[] = [];
  const failures: RegionOutcome<boolean>[] = [];
  for await (const outcome of services.fanOut(all, (regionId) => hasItems(regionId))) {
    if (!outcome.ok) failures.push(outcome);
    else if (outcome.value) regions.push(outcome.regionId);
  }
  return { regions: regions.sort(), failures, chosen: false };
}

/** True when the async iterable yields at least one item (stops after the first). */
export async function hasAny<T>(items: AsyncIterable<T>): Promise<boolean> {
  for await (const _ of items) return true;
  return false;
}
