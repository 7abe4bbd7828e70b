import * as vscode from 'vscode';
import { COMMAND } from '../../commandIds';
import { NEAR_EXPIRY_MS } from '../../diagnosis/instanceSnapshot';
import { formatDuration } from '../../util/duration';
import { localize } from '../../util/localize';
import { credentialFields } from './credentialPresentation';
import type { InstanceCredentialModel } from './instanceCredentialModel';

/**
 * The instance credential in the status bar (on ECS only): role and countdown, or the problem.
 * Click: Show Instance Credential. `tick()` repaints the countdown.
 */
export class CredentialStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('alicloudKms.instanceCredential', vscode.StatusBarAlignment.Left, 49);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: InstanceCredentialModel) {
    this.item.name = vscode.l10n.t('Alibaba Cloud Instance Credential');
    this.item.command = COMMAND.showInstanceCredential;
    this.subscription = model.onDidChange(() => this.update());
  }

  update(): void {
    const s = this.model.current;
    if (!s || !s.onEcs) {
      this.item.hide();
      return;
    }
    const now = Date.now();
    const c = s.credential;
    if (c) {
      const left = c.expirationMs - now;
      this.item.text = `$(shield) ${c.roleName} · ${left > 0 ? formatDuration(left) : vscode.l10n.t('expired')}`;
      this.item.backgroundColor = left < NEAR_EXPIRY_MS ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    } else {
      this.item.text = `$(warning) ${s.problem?.kind === 'noRole' ? vscode.l10n.t('No instance role') : vscode.l10n.t('Instance credential: problem')}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    }
    const tooltip = new vscode.MarkdownString();
    if (s.problem) tooltip.appendMarkdown(`**${localize(s.problem.message)}**\n\n${s.problem.fix ? localize(s.problem.fix) : ''}\n\n`);
    for (const f of credentialFields(s, now)) tooltip.appendMarkdown(`${f.label}: \`${f.value}\`  \n`);
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
