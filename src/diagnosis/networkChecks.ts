// Checklist lines about the way to KMS: the clock against the service's Date header, DNS and TCP to
// the KMS endpoint, and an Encrypt/Decrypt round trip with the instance credential.
import { formatDuration } from '../util/duration';
import { text } from '../util/message';
import { explainKmsFailure } from './explainKmsFailure';
import { enableKeyAction, grantAction, keyIdOf, OPEN_SETTINGS_COMMAND, openSettingsAction, refreshAction, type FixAction } from './fixActions';
import { encryptRoundTrip } from './kmsRoundTrip';
import type { CheckLine, DiagnosisDeps, KmsEndpointInfo } from './diagnosisTypes';
import type { MetadataFindings } from './metadataChecks';
import { skipped } from './skipped';

const TITLES = {
  clock: text('Local clock agrees with the service'),
  dns: text('DNS resolves the KMS endpoint'),
  tcp: text('TCP connection to the KMS endpoint'),
  encrypt: text('Encrypt permitted on the key'),
};

/** Signed requests are refused beyond 15 minutes of difference; warn well before. */
const SKEW_LIMIT_MS = 15 * 60 * 1000;
const SKEW_WARN_MS = 60 * 1000;

/** A fixed, harmless sample: Diagnose never sends the user's data. */
const DIAGNOSE_SAMPLE = 'alicloud-kms-access diagnose';

const otherEndpointAction = (kms: KmsEndpointInfo): FixAction | undefined =>
  kms.overridden ? undefined : { label: kms.vpc ? text('Use the Public Endpoint') : text('Use the VPC Endpoint'), command: OPEN_SETTINGS_COMMAND, args: ['alicloudKms.kmsVpcEndpoint'] };

/** host and port of `host[:port]` for a protocol. */
function hostPort(endpoint: string, protocol: 'https' | 'http'): { host: string; port: number } {
  const url = new URL(`${protocol}://${endpoint}`);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80 };
}

function code(error: unknown): string {
  return (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
}

export async function networkChecks(deps: DiagnosisDeps, kms: KmsEndpointInfo): Promise<CheckLine[]> {
  const timeoutMs = deps.timeoutMs ?? 2000;
  const { host, port } = hostPort(kms.endpoint, kms.protocol);
  const kind = kms.vpc ? 'VPC' : kms.overridden ? 'alicloudKms.endpoints' : 'public';
  const lines: CheckLine[] = [];

  // The clock first: it needs only an answer, whatever the status.
  try {
    const { dateMs, roundTripMs, localMs } = await deps.network.serviceDate(`${kms.protocol}://${kms.endpoint}`, timeoutMs);
    if (dateMs === undefined) {
      lines.push(skipped('clock', TITLES.clock, '{0} sent no Date header to compare with.', kms.endpoint));
    } else {
      // The header has one-second resolution and was written about half a round trip ago.
      const skew = localMs - (dateMs + 500 + roundTripMs / 2);
      const evidence = [text('Local {0}, {1} says {2}: difference {3}.', new Date(localMs).toISOString(), kms.endpoint, new Date(dateMs).toISOString(), formatDuration(skew))];
      if (Math.abs(skew) > SKEW_LIMIT_MS) {
        lines.push({ id: 'clock', title: TITLES.clock, status: 'failed', evidence, fix: text('Signed requests are refused beyond 15 minutes of difference. Synchronise this machine\'s clock (NTP, e.g. chronyd).') });
      } else {
        if (Math.abs(skew) > SKEW_WARN_MS) evidence.push(text('Within the 15-minute limit, but synchronise the clock (NTP) before it drifts further.'));
        lines.push({ id: 'clock', title: TITLES.clock, status: 'passed', evidence });
      }
    }
  } catch (error) {
    lines.push(skipped('clock', TITLES.clock, 'No answer from {0} to compare clocks with ({1}).', kms.endpoint, code(error)));
  }

  let resolved = false;
  try {
    const found = await deps.network.resolve(host);
    resolved = true;
    lines.push({
      id: 'dns', title: TITLES.dns, status: 'passed',
      evidence: [found.isIp ? text('{0} is an IP address ({1} endpoint): no lookup needed.', host, kind) : text('{0} ({1} endpoint) resolves to {2}.', host, kind, found.addresses.join(', '))],
    });
  } catch (error) {
    lines.push({
      id: 'dns', title: TITLES.dns, status: 'failed',
      evidence: [text('{0} ({1} endpoint) does not resolve: {2}.', host, kind, code(error))],
      fix: kms.vpc ? text('The VPC endpoint resolves only inside a VPC of its region: use the public endpoint off the instance.') : text('Check this machine\'s DNS; inside a VPC without Internet access use the VPC endpoint.'),
      action: otherEndpointAction(kms),
    });
  }

  if (!resolved) {
    lines.push(skipped('tcp', TITLES.tcp, '{0} does not resolve.', host));
    return lines;
  }
  try {
    const { ms } = await deps.network.connect(host, port, timeoutMs);
    lines.push({ id: 'tcp', title: TITLES.tcp, status: 'passed', evidence: [text('Connected to {0}:{1} in {2} ms.', host, port, Math.round(ms))] });
  } catch (error) {
    lines.push({
      id: 'tcp', title: TITLES.tcp, status: 'failed',
      evidence: [text('No connection to {0}:{1}: {2}.', host, port, code(error))],
      fix: text('A security group, firewall or route blocks port {0}. The {1} endpoint may not be reachable from this network; try the other one.', port, kind),
      action: otherEndpointAction(kms),
    });
  }
  return lines;
}

export async function encryptCheck(deps: DiagnosisDeps, regionId: string, kms: KmsEndpointInfo, meta: MetadataFindings): Promise<CheckLine> {
  if (!deps.key) {
    return {
      ...skipped('encrypt', TITLES.encrypt, 'No key chosen.'),
      fix: text('Set alicloudKms.defaultKey, or run Diagnose from a key in the KMS Keys view.'),
      action: openSettingsAction('alicloudKms.defaultKey'),
    };
  }
  if (!meta.credentialOk || !meta.roleName) return skipped('encrypt', TITLES.encrypt, 'There is no usable instance credential.');
  const result = await encryptRoundTrip(deps.instanceKms(regionId), { keyId: deps.key.identifier, plaintext: DIAGNOSE_SAMPLE }, { signal: deps.signal });
  if (!result.failed) {
    const [enc, dec] = result.calls;
    return {
      id: 'encrypt', title: TITLES.encrypt, status: result.matches ? 'passed' : 'failed',
      evidence: [
        text('Role {0}: Encrypt with {1} (version {2}) in {3} ms, RequestId {4}.', meta.roleName, enc.keyId ?? '?', enc.keyVersionId ?? '?', Math.round(enc.latencyMs), enc.requestId ?? '?'),
        text('Decrypt in {0} ms, RequestId {1}; {2}.', Math.round(dec.latencyMs), dec.requestId ?? '?', result.matches ? 'the plaintext came back unchanged' : 'the plaintext came back DIFFERENT'),
      ],
    };
  }
  const explained = explainKmsFailure(result.failed.error, {
    action: `kms:${result.failed.api}`, principal: meta.roleName, isInstanceRole: true, resource: deps.key.identifier, resourceKind: 'key',
    regionId, endpoint: kms.endpoint, vpcEndpoint: kms.vpc,
  });
  const action: FixAction | undefined = explained.remedy === 'grantKmsAccess'
    ? grantAction(meta.roleName, deps.key.identifier, regionId)
    : explained.remedy === 'refreshCredential' ? refreshAction()
      : explained.remedy === 'otherEndpoint' ? otherEndpointAction(kms)
        : explained.remedy === 'enableKey' ? enableKeyFor(regionId, deps.key.identifier) : undefined;
  return {
    id: 'encrypt', title: TITLES.encrypt, status: 'failed',
    evidence: [explained.summary, text('{0} answered {1} in {2} ms (RequestId {3}).', result.failed.api, explained.code, Math.round(result.failed.latencyMs), explained.requestId ?? '?')],
    fix: explained.fix,
    action,
  };
}

/** Enable Key for the tested key, when its id is known from the identifier (an alias needs DescribeKey: the policies line has it). */
function enableKeyFor(regionId: string, identifier: string): FixAction | undefined {
  const keyId = keyIdOf(identifier);
  return keyId ? enableKeyAction(regionId, keyId) : undefined;
}
