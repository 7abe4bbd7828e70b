// The pick of a role an instance will use (Attach, Replace, Create Instance with Role, Grant KMS Access,
// Add ECS as Trusted Service). Service-linked roles are not offered (only their own service assumes them),
// and a role whose trust policy does not let ECS assume it is marked with the reason and listed apart,
// never offered as an equal. No vscode value import: the wizard steps that call it are unit-tested.
import type * as vscode from 'vscode';
import type { CloudServices, RamRole } from '../cloud/types';
import { parsePolicyDocument } from '../policy/policyDocument';
import { assumingPrincipals, ECS_SERVICE_PRINCIPAL, type AssumeCheck } from '../policy/trustPolicy';
import { isServiceLinkedRole } from '../session/keyRoleScan';
import { RoleTrustReader, ROWS_ON_SCREEN, type LoadedRole } from '../views/roles/roleTrustReader';
import { UserCancelledError } from './cancelled';
import { SEPARATOR, type Prompter } from './prompter';
import { localizeProblem, type L10n, type WizardHost } from './wizard/wizard';

/**
 * ListRoles carries no trust policy (api-meta/ram.json), so a verdict costs a GetRole. Verdicts the Roles
 * view has read are reused; of the others, at most this many are read for one pick (the Roles view's first
 * screen, read the same way). A picked role whose verdict is still unknown is read on its own (one call).
 */
export const TRUST_READS_PER_PICK = ROWS_ON_SCREEN;

export interface RolePickContext {
  ui: Prompter;
  readonly l10n: L10n;
  readonly host?: Pick<WizardHost, 'explorer' | 'themeIcon'>;
}

/** `toFix`: the pick is for a role to repair (Add ECS as Trusted Service), so roles ECS cannot assume come first. */
export type RoleOrder = 'assumableFirst' | 'toFix';

export type RoleItem = vscode.QuickPickItem & { entry?: LoadedRole };

/** Why ECS cannot assume the role, in one line: whom its trust policy trusts instead, else the analyser's reason. */
export function whyNotEcs(l10n: L10n, role: RamRole, trust: AssumeCheck & { canAssume: false }): string {
  if (trust.reason.code === 'Trust.NoPrincipal' && role.assumeRolePolicyDocument) {
    const others = assumingPrincipals(parsePolicyDocument(role.assumeRolePolicyDocument)).filter((p) => p.toLowerCase() !== ECS_SERVICE_PRINCIPAL);
    if (others.length > 0) return l10n.t('ECS cannot assume it: its trust policy trusts {0}', others.join(', '));
  }
  return localizeProblem(l10n, trust.reason);
}

function itemOf(c: RolePickContext, entry: LoadedRole, order: RoleOrder): RoleItem {
  const { role, trust } = entry;
  const item: RoleItem = { label: role.roleName, description: role.description, entry };
  if (trust && !trust.canAssume) {
    item.iconPath = c.host?.themeIcon?.('warning');
    item.description = [c.l10n.t('ECS cannot assume it'), role.description].filter(Boolean).join(' · ');
    item.detail = whyNotEcs(c.l10n, role, trust);
  } else if (trust?.conditional) {
    item.detail = localizeProblem(c.l10n, trust.reason);
  } else if (trust && order === 'toFix') {
    item.description = [c.l10n.t('ECS can already assume it'), role.description].filter(Boolean).join(' · ');
  }
  return item;
}

/** The listed roles (service-linked ones left out) with their verdicts: the Roles view's, else read within the budget. */
export async function instanceRoleEntries(c: RolePickContext, services: Pick<CloudServices, 'ram'>): Promise<LoadedRole[]> {
  const known = new Map((c.host?.explorer?.rolesWithTrust(services as CloudServices) ?? []).map((k) => [k.role.roleName.toLowerCase(), k]));
  const entries: LoadedRole[] = [];
  for await (const role of services.ram.listRoles()) {
    if (isServiceLinkedRole(role)) continue;
    const seen = known.get(role.roleName.toLowerCase());
    entries.push(seen ? { role: seen.role, trust: seen.trust, checking: false } : { role, checking: true });
  }
  await readTrust(services, entries.filter((e) => e.checking).slice(0, TRUST_READS_PER_PICK));
  return entries;
}

/** The items: roles ECS can assume (or not yet known) first and the others after a separator, or the other way round for `toFix`. */
export function instanceRoleItems(c: RolePickContext, entries: readonly LoadedRole[], order: RoleOrder = 'assumableFirst'): RoleItem[] {
  const cannot = entries.filter((e) => e.trust && !e.trust.canAssume);
  const others = entries.filter((e) => !cannot.includes(e));
  const [first, second] = order === 'toFix' ? [cannot, others] : [others, cannot];
  const separator = order === 'toFix' ? c.l10n.t('Other roles') : c.l10n.t('ECS cannot assume these roles');
  return [
    ...first.map((e) => itemOf(c, e, order)),
    ...(first.length > 0 && second.length > 0 ? [{ label: separator, kind: SEPARATOR }] : []),
    ...second.map((e) => itemOf(c, e, order)),
  ];
}

/** Reads the trust policies of `entries` with the Roles view's reader (one GetRole each, in parallel, bounded by the caller). */
async function readTrust(services: Pick<CloudServices, 'ram'>, entries: LoadedRole[]): Promise<void> {
  if (entries.length === 0) return;
  const reader = new RoleTrustReader(services as CloudServices, () => undefined);
  await reader.read(entries);
  reader.stop();
}

/** Shows `items` (a promise: the quick pick shows its busy state meanwhile) and returns the picked role with its verdict. */
export async function pickFromRoleItems(c: RolePickContext, services: Pick<CloudServices, 'ram'>, items: Promise<RoleItem[]>, title: string): Promise<LoadedRole> {
  const picked = await c.ui.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true });
  if (!picked?.entry) throw new UserCancelledError();
  // Past the read budget: this one role's verdict, now that it matters.
  if (picked.entry.checking) await readTrust(services, [picked.entry]);
  return picked.entry;
}

/** The pick of a role for an instance, with its verdict (undefined when its trust policy could not be read). */
export async function pickInstanceRole(c: RolePickContext, services: Pick<CloudServices, 'ram'>, title: string, order: RoleOrder = 'assumableFirst'): Promise<LoadedRole> {
  return pickFromRoleItems(c, services, instanceRoleEntries(c, services).then((entries) => instanceRoleItems(c, entries, order)), title);
}
