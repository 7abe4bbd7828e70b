// CloudAssistantService: run a shell script on ECS instances through Cloud Assistant and read the
// per-instance results (ECS RunCommand, DescribeInvocationResults, DescribeCloudAssistantStatus).
import type { CallOptions } from './host';

export interface RunScriptInput {
  readonly regionId: string;
  /** Any number: sent in batches of RunCommand's documented maximum (100 instances per call). */
  readonly instanceIds: readonly string[];
  /** The shell script, plain text (sent Base64-encoded). */
  readonly script: string;
  readonly name?: string;
  readonly description?: string;
  /** Seconds before Cloud Assistant stops the script (RunCommand Timeout, default 60). */
  readonly timeoutSeconds?: number;
}

/** One RunCommand call: the invocation it created and the instances it targets. */
export interface ScriptInvocation {
  readonly regionId: string;
  readonly invokeId: string;
  readonly commandId: string;
  readonly instanceIds: readonly string[];
  readonly requestId?: string;
}

/** One instance's record of an invocation (DescribeInvocationResults). */
export interface InstanceScriptResult {
  readonly invokeId: string;
  readonly instanceId: string;
  /** Pending, Running, Success, Failed, Timeout, Stopped... (InvocationStatus). */
  readonly invocationStatus: string;
  /** True once the record will not change any more. */
  readonly finished: boolean;
  /** The script's output, decoded from Base64. */
  readonly output: string;
  readonly exitCode?: number;
  /** Cloud Assistant's code: ClientNotRunning, CommandNotApplicable, ExitCodeNonzero, ExecutionTimeout... */
  readonly errorCode?: string;
  readonly errorInfo?: string;
  readonly startTime?: string;
  readonly finishedTime?: string;
}

export interface CloudAssistantStatus {
  readonly instanceId: string;
  /** The agent is installed and reporting. */
  readonly running: boolean;
  /** Linux or Windows. */
  readonly osType: string;
  readonly version?: string;
}

export interface CloudAssistantService {
  /** RunCommand (RunShellScript), one call per 100 instances; every batch's invocation. */
  runScript(input: RunScriptInput, options?: CallOptions): Promise<ScriptInvocation[]>;
  /** Every instance record of one invocation (all pages). */
  invocationResults(regionId: string, invokeId: string, options?: CallOptions): Promise<InstanceScriptResult[]>;
  /** The agent's status on these instances (batches of 50). */
  cloudAssistantStatus(regionId: string, instanceIds: readonly string[], options?: CallOptions): Promise<CloudAssistantStatus[]>;
}
