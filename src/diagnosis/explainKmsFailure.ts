// Explains why a KMS call (Encrypt, Decrypt, GetSecretValue) failed, in words, with the fix and —
// where one exists — the command that applies it. Pure: the commands turn `remedy` into a button.
import { isCloudError } from '../cloud/types';
import { text, type Message } from '../util/message';

export interface KmsCallContext {
  /** kms:Encrypt, kms:Decrypt or kms:GetSecretValue. */
  readonly action: string;
  /** Who called: the instance role's name, or the profile's name. */
  readonly principal: string;
  /** True when the principal is this instance's RAM role (then "Grant KMS Access" can fix a refusal). */
  readonly isInstanceRole: boolean;
  /** The key (id, alias or ARN) or secret name as the user gave it. */
  readonly resource: string;
  readonly resourceKind: 'key' | 'secret';
  readonly regionId: string;
  /** host[:port] the call went to, and whether it is the VPC endpoint. */
  readonly endpoint: string;
  readonly vpcEndpoint: boolean;
}

export type Remedy = 'grantKmsAccess' | 'otherEndpoint' | 'refreshCredential' | 'attachRole' | 'checkClock' | 'enableKey';

export interface KmsFailureExplanation {
  readonly code: string;
  readonly summary: Message;
  readonly fix: Message;
  readonly remedy?: Remedy;
  readonly requestId?: string;
}

const NOT_FOUND = new Set(['Forbidden.KeyNotFound', 'Forbidden.AliasNotFound', 'NotFound.Key', 'EntityNotExist.Key', 'InvalidKeyId.NotFound', 'Forbidden.ResourceNotFound']);
const DENIED = new Set(['Forbidden.NoPermission', 'NoPermission', 'Forbidden.RAM', 'Forbidden', 'AccessDenied']);
const SKEW = new Set(['InvalidTimeStamp.Expired', 'RequestTimeTooSkewed', 'IllegalTimestamp']);
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'RequestTimeout']);

export function explainKmsFailure(error: unknown, c: KmsCallContext): KmsFailureExplanation {
  if (!isCloudError(error)) {
    return { code: 'Error', summary: text('{0} failed: {1}', c.action, error instanceof Error ? error.message : String(error)), fix: text('See the log for details.') };
  }
  const base = { code: error.code, requestId: error.requestId };
  const code = error.code;

  if (DENIED.has(code)) {
    const action = error.accessDenied?.action ?? c.action;
    return {
      ...base,
      summary: c.isInstanceRole
        ? text('Role {0} lacks {1} on {2} {3}.', c.principal, action, c.resourceKind, c.resource)
        : text('Profile {0} lacks {1} on {2} {3}.', c.principal, action, c.resourceKind, c.resource),
      fix: c.isInstanceRole
        ? text('Grant the role KMS access (Grant KMS Access: AliyunKMSCryptoUserAccess or a policy for this {0} only), then test again.', c.resourceKind)
        : text('Attach a RAM policy that allows {0} on this {1} to the profile\'s user or role.', action, c.resourceKind),
      remedy: c.isInstanceRole ? 'grantKmsAccess' : undefined,
    };
  }
  if (NOT_FOUND.has(code)) {
    return {
      ...base,
      summary: text('The {0} {1} was not found in region {2}.', c.resourceKind, c.resource, c.regionId),
      fix: c.resourceKind === 'key'
        ? text('Check the key id or alias. A key lives in one region: if it is in another region than {0}, give its ARN (acs:kms:<region>:<account>:key/<id>) or pick it from the KMS Keys view.', c.regionId)
        : text('Check the secret name. A secret lives in one region: if it is in another region than {0}, pick it from the KMS Keys view.', c.regionId),
    };
  }
  if (code === 'Forbidden.KeyNotEnabled' || code === 'Rejected.Disabled' || code === 'Rejected.PendingDeletion' || /Disabled|PendingDeletion/.test(code)) {
    const pending = /PendingDeletion/.test(code) || /PendingDeletion/.test(error.message);
    return pending
      ? { ...base, summary: text('Key {0} is pending deletion and cannot be used.', c.resource), fix: text('Cancel the key deletion in the KMS console (CancelKeyDeletion) if it is still needed, or use another key.') }
      : { ...base, summary: text('Key {0} is disabled.', c.resource), fix: text('Enable the key in the KMS console (EnableKey), or use another key.'), remedy: 'enableKey' };
  }
  if (code.startsWith('InvalidSecurityToken')) {
    return {
      ...base,
      summary: code.endsWith('Expired') ? text('The temporary credential has expired.') : text('The temporary credential was rejected ({0}).', code),
      fix: text('Refresh the instance credential. If it keeps expiring, check this machine\'s clock (NTP).'),
      remedy: 'refreshCredential',
    };
  }
  if (SKEW.has(code)) {
    return {
      ...base,
      summary: text('The request was refused because this machine\'s clock differs from Alibaba Cloud\'s by more than 15 minutes ({0}).', code),
      fix: text('Synchronise the clock (e.g. `sudo chronyc makestep` or enable NTP) and test again. Diagnose KMS Access measures the difference.'),
      remedy: 'checkClock',
    };
  }
  if (code === 'InvalidAccessKeyId.NotFound' || code === 'SignatureDoesNotMatch') {
    return c.isInstanceRole
      ? { ...base, summary: text('The instance credential was not accepted ({0}).', code), fix: text('Refresh the instance credential; the role may have been detached or replaced.'), remedy: 'refreshCredential' }
      : { ...base, summary: text('The profile\'s AccessKey was not accepted ({0}).', code), fix: text(error.hint ?? 'Check the profile\'s AccessKey.') };
  }
  if (UNREACHABLE.has(code)) {
    return {
      ...base,
      summary: c.vpcEndpoint
        ? text('The VPC endpoint of KMS ({0}) is unreachable from this machine: {1}.', c.endpoint, code)
        : text('The public endpoint of KMS ({0}) is unreachable from this machine: {1}.', c.endpoint, code),
      fix: c.vpcEndpoint
        ? text('The VPC endpoint answers only inside a VPC of region {0}. Try the public endpoint (turn off alicloudKms.kmsVpcEndpoint).', c.regionId)
        : text('This machine may have no Internet access. On an ECS instance in a VPC, try the VPC endpoint kms-vpc.{0}.aliyuncs.com (turn on alicloudKms.kmsVpcEndpoint).', c.regionId),
      remedy: 'otherEndpoint',
    };
  }
  if (code === 'Metadata.NoRole') {
    return { ...base, summary: text('No RAM role is attached to this instance.'), fix: text('Attach an instance RAM role with KMS permissions (ECS Instances view: Attach Role).'), remedy: 'attachRole' };
  }
  if (code.startsWith('Metadata.')) {
    return { ...base, summary: text('The instance credential could not be read: {0}', error.message), fix: text(error.hint ?? 'Refresh the instance credential.'), remedy: 'refreshCredential' };
  }
  return { ...base, summary: text('{0} failed: {1} ({2}).', c.action, error.message, code), fix: text(error.hint ?? 'See the log for details.') };
}
