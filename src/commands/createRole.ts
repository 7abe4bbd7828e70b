import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { requireServices } from './requireServices';
import { CREATE_ROLE_PROMPTS, createRoleExecuteStep, type CreateRoleContext } from './wizard/createRoleSteps';
import { wizardContext } from './wizard/host';
import { NO_PROGRESS, Wizard } from './wizard/wizard';

/**
 * Create Instance RAM Role: name, description, trusted service (ECS by default), max session
 * duration; shows the trust policy, confirms (with the aliyun CLI equivalent), creates, then offers
 * the next step of the walkthrough (Grant KMS Access). Steps: ./wizard/createRoleSteps.ts.
 */
export async function createRole(ctx: CommandContext): Promise<void> {
  const context: CreateRoleContext = { ...wizardContext(ctx), services: await requireServices(ctx) };
  const wizard = new Wizard(context, CREATE_ROLE_PROMPTS, [createRoleExecuteStep]);
  await wizard.prompt();
  await wizard.execute(NO_PROGRESS);
  ctx.trees.roles.refresh();

  const role = context.role!;
  const grant = vscode.l10n.t('Grant KMS Access');
  const next = await ctx.ui.showInformationMessage(
    vscode.l10n.t('Created the RAM role {0}. Next step: grant it access to KMS.', role.roleName), {}, grant);
  if (next === grant) await vscode.commands.executeCommand(COMMAND.grantKmsAccess, { kind: 'role', roleName: role.roleName } satisfies NodeRef);
}
