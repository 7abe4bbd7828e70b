// The Test Encrypt report: per call the latency, RequestId, key id and version, the endpoint; on a
// failure the explanation and the fix. Never the plaintext or the ciphertext. Pure: `l` shows a Message.
import { text, type Localize } from '../util/message';
import type { KmsEndpointInfo } from './diagnosisTypes';
import type { KmsFailureExplanation } from './explainKmsFailure';
import type { RoundTripResult, TimedCall } from './kmsRoundTrip';

export interface EncryptReportInput {
  readonly credential: string;
  readonly key: string;
  readonly regionId: string;
  readonly kms: KmsEndpointInfo;
  readonly plaintextLength: number;
  readonly encryptionContextKeys: readonly string[];
  readonly result: RoundTripResult;
  readonly explanation?: KmsFailureExplanation;
}

export function endpointKind(kms: KmsEndpointInfo, l: Localize): string {
  return kms.overridden ? l(text('set by alicloudKms.endpoints')) : kms.vpc ? l(text('VPC endpoint')) : l(text('public endpoint'));
}

// Plain marks (✔ ✘) that common fonts have, not emoji, which many Linux machines cannot draw (the report panel).
function callLine(call: TimedCall): string {
  const ms = `${Math.round(call.latencyMs)} ms`;
  if (call.ok) {
    return `| ${call.api} | ✔ | ${ms} | \`${call.requestId ?? '-'}\` | \`${call.keyId ?? '-'}\` | \`${call.keyVersionId ?? '-'}\` |`;
  }
  return `| ${call.api} | ✘ ${call.error?.code ?? ''} | ${ms} | \`${call.error?.requestId ?? '-'}\` | - | - |`;
}

export function renderEncryptReport(r: EncryptReportInput, l: Localize): string {
  const verdict = r.result.failed
    ? l(text('FAILED at {0}', r.result.failed.api))
    : r.result.matches ? l(text('PASSED: Decrypt returned the original plaintext')) : l(text('FAILED: Decrypt returned a different plaintext'));
  const lines = [
    `# ${l(text('Test Encrypt'))}: ${verdict}`,
    '',
    `- ${l(text('Credential'))}: ${r.credential}`,
    `- ${l(text('Key'))}: \`${r.key}\``,
    `- ${l(text('Region'))}: ${r.regionId}`,
    `- ${l(text('Endpoint'))}: ${r.kms.protocol}://${r.kms.endpoint} (${endpointKind(r.kms, l)})`,
    `- ${l(text('Plaintext'))}: ${l(text('{0} characters (not shown)', r.plaintextLength))}`,
    `- EncryptionContext: ${r.encryptionContextKeys.length ? l(text('keys {0}', r.encryptionContextKeys.join(', '))) : l(text('none'))}`,
    '',
    `| ${l(text('Call'))} | ${l(text('Result'))} | ${l(text('Latency'))} | RequestId | ${l(text('Key id'))} | ${l(text('Key version'))} |`,
    '|---|---|---|---|---|---|',
    ...r.result.calls.map(callLine),
  ];
  if (r.explanation) lines.push(...explanationLines(r.explanation, l));
  return lines.join('\n') + '\n';
}

/** Why a call failed and the fix, as the last section of a report. */
export function explanationLines(explanation: KmsFailureExplanation, l: Localize): string[] {
  return ['', `## ${l(text('Why it failed'))}`, '', l(explanation.summary), '', `**${l(text('Fix'))}:** ${l(explanation.fix)}`];
}
