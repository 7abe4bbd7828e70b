// The Test Encrypt report: per call the latency, RequestId, key id and version, the endpoint; on a
// failure the explanation and the fix. Never the plaintext or the ciphertext.
import * as vscode from 'vscode';
import type { KmsEndpointInfo } from './diagnosis/diagnosisTypes';
import type { KmsFailureExplanation } from './explainKmsFailure';
import type { RoundTripResult, TimedCall } from './kmsRoundTrip';
import { localize } from './localize';

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

export function endpointKind(kms: KmsEndpointInfo): string {
  return kms.overridden ? vscode.l10n.t('set by alicloudKms.endpoints') : kms.vpc ? vscode.l10n.t('VPC endpoint') : vscode.l10n.t('public endpoint');
}

function callLine(call: TimedCall): string {
  const ms = `${Math.round(call.latencyMs)} ms`;
  if (call.ok) {
    return `| ${call.api} | ✅ | ${ms} | \`${call.requestId ?? '-'}\` | \`${call.keyId ?? '-'}\` | \`${call.keyVersionId ?? '-'}\` |`;
  }
  return `| ${call.api} | ❌ ${call.error?.code ?? ''} | ${ms} | \`${call.error?.requestId ?? '-'}\` | - | - |`;
}

export function renderEncryptReport(r: EncryptReportInput): string {
  const verdict = r.result.failed
    ? vscode.l10n.t('FAILED at {0}', r.result.failed.api)
    : r.result.matches ? vscode.l10n.t('PASSED: Decrypt returned the original plaintext') : vscode.l10n.t('FAILED: Decrypt returned a different plaintext');
  const lines = [
    `# ${vscode.l10n.t('Test Encrypt')}: ${verdict}`,
    '',
    `- ${vscode.l10n.t('Credential')}: ${r.credential}`,
    `- ${vscode.l10n.t('Key')}: \`${r.key}\``,
    `- ${vscode.l10n.t('Region')}: ${r.regionId}`,
    `- ${vscode.l10n.t('Endpoint')}: ${r.kms.protocol}://${r.kms.endpoint} (${endpointKind(r.kms)})`,
    `- ${vscode.l10n.t('Plaintext')}: ${vscode.l10n.t('{0} characters (not shown)', r.plaintextLength)}`,
    `- EncryptionContext: ${r.encryptionContextKeys.length ? vscode.l10n.t('keys {0}', r.encryptionContextKeys.join(', ')) : vscode.l10n.t('none')}`,
    '',
    `| ${vscode.l10n.t('Call')} | ${vscode.l10n.t('Result')} | ${vscode.l10n.t('Latency')} | RequestId | ${vscode.l10n.t('Key id')} | ${vscode.l10n.t('Key version')} |`,
    '|---|---|---|---|---|---|',
    ...r.result.calls.map(callLine),
  ];
  if (r.explanation) {
    lines.push('', `## ${vscode.l10n.t('Why it failed')}`, '', localize(r.explanation.summary), '', `**${vscode.l10n.t('Fix')}:** ${localize(r.explanation.fix)}`);
  }
  return lines.join('\n') + '\n';
}
