// CloudError hints are English sentences: src/cloud shows no UI and has no vscode. Each constant hint is
// its own l10n key (test/unit/l10n-coverage.test.ts collects them from src/cloud), so the UI shows it
// with vscode.l10n.t(hint). The one hint built from the refused RAM action (errors.ts hintFor) is rebuilt
// here from templates and the error's accessDenied detail.
import * as vscode from 'vscode';
import type { AccessDeniedInfo } from '../cloud/types';

export function localizeHint(hint: string | undefined, accessDenied?: AccessDeniedInfo): string | undefined {
  if (!hint) return undefined;
  const action = accessDenied?.action;
  if (action && hint.startsWith('The caller lacks the permission ')) {
    const main = accessDenied.resource
      ? vscode.l10n.t('The caller lacks the permission {0} on {1}. Grant it with a RAM policy.', action, accessDenied.resource)
      : vscode.l10n.t('The caller lacks the permission {0}. Grant it with a RAM policy.', action);
    return action === 'ram:PassRole' ? `${main} ${vscode.l10n.t('Attaching a role to an instance also needs ram:PassRole on that role.')}` : main;
  }
  return vscode.l10n.t(hint);
}
