// Connect with Remote-SSH's questions: which address of the instance (public or private IP) and which
// login user, the last answers for this instance offered first. No vscode value import: unit-tested
// with scripted answers (the command, ./connectRemoteSsh.ts, keeps the answers in globalState).
import type * as vscode from 'vscode';
import type { EcsInstance } from '../cloud/types';
import { UserCancelledError } from './cancelled';
import type { Prompter } from './prompter';
import type { L10n } from './wizard/wizard';

export type AddressKind = 'public' | 'private';

/** What is remembered per instance id: no secret (the SSH key or password stays with SSH). */
export interface SshLogin {
  readonly user: string;
  readonly address: AddressKind;
}

/** The users Alibaba Cloud's Linux images log in with: root, and ecs-user on images that disable root login. */
export const DEFAULT_USERS = ['root', 'ecs-user'] as const;

/**
 * A Linux login name as useradd accepts it by default (Debian's and shadow-utils' NAME_REGEX: a lower-case
 * letter or underscore, then lower-case letters, digits, `_` and `-`, at most 32 characters). It also keeps
 * `@`, `+`, `/` and spaces out of the Remote-SSH authority.
 */
const LINUX_USER = /^[a-z_][a-z0-9_-]{0,31}$/;

export function validateLinuxUser(l10n: L10n, value: string): string | undefined {
  return LINUX_USER.test(value) ? undefined : l10n.t('Enter a Linux user name: lower-case letters, digits, "_" and "-", starting with a letter or "_", at most 32 characters.');
}

/**
 * The authority Remote-SSH resolves: `ssh-remote+<user>@<host>`. VS Code's remote troubleshooting guide opens
 * `vscode-remote://ssh-remote+username@hostname/<folder>` (quoted in messa/tips, VSCode.md); the open-source
 * Remote-SSH resolvers (jeanp413/open-remote-ssh: its authResolver's getRemoteAuthority and its commands
 * module) build `ssh-remote+${host}` from the `[user@]hostname[:port]` the user types and hand it to
 * `vscode.newWindow` as `remoteAuthority`, as we do. A validated user name and an IP address hold no
 * character an authority would need encoded.
 */
export function remoteSshAuthority(user: string, host: string): string {
  return `ssh-remote+${user}@${host}`;
}

type AddressItem = vscode.QuickPickItem & { address: AddressKind; host: string };
type UserItem = vscode.QuickPickItem & { user?: string };

/** Public, then private (only those the instance has); the remembered kind first. Asked only when both exist. */
async function askAddress(ui: Prompter, l10n: L10n, instance: EcsInstance, remembered: SshLogin | undefined, title: string): Promise<{ address: AddressKind; host: string }> {
  const items: AddressItem[] = [];
  if (instance.publicIpAddress) items.push({ label: instance.publicIpAddress, description: l10n.t('public IP'), detail: l10n.t('From anywhere the security group allows port 22.'), address: 'public', host: instance.publicIpAddress });
  if (instance.privateIpAddress) items.push({ label: instance.privateIpAddress, description: l10n.t('private IP'), detail: l10n.t('From the same VPC, a VPN or a jump host.'), address: 'private', host: instance.privateIpAddress });
  if (items.length === 0) throw new Error(l10n.t('Instance {0} has no IP address to connect to.', instance.instanceId));
  if (items.length === 1) return items[0];
  items.sort((a, b) => Number(b.address === remembered?.address) - Number(a.address === remembered?.address));
  const picked = await ui.showQuickPick(items, { title, placeHolder: l10n.t('Connect to which address of {0}?', instance.instanceId) });
  if (!picked) throw new UserCancelledError();
  return picked;
}

/** The remembered user first, then root and ecs-user, then "Other…" (typed and validated). */
async function askUser(ui: Prompter, l10n: L10n, instance: EcsInstance, remembered: SshLogin | undefined, title: string): Promise<string> {
  const users = [...new Set([...(remembered ? [remembered.user] : []), ...DEFAULT_USERS])];
  const items: UserItem[] = users.map((user) => ({
    label: user, user,
    description: user === remembered?.user ? l10n.t('last used for this instance') : user === 'ecs-user' ? l10n.t('images where root login is disabled') : undefined,
  }));
  items.push({ label: l10n.t('Other…'), description: l10n.t('type a user name') });
  const picked = await ui.showQuickPick(items, { title, placeHolder: l10n.t('Log in to {0} as which user?', instance.instanceId) });
  if (!picked) throw new UserCancelledError();
  if (picked.user) return picked.user;
  const typed = await ui.showInputBox({ title, prompt: l10n.t('Linux user name on {0}', instance.instanceId), validateInput: (v) => validateLinuxUser(l10n, v.trim()) });
  if (typed === undefined) throw new UserCancelledError();
  return typed.trim();
}

/** Asks the address (when there is a choice) and the user; returns what to remember and the host to connect to. */
export async function askSshLogin(ui: Prompter, l10n: L10n, instance: EcsInstance, remembered: SshLogin | undefined): Promise<SshLogin & { host: string }> {
  const title = l10n.t('Connect to {0} with Remote-SSH', instance.instanceName || instance.instanceId);
  const { address, host } = await askAddress(ui, l10n, instance, remembered, title);
  const user = await askUser(ui, l10n, instance, remembered, title);
  return { user, address, host };
}

/** A remembered answer read back from storage: used only when it still has the expected shape. */
export function rememberedLogin(value: unknown): SshLogin | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { user, address } = value as Record<string, unknown>;
  return typeof user === 'string' && LINUX_USER.test(user) && (address === 'public' || address === 'private') ? { user, address } : undefined;
}
