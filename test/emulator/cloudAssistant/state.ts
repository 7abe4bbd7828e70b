// Cloud Assistant's part of an emulated account, kept beside the Account (not in it) so ECS's own
// state stays as it is: which instances have no agent / run Windows / cannot reach the KMS VPC
// endpoint (scenario flags), the invocations RunCommand created, and where the runner points scripts.
import type { Faults } from '../faults';
import type { Account } from '../state';

/** Scenario flags, by instance id. */
export interface CloudAssistantSeed {
  /** Instances whose Cloud Assistant agent is not installed or not running. */
  withoutAgent?: string[];
  /** Windows instances: RunShellScript is not applicable there. */
  windows?: string[];
  /** Instances from which the KMS VPC endpoint cannot be reached (the script gets a refused port). */
  vpcEndpointUnreachable?: string[];
}

export interface InvocationRecord {
  instanceId: string;
  /** Pending, Running, Success, Failed, Timeout (InvocationStatus). */
  status: string;
  output: string;
  dropped: number;
  exitCode: number;
  errorCode: string;
  errorInfo: string;
  startTime: string;
  finishTime: string;
}

export interface Invocation {
  invokeId: string;
  commandId: string;
  regionId: string;
  name: string;
  description: string;
  type: string;
  /** Base64, as DescribeInvocations returns CommandContent. */
  content: string;
  timeout: number;
  workingDir: string;
  creationTime: string;
  records: InvocationRecord[];
}

export interface CloudAssistantRuntime {
  /** The emulator's API address: the script's KMS endpoints. */
  api: string;
  faults(): Faults;
  /** Scripts running at once (a bound for this machine, not a service limit). */
  concurrency: number;
}

export interface CloudAssistantState {
  readonly withoutAgent: Set<string>;
  readonly windows: Set<string>;
  readonly vpcEndpointUnreachable: Set<string>;
  readonly invocations: Map<string, Invocation>;
  /** RunCommand ClientToken → InvokeId: a repeated token answers with the first invocation. */
  readonly byClientToken: Map<string, string>;
  runtime?: CloudAssistantRuntime;
}

const states = new WeakMap<Account, CloudAssistantState>();

export function cloudAssistantState(account: Account): CloudAssistantState {
  let state = states.get(account);
  if (!state) {
    state = { withoutAgent: new Set(), windows: new Set(), vpcEndpointUnreachable: new Set(), invocations: new Map(), byClientToken: new Map() };
    states.set(account, state);
  }
  return state;
}

export function seedCloudAssistant(account: Account, seed: CloudAssistantSeed | undefined): void {
  const state = cloudAssistantState(account);
  for (const id of seed?.withoutAgent ?? []) state.withoutAgent.add(id);
  for (const id of seed?.windows ?? []) state.windows.add(id);
  for (const id of seed?.vpcEndpointUnreachable ?? []) state.vpcEndpointUnreachable.add(id);
}

/** Called once the API port listens: scripts need its address. */
export function configureCloudAssistant(account: Account, runtime: Omit<CloudAssistantRuntime, 'concurrency'> & { concurrency?: number }): void {
  cloudAssistantState(account).runtime = { concurrency: 16, ...runtime };
}
