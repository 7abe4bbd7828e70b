// Diagnose KMS Access as a readable document and as log lines. The checks' evidence never holds a
// secret (masked AccessKeyId only), so both may be shown and logged as they are.
import * as vscode from 'vscode';
import type { CheckLine, DiagnosisReport } from './diagnosis/diagnosisTypes';
import { endpointKind } from './encryptReport';
import { english } from './localText';
import { localize } from './localize';

const MARK: Record<CheckLine['status'], string> = { passed: '✅', failed: '❌', skipped: '⏭️' };

export function statusLabel(status: CheckLine['status']): string {
  return status === 'passed' ? vscode.l10n.t('passed') : status === 'failed' ? vscode.l10n.t('failed') : vscode.l10n.t('skipped');
}

export function counts(report: DiagnosisReport): Record<CheckLine['status'], number> {
  const out = { passed: 0, failed: 0, skipped: 0 };
  for (const line of report.lines) out[line.status]++;
  return out;
}

export function renderDiagnosis(report: DiagnosisReport): string {
  const c = counts(report);
  const lines = [
    `# ${vscode.l10n.t('Diagnose KMS Access')}: ${vscode.l10n.t('{0} passed, {1} failed, {2} skipped', c.passed, c.failed, c.skipped)}`,
    '',
    `- ${vscode.l10n.t('Time')}: ${new Date(report.startedAt).toISOString()} (${Math.round(report.durationMs)} ms)`,
    `- ${vscode.l10n.t('Instance')}: ${report.instanceId ?? '-'} · ${vscode.l10n.t('Role')}: ${report.roleName ?? '-'}`,
    `- ${vscode.l10n.t('Key')}: ${report.key ? `\`${report.key}\`` : '-'} · ${vscode.l10n.t('Region')}: ${report.regionId}`,
    `- ${vscode.l10n.t('Endpoint')}: ${report.kms.protocol}://${report.kms.endpoint} (${endpointKind(report.kms)})`,
    `- ${vscode.l10n.t('Management profile')}: ${report.managementProfile ?? vscode.l10n.t('none')}`,
    '',
  ];
  for (const line of report.lines) {
    lines.push(`## ${MARK[line.status]} ${localize(line.title)} — ${statusLabel(line.status)}`, '');
    for (const evidence of line.evidence) lines.push(`- ${localize(evidence)}`);
    if (line.fix) lines.push('', `**${vscode.l10n.t('Fix')}:** ${localize(line.fix)}${line.action ? ` (${localize(line.action.label)})` : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** English, one line per check, for the log. */
export function diagnosisLogLines(report: DiagnosisReport): string[] {
  return report.lines.map((line) =>
    `diagnose ${line.id}: ${line.status.toUpperCase()} - ${line.evidence.map(english).join(' ')}${line.fix ? ` | fix: ${english(line.fix)}` : ''}`);
}
