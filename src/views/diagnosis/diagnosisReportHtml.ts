// Diagnose KMS Access as HTML for a webview: the summary, then one row per check (✔ passed, ✘ failed,
// ↷ skipped) with its evidence, the fix in words and, where a command applies it, a button; and
// "Re-run Diagnose". The evidence holds no secret (masked AccessKeyId only); everything is HTML-escaped.
import * as vscode from 'vscode';
import { counts, statusLabel } from '../../diagnosis/diagnosisReport';
import type { CheckLine, DiagnosisReport } from '../../diagnosis/diagnosisTypes';
import { endpointKind } from '../../diagnosis/encryptReport';
import { localize } from '../../util/localize';
import { escapeHtml, reportPage } from '../common/html';

const MARK: Record<CheckLine['status'], string> = { passed: '✔', failed: '✘', skipped: '↷' };

/** A button of the report: a fix (`index` into the report's lines), re-run, the report as Markdown, or copied. */
export type DiagnosisReportAction = { readonly kind: 'fix'; readonly index: number } | { readonly kind: 'rerun' } | { readonly kind: 'markdown' } | { readonly kind: 'copy' };

export function isDiagnosisReportAction(value: unknown): value is DiagnosisReportAction {
  const v = value as { kind?: unknown; index?: unknown } | undefined;
  return v?.kind === 'rerun' || v?.kind === 'markdown' || v?.kind === 'copy' || (v?.kind === 'fix' && Number.isInteger(v.index));
}

function row(line: CheckLine, index: number): string {
  const evidence = line.evidence.map((e) => escapeHtml(localize(e))).join('<br>');
  const button = line.status === 'failed' && line.action
    ? ` <button data-kind="fix" data-index="${index}">${escapeHtml(localize(line.action.label))}</button>` : '';
  const fix = line.fix && line.status !== 'passed' ? `<br><b>${escapeHtml(vscode.l10n.t('Fix'))}:</b> ${escapeHtml(localize(line.fix))}${button}` : '';
  return `<tr class="${line.status}" data-check="${line.id}"><td>${MARK[line.status]} ${escapeHtml(statusLabel(line.status, localize))}</td>`
    + `<td>${escapeHtml(localize(line.title))}</td><td>${evidence}${fix}</td></tr>`;
}

export function renderDiagnosisHtml(report: DiagnosisReport, nonce: string, cspSource: string, running = false): string {
  const c = counts(report);
  const facts = [
    `${vscode.l10n.t('Instance')}: ${report.instanceId ?? '-'} · ${vscode.l10n.t('Role')}: ${report.roleName ?? '-'}`,
    `${vscode.l10n.t('Key')}: ${report.key ?? '-'} · ${vscode.l10n.t('Region')}: ${report.regionId}`,
    `${vscode.l10n.t('Endpoint')}: ${report.kms.protocol}://${report.kms.endpoint} (${endpointKind(report.kms, localize)})`,
    `${vscode.l10n.t('Management profile')}: ${report.managementProfile ?? vscode.l10n.t('none')}`,
  ];
  const summary = running ? vscode.l10n.t('Running again…') : vscode.l10n.t('{0} passed, {1} failed, {2} skipped', c.passed, c.failed, c.skipped);
  return reportPage(`<h2>${escapeHtml(vscode.l10n.t('Diagnose KMS Access'))}</h2>
<p id="state">${escapeHtml(summary)}</p>
<p class="detail">${facts.map(escapeHtml).join('<br>')}</p>
<p><button data-kind="rerun"${running ? ' disabled' : ''}>${escapeHtml(vscode.l10n.t('Re-run Diagnose'))}</button><button data-kind="markdown">${escapeHtml(vscode.l10n.t('Open as Markdown'))}</button><button data-kind="copy">${escapeHtml(vscode.l10n.t('Copy Report'))}</button></p>
<table>${report.lines.map(row).join('')}</table>`, nonce, cspSource);
}
