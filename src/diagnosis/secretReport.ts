// The Test Secret Read report: the version, stages and type, the value only as the caller passes it
// (masked unless the user revealed it), and on a failure the explanation and the fix. Pure: `l` shows a Message.
import { text, type Localize } from '../util/message';
import type { KmsEndpointInfo } from './diagnosisTypes';
import { endpointKind, explanationLines } from './encryptReport';
import type { KmsFailureExplanation } from './explainKmsFailure';
import type { SecretReadResult } from './kmsRoundTrip';

export interface SecretReportInput {
  readonly roleName: string;
  readonly result: SecretReadResult;
  readonly kms: KmsEndpointInfo;
  /** The value as shown: masked, or revealed after the user confirmed; absent on a failure. */
  readonly shownValue?: string;
  readonly explanation?: KmsFailureExplanation;
}

export function renderSecretReport({ roleName, result: r, kms, shownValue, explanation }: SecretReportInput, l: Localize): string {
  const call = r.call;
  const lines = [
    `# ${l(text('Test Secret Read'))}: ${call.ok ? l(text('PASSED')) : l(text('FAILED'))}`,
    '',
    `- ${l(text('Credential'))}: ${l(text('instance RAM role {0}', roleName))}`,
    `- ${l(text('Secret'))}: \`${r.secretName}\``,
    `- ${l(text('Region'))}: ${r.regionId}`,
    `- ${l(text('Endpoint'))}: ${kms.protocol}://${kms.endpoint} (${endpointKind(kms, l)})`,
    `- GetSecretValue: ${Math.round(call.latencyMs)} ms, RequestId \`${call.requestId ?? call.error?.requestId ?? '-'}\`${call.ok ? '' : `, ${call.error?.code}`}`,
  ];
  if (call.ok) {
    lines.push(
      `- ${l(text('Version'))}: \`${r.versionId ?? '-'}\``,
      `- ${l(text('Stages'))}: ${r.versionStages.join(', ') || '-'}`,
      `- ${l(text('Type'))}: ${r.secretType ?? '-'} / ${r.secretDataType ?? '-'}`,
      `- ${l(text('Value'))}: \`${shownValue ?? '-'}\``,
    );
  }
  if (explanation) lines.push(...explanationLines(explanation, l));
  return lines.join('\n') + '\n';
}

