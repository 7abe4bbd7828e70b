// The buttons a diagnosis line or an instance problem offers: one of our commands (by its id from
// commandIds.ts) with the NodeRef it acts on, or a VS Code setting to open. The refs are plain data of
// the NodeRef shape (src/views/common/nodeRef.ts): this layer sits below views/ and does not import it;
// test/unit/diagnosis-fixActions.test.ts checks that they are NodeRefs.
import type { InstanceIdentity } from '../cloud/types';
import { COMMAND } from '../commandIds';
import { text, type Message } from '../util/message';

/** A command that fixes (or helps fix) a problem; `args` are what the command receives. */
export interface FixAction {
  readonly label: Message;
  readonly command: string;
  readonly args?: readonly unknown[];
}

/** VS Code's own command (not ours): opens the Settings editor filtered to one setting. */
export const OPEN_SETTINGS_COMMAND = 'workbench.action.openSettings';

/** NodeRef `role`, with the key preselected when known. */
export function roleRef(roleName: string, key?: { keyId: string; regionId: string }): { kind: 'role'; roleName: string; key?: { keyId: string; regionId: string } } {
  return key ? { kind: 'role', roleName, key: { keyId: key.keyId, regionId: key.regionId } } : { kind: 'role', roleName };
}

/** NodeRef `instance`, named by id (the command describes it): this machine as the metadata service knows it. */
export function instanceRef(identity: InstanceIdentity): { kind: 'instance'; regionId: string; instanceId: string } {
  return { kind: 'instance', regionId: identity.regionId, instanceId: identity.instanceId };
}

export function grantAction(roleName: string, keyId: string | undefined, regionId: string): FixAction {
  return { label: text('Grant KMS Access'), command: COMMAND.grantKmsAccess, args: [roleRef(roleName, keyId ? { keyId, regionId } : undefined)] };
}

export function attachRoleAction(identity: InstanceIdentity | undefined): FixAction {
  return { label: text('Attach a Role…'), command: COMMAND.attachRole, args: identity ? [instanceRef(identity)] : [] };
}

export function refreshAction(): FixAction {
  return { label: text('Refresh'), command: COMMAND.refreshInstanceCredential };
}

export function openSettingsAction(setting: string): FixAction {
  return { label: text('Open Settings'), command: OPEN_SETTINGS_COMMAND, args: [setting] };
}

/** The one-click repair of a role ECS cannot assume (adds ecs.aliyuncs.com to its trust policy, after a diff). */
export function addEcsTrustAction(roleName: string): FixAction {
  return { label: text('Add ECS as Trusted Service'), command: COMMAND.addEcsTrust, args: [roleRef(roleName)] };
}

/** NodeRef `key` for Enable Key: the key id (EnableKey takes an id, not an alias). */
export function enableKeyAction(regionId: string, keyId: string): FixAction {
  return { label: text('Enable Key'), command: COMMAND.enableKey, args: [{ kind: 'key', regionId, keyId }] };
}

/** The key id in an identifier: itself, or the tail of an ARN; undefined for an alias (resolved by DescribeKey only). */
export function keyIdOf(identifier: string): string | undefined {
  const arn = /^acs:kms:[^:]*:[^:]*:key\/(.+)$/.exec(identifier);
  if (arn) return arn[1];
  return identifier.startsWith('alias/') || identifier.startsWith('acs:') ? undefined : identifier;
}
