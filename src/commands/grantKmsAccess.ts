import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { PolicyNameTakenError } from '../workflows/grantPlan';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { keyOf, regionOf, roleOf, secretOf } from './nodeRefs';
import { requireServices } from './requireServices';
import { GRANT_PROMPTS, grantExecuteStep, type GrantContext } from './wizard/grantSteps';
import { executeWithProgress, wizardContext } from './wizard/host';
import { Wizard } from './wizard/wizard';

/**
 * Grant KMS Access: a system policy (AliyunKMSFullAccess, AliyunKMSCryptoUserAccess) or a
 * least-privilege custom policy for chosen keys and secrets, opened for review before CreatePolicy +
 * AttachPolicyToRole. Reads what is attached first: a role that already has the access is left alone.
 * From a role node, a key or secret node (then it is preselected) or the palette. Steps: ./wizard/grantSteps.ts.
 */
export async function grantKmsAccess(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const preKey = keyOf(ref);
  const secret = secretOf(ref);
  const context: GrantContext = {
    ...wizardContext(ctx), services: await requireServices(ctx), done: [],
    roleName: roleOf(ref), preKey, preSecret: secret && { regionId: secret.regionId, secretName: secret.secretName },
    regionId: regionOf(ref) ?? preKey?.regionId,
  };
  const wizard = new Wizard(context, GRANT_PROMPTS, [grantExecuteStep]);
  await wizard.prompt();
  const roleName = context.roleName!;
  const plan = context.plan!;
  if (plan.already) {
    ctx.log.info(`Grant KMS access to ${roleName}: already has it (${plan.because}; attached: ${context.attachedNames}); nothing changed`);
    // Not awaited: a notification settles only when closed, and callers (Diagnose's fix button) wait for the command.
    void ctx.ui.showInformationMessage(plan.because === 'attached'
      ? vscode.l10n.t('The role {0} already has {1} attached: nothing changed.', roleName, plan.policyName)
      : vscode.l10n.t('The policies attached to {0} ({1}) already allow this access: nothing changed.', roleName, context.attachedNames ?? ''), {});
    return;
  }

  const done = () => context.done.map((d) => `${d.step.kind} ${d.step.policyName} (${d.outcome})`).join(', ');
  try {
    await executeWithProgress(wizard, vscode.l10n.t('Granting KMS access to {0}…', roleName));
  } catch (error) {
    ctx.log.warn(`Grant KMS access to ${roleName}: steps done before the failure: ${done() || 'none'}`);
    if (error instanceof PolicyNameTakenError) throw new Error(vscode.l10n.t('A custom policy named {0} already exists with a different document. Nothing was attached.', error.policyName));
    throw error;
  } finally {
    if (context.done.length > 0) {
      ctx.trees.roles.refresh();
      ctx.trees.keys.refresh();
    }
  }
  ctx.log.info(`Granted KMS access to ${roleName}: ${done()}`);
  const attach = vscode.l10n.t('Attach to Instances');
  // The next step is offered, not waited for: the grant is done (Diagnose re-runs as soon as this returns).
  void ctx.ui.showInformationMessage(vscode.l10n.t('{0} can now use KMS. Next step: attach it to your ECS instances.', roleName), {}, attach).then((next) => {
    if (next === attach) void vscode.commands.executeCommand(COMMAND.attachRole, { kind: 'role', roleName } satisfies NodeRef);
  });
}
