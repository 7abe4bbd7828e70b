import * as vscode from 'vscode';
import { isCloudError, type CloudServices } from '../cloud/types';
import { createRoleCommand } from '../policy/cli';
import { formatPolicy, serviceTrustPolicy, TRUSTED_SERVICES } from '../policy/trustPolicy';
import { MIN_SESSION_DURATION, validateDescription, validateMaxSessionDuration, validateRoleName } from '../policy/validation';
import type { CommandContext } from './commandContext';
import { showReadOnlyDocument } from './readOnlyDocument';
import { requireServices } from './requireServices';
import { UserCancelledError } from './runCommand';
import { confirmWithCli, localize } from './wizard/confirmWithCli';

const STEPS = 4;

async function roleExists(services: CloudServices, roleName: string): Promise<boolean> {
  try {
    await services.ram.getRole(roleName);
    return true;
  } catch (error) {
    if (isCloudError(error) && error.code === 'EntityNotExist.Role') return false;
    throw error;
  }
}

/** Step 1: a name RAM accepts (rule in the message) that no role has yet (checked before CreateRole). */
async function askName(ctx: CommandContext, services: CloudServices): Promise<string> {
  let prompt = vscode.l10n.t('1 to 64 characters: letters, digits, periods (.) and hyphens (-).');
  let value = 'EcsKmsAccessRole';
  for (;;) {
    const name = await ctx.ui.showInputBox({
      title: vscode.l10n.t('Create Instance RAM Role ({0}/{1}): name', 1, STEPS), prompt, value,
      validateInput: (v) => { const p = validateRoleName(v); return p ? localize(p) : undefined; },
    });
    if (name === undefined) throw new UserCancelledError();
    if (!(await roleExists(services, name))) return name;
    prompt = vscode.l10n.t('A RAM role named {0} already exists (role names are not case-sensitive). Choose another name.', name);
    value = name;
  }
}

/**
 * Create Instance RAM Role: name, description, trusted service (ECS by default), max session
 * duration; shows the trust policy, confirms (with the aliyun CLI equivalent), creates, then offers
 * the next step of the walkthrough (Grant KMS Access).
 */
export async function createRole(ctx: CommandContext): Promise<void> {
  const services = await requireServices(ctx);
  const roleName = await askName(ctx, services);
  const description = await ctx.ui.showInputBox({
    title: vscode.l10n.t('Create Instance RAM Role ({0}/{1}): description', 2, STEPS),
    prompt: vscode.l10n.t('Optional, up to 1,024 characters.'), value: vscode.l10n.t('Instance RAM role that lets ECS applications use KMS without an AccessKey'),
    validateInput: (v) => { const p = validateDescription(v); return p ? localize(p) : undefined; },
  });
  if (description === undefined) throw new UserCancelledError();
  const trusted = await ctx.ui.showQuickPick(
    TRUSTED_SERVICES.map((s) => ({ label: s.principal, description: s.label, picked: s.principal === 'ecs.aliyuncs.com' })),
    { title: vscode.l10n.t('Create Instance RAM Role ({0}/{1}): trusted services', 3, STEPS), canPickMany: true, placeHolder: vscode.l10n.t('Which services may assume the role? ECS must be one for an instance RAM role.') },
  );
  if (!trusted || trusted.length === 0) throw new UserCancelledError();
  const duration = await ctx.ui.showInputBox({
    title: vscode.l10n.t('Create Instance RAM Role ({0}/{1}): maximum session duration', 4, STEPS),
    prompt: vscode.l10n.t('Seconds, from 3600 (1 hour, the default) to 43200 (12 hours).'), value: String(MIN_SESSION_DURATION),
    validateInput: (v) => { const p = validateMaxSessionDuration(v); return p ? localize(p) : undefined; },
  });
  if (duration === undefined) throw new UserCancelledError();

  const trust = serviceTrustPolicy(trusted.map((t) => t.label));
  const maxSessionDuration = Number(duration.trim());
  await showReadOnlyDocument(`${roleName}.trust-policy.json`, formatPolicy(trust) + '\n', 'json');
  const cli = createRoleCommand({ roleName, trustPolicy: trust, description, maxSessionDuration });
  const ecsMissing = !trusted.some((t) => t.label === 'ecs.aliyuncs.com');
  await confirmWithCli(ctx,
    vscode.l10n.t('Create the RAM role {0} with the trust policy shown in the editor?', roleName),
    vscode.l10n.t('Create Role'), [cli],
    { detail: ecsMissing ? vscode.l10n.t('ECS is not trusted: instances cannot use this role.') : vscode.l10n.t('ECS instances will be able to assume it.'), warning: ecsMissing });

  const role = await services.ram.createRole({ roleName, assumeRolePolicyDocument: JSON.stringify(trust), description: description || undefined, maxSessionDuration });
  ctx.log.info(`Created RAM role ${role.roleName} (${role.arn}), trusted services ${trusted.map((t) => t.label).join(', ')}, max session ${maxSessionDuration} s`);
  ctx.trees.roles.refresh();

  const grant = vscode.l10n.t('Grant KMS Access');
  const next = await ctx.ui.showInformationMessage(
    vscode.l10n.t('Created the RAM role {0}. Next step: grant it access to KMS.', role.roleName), {}, grant);
  if (next === grant) await vscode.commands.executeCommand('alicloudKms.grantKmsAccess', { roleName: role.roleName, role });
}
