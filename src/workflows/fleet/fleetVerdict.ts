// The verdict of one instance's check, from what Cloud Assistant returned: passed, or failed with the
// error code and the SAME explanation and fix as Test Encrypt (explainKmsFailure), or — when the
// script never ran — Cloud Assistant's own reason.
import { CloudError, type EcsInstance, type InstanceScriptResult } from '../../cloud/types';
import { explainKmsFailure, type KmsFailureExplanation } from '../../diagnosis/explainKmsFailure';
import { text } from '../../util/message';
import type { FleetCheckTarget } from './fleetScript';

/** One KMS call as the script reports it (no secret: codes, statuses, RequestIds, latencies). */
export interface ScriptCall { readonly action: string; readonly status: number; readonly code?: string; readonly requestId?: string; readonly ms?: number }
export interface ScriptProbe { readonly endpoint: string; readonly dns: { ok?: boolean; ms?: number; error?: string }; readonly tcp: { ok?: boolean; ms?: number; error?: string } }

/** The script's one line of JSON. */
export interface ScriptReport {
  readonly ok: boolean;
  readonly code?: string;
  readonly action?: string;
  readonly role?: string;
  readonly expiration?: string;
  readonly region?: string;
  readonly endpoint?: string;
  readonly metadata?: Readonly<Record<string, number>>;
  readonly calls?: readonly ScriptCall[];
  readonly network?: readonly ScriptProbe[];
}

export type FleetVerdict =
  | { readonly status: 'passed'; readonly instance: EcsInstance; readonly report: ScriptReport }
  | { readonly status: 'failed'; readonly instance: EcsInstance; readonly code: string; readonly explanation: KmsFailureExplanation; readonly report?: ScriptReport };

/** The last line of the output that is the script's JSON (anything the shell printed before is ignored). */
export function parseScriptReport(output: string): ScriptReport | undefined {
  for (const line of output.trim().split('\n').reverse()) {
    try {
      const value = JSON.parse(line) as { v?: unknown };
      if (value && typeof value === 'object' && value.v === 1) return value as ScriptReport;
    } catch {
      // not the JSON line
    }
  }
  return undefined;
}

/** Python's connection errors as the network codes explainKmsFailure knows. */
const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  gaierror: 'ENOTFOUND', ConnectionRefusedError: 'ECONNREFUSED', timeout: 'ETIMEDOUT', TimeoutError: 'ETIMEDOUT',
  ConnectionResetError: 'ECONNRESET', OSError: 'EHOSTUNREACH',
};

function unreachableCode(report: ScriptReport): string {
  const last = report.network?.[report.network.length - 1];
  const error = last?.dns.ok === false ? last.dns.error : last?.tcp.error;
  return NETWORK_ERRORS[error ?? ''] ?? 'EHOSTUNREACH';
}

/** Cloud Assistant's reason when the script did not run or did not finish. */
function assistantFailure(result: InstanceScriptResult, timeoutSeconds: number): KmsFailureExplanation {
  const code = result.errorCode ?? result.invocationStatus;
  if (code === 'ClientNotRunning' || code === 'ClientNotResponse') {
    return { code, summary: text('Cloud Assistant is not installed or not running on this instance.'), fix: text('Install or start the Cloud Assistant agent (ECS console: Cloud Assistant), then run the check again.') };
  }
  if (code === 'CommandNotApplicable') {
    return { code, summary: text('The check is a shell script and cannot run on this instance (Windows?).'), fix: text('Check this instance from a Linux instance in the same VPC, or with Test Encrypt over Remote-SSH.') };
  }
  if (code === 'ExecutionTimeout' || result.invocationStatus === 'Timeout') {
    return { code, summary: text('The check did not finish within {0} seconds.', timeoutSeconds), fix: text('A KMS endpoint or the metadata service may be unreachable from this instance (a security group or route dropping packets). Look at its network settings.') };
  }
  return { code, summary: text('Cloud Assistant could not run the check ({0}): {1}', code, result.errorInfo ?? ''), fix: text('See the invocation in the ECS console (Cloud Assistant) for details.') };
}

export function verdictOf(instance: EcsInstance, result: InstanceScriptResult, target: FleetCheckTarget, timeoutSeconds: number): FleetVerdict {
  const report = parseScriptReport(result.output);
  if (!report) return { status: 'failed', instance, code: result.errorCode ?? result.invocationStatus, explanation: assistantFailure(result, timeoutSeconds) };
  if (report.ok) return { status: 'passed', instance, report };
  const failed = [...(report.calls ?? [])].reverse().find((c) => c.code);
  const code = report.code === 'EndpointUnreachable' ? unreachableCode(report) : report.code ?? 'Error';
  const endpoint = report.endpoint ?? report.network?.[report.network.length - 1]?.endpoint ?? '';
  const error = new CloudError({
    code, requestId: failed?.requestId || undefined, httpStatus: failed?.status || undefined,
    message: code === 'Metadata.Unavailable' ? `the metadata service answered ${JSON.stringify(report.metadata ?? {})}` : code,
  });
  const secret = report.action === 'GetSecretValue';
  const explanation = explainKmsFailure(error, {
    action: `kms:${report.action ?? 'Encrypt'}`, principal: report.role ?? '', isInstanceRole: true,
    resource: secret ? target.secretName ?? '' : target.keyId, resourceKind: secret ? 'secret' : 'key',
    regionId: report.region ?? target.regionId, endpoint: endpoint.replace(/^https?:\/\//, ''), vpcEndpoint: endpoint === report.network?.[0]?.endpoint,
  });
  return { status: 'failed', instance, code, explanation, report };
}
