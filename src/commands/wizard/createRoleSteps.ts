// Create Instance RAM Role as wizard steps: name (unused, checked with GetRole), description, trusted
// services, maximum session duration, then the review (trust policy shown, CLI equivalent, confirm);
// the one execute step is CreateRole.
import type { CloudServices, RamRole } from '../../cloud/types';
import { roleExists } from '../roleExists';
import { createRoleCommand } from '../../policy/cli';
import { formatPolicy, serviceTrustPolicy, TRUSTED_SERVICES } from '../../policy/trustPolicy';
import { MIN_SESSION_DURATION, validateDescription, validateMaxSessionDuration, validateRoleName } from '../../policy/validation';
import { UserCancelledError } from '../cancelled';
import { localizeProblem, type ExecuteStep, type PromptStep, type WizardContext } from './wizard';

export interface CreateRoleContext extends WizardContext {
  readonly services: Pick<CloudServices, 'ram'>;
  roleName?: string;
  description?: string;
  /** Service principals, e.g. ecs.aliyuncs.com. */
  trustedServices?: string[];
  maxSessionDuration?: number;
  /** Set by the execute step. */
  role?: RamRole;
}

const STEPS = 4;

/** Step 1: a name RAM accepts (rule in the message) that no role has yet (checked before CreateRole). */
export const roleNameStep: PromptStep<CreateRoleContext> = {
  shouldPrompt: (c) => c.roleName === undefined,
  async prompt(c) {
    let prompt = c.l10n.t('1 to 64 characters: letters, digits, periods (.) and hyphens (-).');
    let value = 'EcsKmsAccessRole';
    for (;;) {
      const name = await c.ui.showInputBox({
        title: c.l10n.t('Create Instance RAM Role ({0}/{1}): name', 1, STEPS), prompt, value,
        validateInput: (v) => { const p = validateRoleName(v); return p ? localizeProblem(c.l10n, p) : undefined; },
      });
      if (name === undefined) throw new UserCancelledError();
      if (!(await roleExists(c.services, name))) {
        c.roleName = name;
        return;
      }
      prompt = c.l10n.t('A RAM role named {0} already exists (role names are not case-sensitive). Choose another name.', name);
      value = name;
    }
  },
};

export const descriptionStep: PromptStep<CreateRoleContext> = {
  shouldPrompt: (c) => c.description === undefined,
  async prompt(c) {
    const description = await c.ui.showInputBox({
      title: c.l10n.t('Create Instance RAM Role ({0}/{1}): description', 2, STEPS),
      prompt: c.l10n.t('Optional, up to 1,024 characters.'), value: c.l10n.t('Instance RAM role that lets ECS applications use KMS without an AccessKey'),
      validateInput: (v) => { const p = validateDescription(v); return p ? localizeProblem(c.l10n, p) : undefined; },
    });
    if (description === undefined) throw new UserCancelledError();
    c.description = description;
  },
};

export const trustedServicesStep: PromptStep<CreateRoleContext> = {
  shouldPrompt: (c) => c.trustedServices === undefined,
  async prompt(c) {
    const trusted = await c.ui.showQuickPick(
      TRUSTED_SERVICES.map((s) => ({ label: s.principal, description: s.label, picked: s.principal === 'ecs.aliyuncs.com' })),
      { title: c.l10n.t('Create Instance RAM Role ({0}/{1}): trusted services', 3, STEPS), canPickMany: true, placeHolder: c.l10n.t('Which services may assume the role? ECS must be one for an instance RAM role.') },
    );
    if (!trusted || trusted.length === 0) throw new UserCancelledError();
    c.trustedServices = trusted.map((t) => t.label);
  },
};

export const maxSessionStep: PromptStep<CreateRoleContext> = {
  shouldPrompt: (c) => c.maxSessionDuration === undefined,
  async prompt(c) {
    const duration = await c.ui.showInputBox({
      title: c.l10n.t('Create Instance RAM Role ({0}/{1}): maximum session duration', 4, STEPS),
      prompt: c.l10n.t('Seconds, from 3600 (1 hour, the default) to 43200 (12 hours).'), value: String(MIN_SESSION_DURATION),
      validateInput: (v) => { const p = validateMaxSessionDuration(v); return p ? localizeProblem(c.l10n, p) : undefined; },
    });
    if (duration === undefined) throw new UserCancelledError();
    c.maxSessionDuration = Number(duration.trim());
  },
};

function request(c: CreateRoleContext) {
  return { roleName: c.roleName!, trustPolicy: serviceTrustPolicy(c.trustedServices!), description: c.description, maxSessionDuration: c.maxSessionDuration! };
}

/** The review: the trust policy in an editor, then the confirmation with the CLI equivalent. */
export const confirmCreateRoleStep: PromptStep<CreateRoleContext> = {
  shouldPrompt: () => true,
  async prompt(c) {
    const r = request(c);
    await c.host.showDocument(`${r.roleName}.trust-policy.json`, formatPolicy(r.trustPolicy) + '\n', 'json');
    const ecsMissing = !c.trustedServices!.includes('ecs.aliyuncs.com');
    await c.host.confirm(
      c.l10n.t('Create the RAM role {0} with the trust policy shown in the editor?', r.roleName),
      c.l10n.t('Create Role'), [createRoleCommand(r)],
      { detail: ecsMissing ? c.l10n.t('ECS is not trusted: instances cannot use this role.') : c.l10n.t('ECS instances will be able to assume it.'), warning: ecsMissing });
  },
};

export const createRoleExecuteStep: ExecuteStep<CreateRoleContext> = {
  priority: 100,
  async execute(c) {
    const r = request(c);
    c.role = await c.services.ram.createRole({
      roleName: r.roleName, assumeRolePolicyDocument: JSON.stringify(r.trustPolicy), description: r.description || undefined, maxSessionDuration: r.maxSessionDuration,
    });
    c.host.log.info(`Created RAM role ${c.role.roleName} (${c.role.arn}), trusted services ${c.trustedServices!.join(', ')}, max session ${r.maxSessionDuration} s`);
  },
};

export const CREATE_ROLE_PROMPTS = [roleNameStep, descriptionStep, trustedServicesStep, maxSessionStep, confirmCreateRoleStep];
