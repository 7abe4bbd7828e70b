// The role step shared by Attach Role, Replace Role, Create Instance with Role and Grant KMS Access: the
// marked pick (../instanceRolePicker.ts), then, for a role ECS cannot assume, the offer to fix its trust
// policy first (Add ECS as Trusted Service: diff, CLI, confirmation, read-back) or to choose another.
// No vscode: unit-tested with scripted answers.
import type { CloudServices } from '../../cloud/types';
import { UserCancelledError } from '../cancelled';
import { instanceRoleEntries, instanceRoleItems, pickFromRoleItems, whyNotEcs } from '../instanceRolePicker';
import type { WizardContext } from './wizard';

/**
 * `attach`: the role goes onto instances (Attach, Replace, Create Instance), where ECS itself refuses a role
 * it cannot assume (InvalidRamRole.NotEcsRole), so going on unchanged is not offered: it could only fail.
 * `grant`: granting KMS access to such a role works (it may serve another service, or be fixed later), so
 * "Continue Anyway" is offered too.
 */
export type RolePurpose = 'attach' | 'grant';

/** Asks for the role; a role ECS cannot assume is fixed first, replaced by another pick, or (grant) kept. */
export async function askInstanceRole(c: WizardContext & { readonly services: CloudServices }, title: string, purpose: RolePurpose): Promise<string> {
  // One listing for the whole step: "Choose Another Role" shows the same roles again, without new calls
  // (with the verdict of a role read since, as when it was picked beyond the read budget).
  const entries = instanceRoleEntries(c, c.services);
  for (;;) {
    const { role, trust } = await pickFromRoleItems(c, c.services, entries.then((e) => instanceRoleItems(c, e)), title);
    if (!trust || trust.canAssume) return role.roleName;
    const fix = c.l10n.t('Add ECS as Trusted Service');
    const another = c.l10n.t('Choose Another Role');
    const anyway = c.l10n.t('Continue Anyway');
    const consequence = purpose === 'attach'
      ? c.l10n.t('ECS refuses to give an instance a role it cannot assume (InvalidRamRole.NotEcsRole).')
      : c.l10n.t('Instances cannot use what is granted to it until ECS can assume it.');
    const why = whyNotEcs(c.l10n, role, trust);
    const sentences = [/[.。]$/.test(why) ? why : `${why}.`, consequence, c.l10n.t('Add ECS as a trusted service of the role first?')];
    const choice = await c.ui.showWarningMessage(
      c.l10n.t('Role {0}: {1}', role.roleName, sentences.join(' ')),
      { modal: true },
      ...(c.host.addEcsTrust ? [fix] : []), another, ...(purpose === 'grant' ? [anyway] : []));
    if (choice === undefined) throw new UserCancelledError();
    if (choice === another) continue;
    if (choice === fix) await c.host.addEcsTrust!(role.roleName);
    return role.roleName;
  }
}
