import * as vscode from 'vscode';
import { formatPolicy, TRUSTED_SERVICES, trustPolicyFor } from '../policy/trustPolicy';
import { validateAccountId } from '../policy/validation';
import type { CommandContext } from './commandContext';
import { UserCancelledError } from './runCommand';
import { localize } from './wizard/confirmWithCli';

const ACCOUNTS = '$accounts';

function parseAccounts(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/**
 * Opens an untitled JSON document with a trust policy: for the chosen services (ECS preselected) and,
 * optionally, Alibaba Cloud accounts whose RAM identities may assume the role. Ready to save as
 * *.trust-policy.json (schema and diagnostics apply) or to use with CreateRole.
 */
export async function generateTrustPolicy(ctx: CommandContext): Promise<void> {
  const picked = await ctx.ui.showQuickPick(
    [
      ...TRUSTED_SERVICES.map((s) => ({ label: s.principal, description: s.label, picked: s.principal === 'ecs.aliyuncs.com', id: s.principal })),
      { label: vscode.l10n.t('Alibaba Cloud accounts…'), description: vscode.l10n.t('RAM users and roles of these accounts may assume the role'), id: ACCOUNTS },
    ],
    { title: vscode.l10n.t('Generate Trust Policy: who may assume the role?'), canPickMany: true },
  );
  if (!picked || picked.length === 0) throw new UserCancelledError();
  let accounts: string[] = [];
  if (picked.some((p) => p.id === ACCOUNTS)) {
    const text = await ctx.ui.showInputBox({
      title: vscode.l10n.t('Generate Trust Policy: trusted accounts'),
      prompt: vscode.l10n.t('Account ids, separated by commas or spaces (e.g. 1234567890123456).'),
      validateInput: (v) => {
        const ids = parseAccounts(v);
        if (ids.length === 0) return vscode.l10n.t('Enter at least one account id.');
        for (const id of ids) { const p = validateAccountId(id); if (p) return localize(p); }
        return undefined;
      },
    });
    if (text === undefined) throw new UserCancelledError();
    accounts = parseAccounts(text);
  }
  const services = picked.filter((p) => p.id !== ACCOUNTS).map((p) => p.id);
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: formatPolicy(trustPolicyFor({ services, accounts })) + '\n' });
  await vscode.window.showTextDocument(document);
}
