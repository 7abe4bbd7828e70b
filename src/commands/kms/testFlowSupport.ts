// Shared steps of the instance tests: is there a usable instance credential (else say why, with the
// fix), run with a cancellable progress, and offer the command that fixes a failure.
import * as vscode from 'vscode';
import { CloudCancelledError, type CloudServices } from '../../cloud/types';
import { COMMAND } from '../../commandIds';
import type { KmsEndpointInfo } from '../../diagnosis/diagnosisTypes';
import type { KmsFailureExplanation } from '../../diagnosis/explainKmsFailure';
import { keyIdOf, roleRef } from '../../diagnosis/fixActions';
import { localize } from '../../util/localize';
import type { CommandContext } from '../commandContext';

export type InstanceReady =
  | { ok: true; roleName: string; regionId: string; instanceId: string }
  | { ok: false; reason: string; offered: string[] };

/** The instance credential must be readable; otherwise the user is told why and offered the fix. */
export async function instanceReady(ctx: CommandContext, purpose: 'testEncrypt' | 'testSecretRead'): Promise<InstanceReady> {
  // Read again (through the credential cache: no extra fetch while it is fresh) so the role named
  // in a result is the one attached now.
  const s = await ctx.instance.refresh();
  if (s.onEcs && s.credential && s.identity) {
    return { ok: true, roleName: s.credential.roleName, regionId: s.identity.regionId, instanceId: s.identity.instanceId };
  }
  const buttons: { label: string; run: () => Thenable<unknown> }[] = [];
  if (!s.onEcs && purpose === 'testEncrypt') {
    buttons.push({ label: vscode.l10n.t('Test Encrypt as Profile'), run: () => vscode.commands.executeCommand(COMMAND.testEncryptAsProfile) });
  }
  const action = s.problem?.action;
  if (action) buttons.push({ label: localize(action.label), run: () => vscode.commands.executeCommand(action.command, ...(action.args ?? [])) });
  const message = s.problem ? `${localize(s.problem.message)} ${s.problem.fix ? localize(s.problem.fix) : ''}` : vscode.l10n.t('The instance credential is not available.');
  ctx.log.warn(`${purpose}: no usable instance credential: ${s.problem?.kind ?? 'unknown'}${s.problem?.detail ? ` [${s.problem.detail}]` : ''}`);
  void ctx.ui.showWarningMessage(message, {}, ...buttons.map((b) => b.label)).then((choice) => buttons.find((b) => b.label === choice)?.run());
  return { ok: false, reason: s.problem?.kind ?? 'unavailable', offered: buttons.map((b) => b.label) };
}

/** Runs `task` under a cancellable notification progress; cancelling aborts the calls. */
export function withCancellableProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const result = await task(controller.signal);
      if (controller.signal.aborted) throw new CloudCancelledError();
      return result;
    } finally {
      subscription.dispose();
    }
  });
}

export interface RemedyContext {
  /** The instance role, when the failing credential was the instance's. */
  readonly roleName?: string;
  readonly keyId?: string;
  readonly regionId: string;
  readonly management?: CloudServices;
  readonly kms: KmsEndpointInfo;
}

/** A button offered with a failure; `command`/`args` when it runs a command (what the tests check). */
export interface OfferedAction {
  readonly label: string;
  readonly command?: string;
  readonly args?: readonly unknown[];
}

/** A fix offered with a failure: what it runs (`command`/`args`, what the tests check) and how. */
export type RemedyButton = OfferedAction & { readonly run: () => Thenable<unknown> };

/** The buttons that fix this failure (the command for the remedy, if it applies here), then "Show Log". */
export function remedyButtons(ctx: CommandContext, explanation: KmsFailureExplanation, c: RemedyContext): RemedyButton[] {
  const buttons: RemedyButton[] = [];
  const command = (label: string, id: string, ...args: unknown[]) => buttons.push({ label, command: id, args, run: () => vscode.commands.executeCommand(id, ...args) });
  switch (explanation.remedy) {
    case 'grantKmsAccess':
      if (c.roleName && c.management) {
        command(vscode.l10n.t('Grant KMS Access'), COMMAND.grantKmsAccess, roleRef(c.roleName, c.keyId ? { keyId: c.keyId, regionId: c.regionId } : undefined));
      }
      break;
    case 'otherEndpoint':
      if (!c.kms.overridden) {
        buttons.push({
          label: c.kms.vpc ? vscode.l10n.t('Use the Public Endpoint') : vscode.l10n.t('Use the VPC Endpoint'),
          run: () => vscode.workspace.getConfiguration('alicloudKms').update('kmsVpcEndpoint', !c.kms.vpc, vscode.ConfigurationTarget.Global),
        });
      }
      break;
    case 'refreshCredential':
      command(vscode.l10n.t('Refresh'), COMMAND.refreshInstanceCredential);
      break;
    case 'attachRole':
      command(vscode.l10n.t('Attach a Role…'), COMMAND.attachRole);
      break;
    case 'checkClock':
      command(vscode.l10n.t('Diagnose KMS Access'), COMMAND.diagnose);
      break;
    case 'enableKey': {
      const keyId = c.keyId && keyIdOf(c.keyId);
      if (keyId && c.management) command(vscode.l10n.t('Enable Key'), COMMAND.enableKey, { kind: 'key', regionId: c.regionId, keyId });
      break;
    }
  }
  const showLog = vscode.l10n.t('Show Log');
  buttons.push({ label: showLog, run: async () => ctx.log.show(true) });
  return buttons;
}

/** Shows the failure in one notification with the buttons that fix it; returns the buttons offered. */
export function offerRemedy(ctx: CommandContext, explanation: KmsFailureExplanation, buttons: readonly RemedyButton[]): OfferedAction[] {
  const request = explanation.requestId ? ` (RequestId ${explanation.requestId})` : '';
  const message = `${localize(explanation.summary)} ${localize(explanation.fix)}${request}`;
  void ctx.ui.showWarningMessage(message, {}, ...buttons.map((b) => b.label)).then((choice) => buttons.find((b) => b.label === choice)?.run());
  return buttons.map(({ label, command: id, args }) => ({ label, command: id, args }));
}
