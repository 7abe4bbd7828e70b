// What the fleet check report shows, as plain data the command updates as results arrive.
import type { SkippedInstance } from '../../workflows/fleet/fleetPlan';
import type { FleetVerdict } from '../../workflows/fleet/fleetVerdict';

export type FleetReportState = 'running' | 'done' | 'cancelled' | 'timedOut';

export interface FleetReportModel {
  readonly keyId: string;
  readonly regionId: string;
  readonly secretName?: string;
  /** Instances the check runs on. */
  readonly total: number;
  readonly verdicts: FleetVerdict[];
  readonly skipped: readonly SkippedInstance[];
  state: FleetReportState;
  /** Invocations that may still be running after a cancel or the deadline. */
  unfinished: readonly { readonly invokeId: string; readonly instanceIds: readonly string[] }[];
}

/** A button of the report; `index` points into `verdicts` (the webview never names a role or instance itself). */
export type FleetReportAction =
  | { readonly kind: 'grant'; readonly index: number }
  | { readonly kind: 'attach'; readonly index: number }
  | { readonly kind: 'rerunFailed' };

export function isFleetReportAction(value: unknown): value is FleetReportAction {
  const v = value as { kind?: unknown; index?: unknown } | undefined;
  if (v?.kind === 'rerunFailed') return true;
  return (v?.kind === 'grant' || v?.kind === 'attach') && Number.isInteger(v.index);
}
