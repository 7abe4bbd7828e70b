import * as vscode from 'vscode';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { regionOf, roleOf } from './nodeRefs';
import { requireServices } from './requireServices';
import { executeWithProgress, wizardContext } from './wizard/host';
import { LAUNCH_PROMPTS, launchExecuteStep, type LaunchContext } from './wizard/launchSteps';
import { Wizard } from './wizard/wizard';

/**
 * Create Instance with Role: the wizard (./wizard/launchSteps.ts), RunInstances with DryRun=true
 * (reported), then an explicit confirmation (the instance is billed) before the real call. From a
 * region node (the region is not asked), a role node (the role is not asked) or the palette.
 */
export async function createInstanceWithRole(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const context: LaunchContext = { ...wizardContext(ctx), services: await requireServices(ctx), regionId: regionOf(ref), roleName: roleOf(ref) };
  const wizard = new Wizard(context, LAUNCH_PROMPTS, [launchExecuteStep]);
  await wizard.prompt();
  await executeWithProgress(wizard, vscode.l10n.t('Creating the instance…'));
  ctx.trees.instances.refresh();
  ctx.trees.roles.refresh();
  const result = context.result!;
  const publicIp = context.created?.find((i) => i.publicIpAddress)?.publicIpAddress;
  void ctx.ui.showInformationMessage(publicIp
    ? vscode.l10n.t('Created the instance {0} with the role {1} and the public IP {2}. It takes a minute or two to start.', result.instanceIds.join(', '), context.roleName!, publicIp)
    : vscode.l10n.t('Created the instance {0} with the role {1}. It takes a minute or two to start.', result.instanceIds.join(', '), context.roleName!), {});
}
