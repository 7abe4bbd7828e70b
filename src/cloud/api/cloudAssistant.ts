// CloudAssistantService: run a shell script on ECS instances through Cloud Assistant and read the
// per-instance results (ECS RunCommand, DescribeInvocations, DescribeInvocationResults, DescribeCloudAssistantStatus).
import type { CallOptions } from './host';

/** Documented maxima: RunCommand takes up to 100 instances; DescribeInvocationResults pages hold up to 50 records. */
export const RUN_COMMAND_MAX_INSTANCES = 100;
export const RESULTS_PAGE_SIZE = 50;

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

/** One instance's state in an invocation, as DescribeInvocations lists it (no output). */
export interface InstanceInvokeState {
  readonly invokeId: string;
  readonly instanceId: string;
  /** True once the instance's record will not change any more. */
  readonly finished: boolean;
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
  /**
   * The per-instance state of every invocation of commands with this name (DescribeInvocations,
   * CommandName filter, 50 invocations a page, without output): one call covers up to 50 RunCommand
   * batches, i.e. 5,000 instances.
   */
  invocationStates(regionId: string, commandName: string, options?: CallOptions): Promise<InstanceInvokeState[]>;
  /** Every instance record of one invocation with its output (DescribeInvocationResults, all pages of 50). */
  invocationResults(regionId: string, invokeId: string, options?: CallOptions): Promise<InstanceScriptResult[]>;
  /** The agent's status on these instances (batches of 50). */
  cloudAssistantStatus(regionId: string, instanceIds: readonly string[], options?: CallOptions): Promise<CloudAssistantStatus[]>;
}
