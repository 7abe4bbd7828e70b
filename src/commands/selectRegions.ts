import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';
import { chosenRegions } from '../views/regions';
import { UserCancelledError } from './runCommand';

/** Chooses the regions the ECS and KMS views show (none chosen = every region that has resources). */
export async function selectRegions(ctx: CommandContext): Promise<void> {
  const services = await requireServices(ctx);
  const current = new Set(chosenRegions());
  const items = services.ecs.describeRegions().then((regions) =>
    regions.map((r) => ({ label: r.regionId, description: r.localName, picked: current.has(r.regionId) })),
  );
  const picked = await ctx.ui.showQuickPick(items, {
    title: vscode.l10n.t('Regions to show (none: every region that has resources)'),
    canPickMany: true,
    matchOnDescription: true,
  });
  if (!picked) throw new UserCancelledError();
  await vscode.workspace.getConfiguration('alicloudKms').update('regions', picked.map((p) => p.label), vscode.ConfigurationTarget.Global);
  ctx.trees.instances.refresh();
  ctx.trees.keys.refresh();
}
