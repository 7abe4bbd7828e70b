// What the Instance Credential view, the status bar and "Show Instance Credential" show, read from the
// metadata service of this machine. Pure (no vscode): it holds no secret — the AccessKeyId is masked
// here and the secret and token are never copied into it.
import { isCloudError, type InstanceIdentity, type InstanceMetadata, type MetadataFetchMode, type MetadataProbeResult } from '../cloud/types';
import { maskAccessKeyId } from '../util/mask';
import { text, type Message } from '../util/message';
import { attachRoleAction, openSettingsAction, refreshAction, type FixAction } from './fixActions';

export interface CredentialSummary {
  readonly roleName: string;
  readonly accessKeyIdMasked: string;
  readonly expiration: string;
  readonly expirationMs: number;
  readonly lastUpdated?: string;
  readonly mode: MetadataFetchMode;
  readonly fetchedAt: number;
}

export type InstanceProblemKind = 'notOnEcs' | 'tokenRefused' | 'noRole' | 'malformed' | 'expired' | 'notReady' | 'unavailable';

export interface InstanceProblem {
  readonly kind: InstanceProblemKind;
  readonly message: Message;
  /** What to do, in words. */
  readonly fix?: Message;
  readonly action?: FixAction;
  /** The underlying error's code and English message, for the log. Never a secret. */
  readonly detail?: string;
}

export interface InstanceSnapshot {
  readonly checkedAt: number;
  readonly endpoint: string;
  readonly onEcs: boolean;
  readonly probe: MetadataProbeResult;
  readonly identity?: InstanceIdentity;
  readonly roleName?: string;
  readonly credential?: CredentialSummary;
  readonly problem?: InstanceProblem;
}

/** The refresh window of the shared credential cache (src/cloud RefreshingCache): 15 minutes before expiry. */
export const NEAR_EXPIRY_MS = 15 * 60 * 1000;

/**
 * Reads everything the view shows. Never throws: a failure becomes `problem`. `previous` is the last
 * reading: when the same metadata service answered before, silence now means it went away (the
 * machine is still an ECS instance), not "not on ECS".
 */
export async function readInstanceSnapshot(
  metadata: InstanceMetadata,
  options: { forceRefresh?: boolean; now?: () => number; previous?: InstanceSnapshot } = {},
): Promise<InstanceSnapshot> {
  const now = options.now ?? Date.now;
  const base = { checkedAt: now(), endpoint: metadata.endpoint };
  const probe = await metadata.probe();
  const previous = options.previous;
  if (!probe.onEcs && previous?.onEcs && previous.endpoint === metadata.endpoint) {
    return {
      ...base, onEcs: true, probe, identity: previous.identity,
      problem: {
        kind: 'unavailable',
        message: text('The metadata service at {0} stopped answering: {1}', metadata.endpoint, probe.reason ?? '?'),
        fix: text('It usually recovers by itself; this view checks again every minute. If it persists, check the instance\'s network and firewall (100.100.100.200 must stay reachable).'),
        action: refreshAction(),
        detail: probe.reason,
      },
    };
  }
  if (!probe.onEcs) {
    return {
      ...base, onEcs: false, probe,
      problem: {
        kind: 'notOnEcs',
        message: text('This machine is not an ECS instance: the metadata service at {0} does not answer.', metadata.endpoint),
        fix: text('Open a Remote-SSH window on an ECS instance to see its instance credential, or use "Test Encrypt as Profile" from here.'),
        detail: probe.reason,
      },
    };
  }
  if (!probe.mode) return { ...base, onEcs: true, probe, problem: tokenRefused(probe.tokenProblem) };

  const read = await readIdentityAndRole(metadata);
  if (!read.ok) return { ...base, onEcs: true, probe, identity: read.identity, problem: problemOf(read.error, read.identity) };
  const { identity, roleName } = read;
  if (!roleName) {
    return { ...base, onEcs: true, probe, identity, problem: noRole(identity) };
  }
  try {
    const c = await metadata.getCredential({ forceRefresh: options.forceRefresh });
    const credential: CredentialSummary = {
      roleName: c.roleName, accessKeyIdMasked: maskAccessKeyId(c.accessKeyId), expiration: c.expiration, expirationMs: c.expirationMs,
      lastUpdated: c.lastUpdated, mode: c.mode, fetchedAt: c.fetchedAt,
    };
    return { ...base, onEcs: true, probe, identity, roleName, credential };
  } catch (error) {
    return { ...base, onEcs: true, probe, identity, roleName, problem: problemOf(error, identity) };
  }
}

/** The instance's identity and attached role (undefined: none); on a failure, the error and the identity if it was read. */
export async function readIdentityAndRole(metadata: InstanceMetadata): Promise<
  { ok: true; identity: InstanceIdentity; roleName?: string } | { ok: false; identity?: InstanceIdentity; error: unknown }
> {
  let identity: InstanceIdentity | undefined;
  try {
    identity = await metadata.getIdentity();
    return { ok: true, identity, roleName: await metadata.getRoleName() };
  } catch (error) {
    return { ok: false, identity, error };
  }
}

function noRole(identity: InstanceIdentity | undefined): InstanceProblem {
  return {
    kind: 'noRole',
    message: text('No RAM role is attached to this instance ({0}), so there is no instance credential.', identity?.instanceId ?? '?'),
    fix: text('Attach an instance RAM role that ECS may assume and that has KMS permissions (ECS Instances view: Attach Role).'),
    action: attachRoleAction(identity),
  };
}

function tokenRefused(problem: string | undefined): InstanceProblem {
  return {
    kind: 'tokenRefused',
    message: text('The metadata service requires a token (hardened mode), but the token request was refused: {0}.', problem ?? 'no token'),
    fix: text('Enable the token path: allow PUT /latest/api/token from this machine (no HTTP proxy in between: add 100.100.100.200 to NO_PROXY), or, if the instance is not hardened, allow the token-less request (alicloudKms.imdsv1Disabled off).'),
    action: openSettingsAction('alicloudKms.imdsv1Disabled'),
    detail: problem,
  };
}

/** Turns a metadata failure into the problem the view names. */
export function problemOf(error: unknown, identity?: InstanceIdentity): InstanceProblem {
  const code = isCloudError(error) ? error.code : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const detail = `${code}: ${message}`;
  switch (code) {
    case 'Metadata.TokenRequired':
    case 'Metadata.TokenFailed':
      return { ...tokenRefused(message), detail };
    case 'Metadata.NoRole':
      return { ...noRole(identity), detail };
    case 'Metadata.InvalidCredential':
      return {
        kind: 'malformed', detail,
        message: text('The metadata service returned a malformed credential: {0}', message),
        fix: text('Something between this machine and the metadata service (a proxy, or a wrong alicloudKms.metadataEndpoint) changes the answer. Check the setting and refresh.'),
        action: openSettingsAction('alicloudKms.metadataEndpoint'),
      };
    case 'Metadata.CredentialExpired':
      return {
        kind: 'expired', detail,
        message: text('The metadata service returned a credential that has already expired ({0}).', message),
        fix: text('Check this machine\'s clock (NTP): the service rotates the credential before it expires. Then refresh.'),
        action: refreshAction(),
      };
    case 'Metadata.CredentialNotReady':
      return {
        kind: 'notReady', detail,
        message: text('The credential of the attached role is not ready: {0}', message),
        fix: text('A role attached a moment ago needs a few seconds; a role whose trust policy does not let ECS assume it never gets one. Refresh, then run Diagnose KMS Access.'),
        action: refreshAction(),
      };
    default:
      return {
        kind: 'unavailable', detail,
        message: text('The metadata service stopped answering properly: {0}', message),
        fix: text('It usually recovers by itself. Refresh in a moment; if it persists, check alicloudKms.metadataEndpoint and the network.'),
        action: refreshAction(),
      };
  }
}
