import * as vscode from 'vscode';
import type { CloudServices, RamPolicy } from '../cloud/types';
import type { CommandContext } from './commandContext';
import { UserCancelledError } from './runCommand';

/** A quick pick of the account's custom policies (one ListPolicies page stream); attached ones say how often. */
export async function pickCustomPolicy(ctx: CommandContext, services: CloudServices, title: string, filter: (p: RamPolicy) => boolean = () => true): Promise<string> {
  const items = (async () => {
    const out: vscode.QuickPickItem[] = [];
    for await (const p of services.ram.listPolicies({ policyType: 'Custom' })) {
      if (!filter(p)) continue;
      out.push({ label: p.policyName, description: p.attachmentCount ? vscode.l10n.t('attached {0} time(s)', p.attachmentCount) : vscode.l10n.t('not attached'), detail: p.description });
    }
    return out;
  })();
  const picked = await ctx.ui.showQuickPick(items, { title, matchOnDescription: true });
  if (!picked) throw new UserCancelledError();
  return picked.label;
}
