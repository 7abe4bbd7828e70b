// Checklist lines about this machine: the metadata service, its token path, the attached role and
// the role's credential.
import { isCloudError, type InstanceIdentity } from '../cloud/types';
import { formatDuration } from '../util/duration';
import { maskAccessKeyId } from '../util/mask';
import { text, type Message } from '../util/message';
import { attachRoleAction, refreshAction } from './fixActions';
import { readIdentityAndRole } from './instanceSnapshot';
import type { CheckLine, DiagnosisDeps } from './diagnosisTypes';
import { skipped } from './skipped';

export interface MetadataFindings {
  readonly lines: CheckLine[];
  readonly identity?: InstanceIdentity;
  readonly roleName?: string;
  readonly credentialOk: boolean;
}

const TITLES = {
  metadata: text('Metadata service reachable'),
  token: text('Token path works'),
  role: text('A RAM role is attached'),
  credential: text('Role credential valid and not near expiry'),
};

/** Below this the metadata service should already have rotated the credential. */
const ALMOST_EXPIRED_MS = 5 * 60 * 1000;

function message(error: unknown): string {
  return isCloudError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
}

export async function metadataChecks(deps: DiagnosisDeps): Promise<MetadataFindings> {
  const { metadata } = deps;
  const timeoutMs = deps.timeoutMs ?? 2000;
  const probe = await metadata.probe();
  const lines: CheckLine[] = [];
  if (!probe.onEcs) {
    lines.push({
      id: 'metadata', title: TITLES.metadata, status: 'failed',
      evidence: [text('No answer from {0} within {1} ms: {2}', metadata.endpoint, Math.round(probe.elapsedMs), probe.reason ?? '?')],
      fix: text('Run this on the ECS instance (Remote-SSH), or check alicloudKms.metadataEndpoint.'),
    });
    const why = 'the metadata service does not answer';
    lines.push(skipped('token', TITLES.token, why), skipped('role', TITLES.role, why), skipped('credential', TITLES.credential, why));
    return { lines, credentialOk: false };
  }
  lines.push({ id: 'metadata', title: TITLES.metadata, status: 'passed', evidence: [text('{0} answered in {1} ms.', metadata.endpoint, Math.round(probe.elapsedMs))] });

  const tokenless = await deps.network.tokenlessAllowed(metadata.endpoint, timeoutMs);
  const tokenlessText: Message = tokenless === false
    ? text('Token-less requests are refused (hardened mode): only the token path works.')
    : tokenless === true
      ? text('Token-less requests are also accepted (the instance is not in hardened mode).')
      : text('Could not tell whether token-less requests are accepted.');
  if (probe.mode === 'token') {
    lines.push({ id: 'token', title: TITLES.token, status: 'passed', evidence: [text('PUT /latest/api/token returned a token; requests with it succeed.'), tokenlessText] });
  } else {
    lines.push({
      id: 'token', title: TITLES.token, status: 'failed',
      evidence: [text('The token request failed: {0}.', probe.tokenProblem ?? '?'), tokenlessText],
      fix: text('Enable the token path: allow PUT /latest/api/token from this machine (no HTTP proxy in between: add the metadata address to NO_PROXY). SDKs in hardened mode need it.'),
    });
  }
  if (!probe.mode) {
    const why = 'the metadata service refuses every request without a token';
    lines.push(skipped('role', TITLES.role, why), skipped('credential', TITLES.credential, why));
    return { lines, credentialOk: false };
  }

  const read = await readIdentityAndRole(metadata);
  if (!read.ok) {
    lines.push({ id: 'role', title: TITLES.role, status: 'failed', evidence: [text('Reading the role failed: {0}', message(read.error))], fix: text('Refresh and retry; check the metadata service.') });
    lines.push(skipped('credential', TITLES.credential, 'no role could be read'));
    return { lines, identity: read.identity, credentialOk: false };
  }
  const { identity, roleName } = read;
  if (!roleName) {
    lines.push({
      id: 'role', title: TITLES.role, status: 'failed',
      evidence: [text('{0} lists no role under /latest/meta-data/ram/security-credentials/ for instance {1}.', metadata.endpoint, identity.instanceId)],
      fix: text('Attach an instance RAM role that ECS may assume and that has KMS permissions.'),
      action: attachRoleAction(identity),
    });
    lines.push(skipped('credential', TITLES.credential, 'no role is attached'));
    return { lines, identity, credentialOk: false };
  }
  lines.push({ id: 'role', title: TITLES.role, status: 'passed', evidence: [text('Instance {0} ({1}) has role {2}.', identity.instanceId, identity.regionId, roleName)] });

  try {
    const credential = await metadata.getCredential();
    const left = credential.expirationMs - deps.now();
    const evidence = [
      text('AccessKeyId {0}, fetched with {1}.', maskAccessKeyId(credential.accessKeyId), credential.mode === 'token' ? 'a token' : 'no token'),
      text('Expires {0} (in {1}); last updated {2}.', credential.expiration, formatDuration(left), credential.lastUpdated ?? '?'),
    ];
    if (left < ALMOST_EXPIRED_MS) {
      lines.push({
        id: 'credential', title: TITLES.credential, status: 'failed', evidence,
        fix: text('The service should have rotated it by now. Refresh; if it stays, check the clock (NTP).'),
        action: refreshAction(),
      });
      return { lines, identity, roleName, credentialOk: true };
    }
    lines.push({ id: 'credential', title: TITLES.credential, status: 'passed', evidence });
    return { lines, identity, roleName, credentialOk: true };
  } catch (error) {
    lines.push({
      id: 'credential', title: TITLES.credential, status: 'failed',
      evidence: [text('{0}', message(error))],
      fix: isCloudError(error) && error.hint ? text(error.hint) : text('Refresh and retry.'),
      action: refreshAction(),
    });
    return { lines, identity, roleName, credentialOk: false };
  }
}
