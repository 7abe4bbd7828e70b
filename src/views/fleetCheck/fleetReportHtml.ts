// The fleet check report as HTML for a webview: a summary, one row per instance (passed / failed with
// code, RequestId, the explanation and its fix button), the skipped instances with their reason, and
// "Re-run Failed". Everything from the cloud is HTML-escaped; only the nonce'd script runs. The marks are
// plain symbols (✔ ✘ ↷) that common fonts have, not emoji, which many Linux machines cannot draw.
import * as vscode from 'vscode';
import { localize } from '../../util/localize';
import { escapeHtml, reportPage } from '../common/html';
import type { FleetVerdict } from '../../workflows/fleet/fleetVerdict';
import type { FleetReportModel } from './fleetReportModel';


const name = (v: { instance: { instanceId: string; instanceName?: string } }) =>
  escapeHtml(v.instance.instanceName ? `${v.instance.instanceName} (${v.instance.instanceId})` : v.instance.instanceId);

function detail(v: FleetVerdict): string {
  const r = v.report;
  if (!r) return '';
  const calls = (r.calls ?? []).map((c) => `${c.action} ${c.status}${c.code ? ` ${c.code}` : ''} ${c.ms ?? '-'} ms${c.requestId ? ` RequestId ${c.requestId}` : ''}`);
  const network = (r.network ?? []).map((n) => `${n.endpoint}: DNS ${n.dns.ok ? 'ok' : n.dns.error ?? '-'}, TCP ${n.tcp.ok ? `ok ${n.tcp.ms} ms` : n.tcp.error ?? '-'}`);
  const lines = [
    r.role ? `${vscode.l10n.t('Role')}: ${r.role}` : '', r.expiration ? `${vscode.l10n.t('Credential expires')}: ${r.expiration}` : '',
    r.endpoint ? `${vscode.l10n.t('Endpoint')}: ${r.endpoint}` : '', ...network, ...calls,
  ].filter(Boolean);
  return `<div class="detail">${lines.map(escapeHtml).join('<br>')}</div>`;
}

function row(v: FleetVerdict, index: number): string {
  if (v.status === 'passed') {
    return `<tr class="pass"><td>✔ ${escapeHtml(vscode.l10n.t('Passed'))}</td><td>${name(v)}</td><td>${detail(v)}</td></tr>`;
  }
  const e = v.explanation;
  const button = e.remedy === 'grantKmsAccess' && v.report?.role
    ? `<button data-kind="grant" data-index="${index}">${escapeHtml(vscode.l10n.t('Grant KMS Access'))}</button>`
    : e.remedy === 'attachRole' ? `<button data-kind="attach" data-index="${index}">${escapeHtml(vscode.l10n.t('Attach Role'))}</button>` : '';
  return `<tr class="fail"><td>✘ ${escapeHtml(vscode.l10n.t('Failed'))}<br><code>${escapeHtml(v.code)}</code></td><td>${name(v)}`
    + `${e.requestId ? `<br>RequestId <code>${escapeHtml(e.requestId)}</code>` : ''}</td>`
    + `<td>${escapeHtml(localize(e.summary))}<br><b>${escapeHtml(vscode.l10n.t('Fix'))}:</b> ${escapeHtml(localize(e.fix))} ${button}${detail(v)}</td></tr>`;
}

function stateLine(m: FleetReportModel): string {
  const passed = m.verdicts.filter((v) => v.status === 'passed').length;
  const failed = m.verdicts.length - passed;
  const counts = vscode.l10n.t('{0} passed, {1} failed, {2} skipped, {3} still running', passed, failed, m.skipped.length, m.total - m.verdicts.length);
  const state = m.state === 'running' ? vscode.l10n.t('Running…') : m.state === 'done' ? vscode.l10n.t('Finished')
    : m.state === 'cancelled' ? vscode.l10n.t('Cancelled: polling stopped') : vscode.l10n.t('Stopped waiting: the check timed out');
  return `${escapeHtml(state)} — ${escapeHtml(counts)}`;
}

export function renderFleetReport(m: FleetReportModel, nonce: string, cspSource: string): string {
  const failed = m.verdicts.some((v) => v.status === 'failed');
  const unfinished = m.unfinished.length > 0
    ? `<p class="warn">${escapeHtml(vscode.l10n.t('These invocations may still be running on the instances (see Cloud Assistant in the ECS console): {0}',
      m.unfinished.map((u) => `${u.invokeId} (${u.instanceIds.join(', ')})`).join('; ')))}</p>` : '';
  const skipped = m.skipped.map((s) => `<tr class="skip"><td>↷ ${escapeHtml(vscode.l10n.t('Skipped'))}</td><td>${name(s)}</td><td>${escapeHtml(localize(s.because))}</td></tr>`);
  const target = m.secretName ? `${m.keyId} · ${vscode.l10n.t('secret')} ${m.secretName}` : m.keyId;
  return reportPage(`<h2>${escapeHtml(vscode.l10n.t('KMS access on instances'))}</h2>
<p>${escapeHtml(vscode.l10n.t('Key {0} in {1}', target, m.regionId))}</p>
<p id="state">${stateLine(m)}</p>${unfinished}
${failed && m.state !== 'running' ? `<p><button data-kind="rerunFailed">${escapeHtml(vscode.l10n.t('Re-run Failed'))}</button></p>` : ''}
<table>${m.verdicts.map(row).join('')}${skipped.join('')}</table>`, nonce, cspSource);
}
