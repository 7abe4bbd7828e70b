// Diagnose KMS Access as a readable document and as log lines. The checks' evidence never holds a
// secret (masked AccessKeyId only), so both may be shown and logged as they are. Pure: the caller passes
// how to show a Message (`l`: localize in the UI, english in tests).
import { english, text, type Localize } from '../util/message';
import type { CheckLine, DiagnosisReport } from './diagnosisTypes';
import { endpointKind } from './encryptReport';

// Plain marks that common fonts have (the panel uses the same), not emoji many Linux machines cannot draw.
const MARK: Record<CheckLine['status'], string> = { passed: '✔', failed: '✘', skipped: '↷' };

export function statusLabel(status: CheckLine['status'], l: Localize): string {
  return status === 'passed' ? l(text('passed')) : status === 'failed' ? l(text('failed')) : l(text('skipped'));
}

export function counts(report: DiagnosisReport): Record<CheckLine['status'], number> {
  const out = { passed: 0, failed: 0, skipped: 0 };
  for (const line of report.lines) out[line.status]++;
  return out;
}

export function renderDiagnosis(report: DiagnosisReport, l: Localize): string {
  const c = counts(report);
  const lines = [
    `# ${l(text('Diagnose KMS Access'))}: ${l(text('{0} passed, {1} failed, {2} skipped', c.passed, c.failed, c.skipped))}`,
    '',
    `- ${l(text('Time'))}: ${new Date(report.startedAt).toISOString()} (${Math.round(report.durationMs)} ms)`,
    `- ${l(text('Instance'))}: ${report.instanceId ?? '-'} · ${l(text('Role'))}: ${report.roleName ?? '-'}`,
    `- ${l(text('Key'))}: ${report.key ? `\`${report.key}\`` : '-'} · ${l(text('Region'))}: ${report.regionId}`,
    `- ${l(text('Endpoint'))}: ${report.kms.protocol}://${report.kms.endpoint} (${endpointKind(report.kms, l)})`,
    `- ${l(text('Management profile'))}: ${report.managementProfile ?? l(text('none'))}`,
    '',
  ];
  for (const line of report.lines) {
    lines.push(`## ${MARK[line.status]} ${l(line.title)} — ${statusLabel(line.status, l)}`, '');
    for (const evidence of line.evidence) lines.push(`- ${l(evidence)}`);
    if (line.fix) lines.push('', `**${l(text('Fix'))}:** ${l(line.fix)}${line.action ? ` (${l(line.action.label)})` : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** English, one line per check, for the log. */
export function diagnosisLogLines(report: DiagnosisReport): string[] {
  return report.lines.map((line) =>
    `diagnose ${line.id}: ${line.status.toUpperCase()} - ${line.evidence.map(english).join(' ')}${line.fix ? ` | fix: ${english(line.fix)}` : ''}`);
}
