import * as vscode from 'vscode';
import { callerIdentity } from '../session/callerIdentity';
import type { CloudSession } from '../session/cloudSession';
import { COMMAND } from '../commandIds';
import { mdCode, mdText } from './common/markdown';

/** Status bar item: the active profile and default region; its tooltip says who the profile is; click switches. */
export function createProfileStatusBar(session: CloudSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('alicloudKms.profile', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Alibaba Cloud Profile');
  item.command = COMMAND.selectProfile;
  let generation = 0;
  const update = async () => {
    const mine = ++generation;
    const services = await session.getServices().catch(() => undefined);
    if (mine !== generation) return;
    if (!services) {
      item.text = `$(cloud) ${vscode.l10n.t('Alibaba Cloud: no profile')}`;
      item.tooltip = vscode.l10n.t('Select a profile or add an AccessKey');
      item.show();
      return;
    }
    item.text = `$(cloud) ${services.profile.name} · ${services.regionId}`;
    item.tooltip = vscode.l10n.t('Profile {0} ({1}), region {2}. Click to switch.', services.profile.name, services.profile.kind, services.regionId);
    item.show();
    try {
      const identity = await callerIdentity(services);
      if (mine === generation) {
        item.tooltip = new vscode.MarkdownString(
          `${mdText(vscode.l10n.t('Profile {0} ({1}), region {2}. Click to switch.', services.profile.name, services.profile.kind, services.regionId))}\n\n` +
            `${mdText(vscode.l10n.t('Account'))}: ${mdCode(identity.accountId)}  \n${mdText(identity.identityType)}: ${mdCode(identity.arn)}`,
        );
      }
    } catch {
      // The tooltip keeps the profile line; the views show the error with its code and hint.
    }
  };
  void update();
  return vscode.Disposable.from(item, session.onDidChange(() => void update()));
}
