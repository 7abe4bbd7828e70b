// The one catalog of CloudError hints, keyed by error code: what the user can do about each failure.
// src/cloud has no vscode, so a hint travels as a HintRef: an l10n key (the English template, with {0}…
// placeholders), its arguments, and optionally a command the UI can offer. The UI localizes it once, by
// key (src/session/localizeHint.ts); logs use the English text (formatHint). No code ever recognises a
// hint by its English words. test/unit/cloud-hint-catalog.test.ts checks that every code the emulator
// can return has a hint here or is listed in GENERIC_CODES on purpose.
import { COMMAND, type CommandId } from '../commandIds';
import type { AccessDeniedInfo } from './cloudError';

export interface HintRef {
  /** The l10n key: an English sentence, `{0}`… where the arguments go. */
  readonly key: string;
  readonly args: readonly string[];
  /** A command that does what the hint says (offered by the UI next to the hint). */
  readonly action?: CommandId;
}

interface Entry {
  readonly key: string;
  readonly action?: CommandId;
}

const ACCESS_KEY_UNKNOWN: Entry = { key: 'The AccessKey ID is unknown or disabled. Check the active profile, or create a new AccessKey in the RAM console.', action: COMMAND.selectProfile };
const WRONG_SECRET: Entry = { key: 'The AccessKey secret does not match the AccessKey ID. Re-enter the secret of the active profile.', action: COMMAND.addAccessKey };
const CLOCK: Entry = { key: 'This machine\'s clock differs from Alibaba Cloud\'s by more than 15 minutes. Synchronise the clock (NTP) and retry.' };
const TOKEN_MISMATCH: Entry = { key: 'The security token does not belong to this AccessKey ID. Refresh the temporary credential.', action: COMMAND.refreshInstanceCredential };
const KEY_NOT_FOUND: Entry = { key: 'The KMS key was not found in this region (or the caller may not see it). Check the key id or alias and the region.' };
const KEY_DISABLED: Entry = { key: 'The KMS key is disabled. Enable it in the KMS console first.' };
const KEY_PENDING_DELETION: Entry = { key: 'The KMS key is pending deletion. Cancel the deletion in the KMS console to use it.' };
const NOT_ALLOWED: Entry = { key: 'The caller is not allowed to do this. Grant the needed action with a RAM policy.' };
const PUBLIC_BANDWIDTH: Entry = { key: 'The public bandwidth is a whole number of Mbit/s from 0 (no public IP) to 100.' };
const NO_INSTANCE: Entry = { key: 'No such instance in this region. Check the instance id and the region.' };
const CLASSIC_NETWORK: Entry = { key: 'Instance RAM roles work only for instances in a VPC; this one is in the classic network.' };
const OTHER_ROLE: Entry = { key: 'The instance already has another RAM role. Detach it first (Replace Role does both).', action: COMMAND.replaceRole };
const NOT_ECS_ROLE: Entry = { key: 'The role\'s trust policy does not let ECS assume it. Add "ecs.aliyuncs.com" as a trusted service.', action: COMMAND.openTrustPolicy };
const PARAMETER: Entry = { key: 'A parameter was rejected; the message says which.' };
const THROTTLED: Entry = { key: 'Alibaba Cloud is throttling requests; retried with backoff and still throttled. Wait a moment and retry.' };
const INVALID_RESPONSE: Entry = { key: 'Something between this machine and Alibaba Cloud (a proxy, a gateway, or an endpoint in alicloudKms.endpoints) answered instead of the service. Check the endpoint and the network, then retry.' };
const NOT_ON_ECS: Entry = { key: 'This machine is not an ECS instance, or alicloudKms.metadataEndpoint points to the wrong address.' };
const BAD_REGION: Entry = { key: 'The region id is not valid. Check alicloudKms.regions and the profile\'s region.', action: COMMAND.selectRegions };
const POLICY_ATTACHED: Entry = { key: 'The policy is still attached. Detach it from every role, user and group first.', action: COMMAND.detachPolicy };
const SELECT_PROFILE: Entry = { key: 'Select another profile (Alibaba Cloud: Select Profile).', action: COMMAND.selectProfile };

/** Exact codes. Families (a prefix) are in BY_PREFIX; the hints that depend on more than the code in hintFor. */
const BY_CODE: Readonly<Record<string, Entry>> = {
  'InvalidAccessKeyId': ACCESS_KEY_UNKNOWN,
  'InvalidAccessKeyId.NotFound': ACCESS_KEY_UNKNOWN,
  'InvalidAccessKeyId.Inactive': ACCESS_KEY_UNKNOWN,
  'SignatureDoesNotMatch': WRONG_SECRET,
  'IncompleteSignature': WRONG_SECRET,
  'MissingSignature': WRONG_SECRET,
  'InvalidTimeStamp.Expired': CLOCK,
  'InvalidTimeStamp.Format': CLOCK,
  'RequestTimeTooSkewed': CLOCK,
  'IllegalTimestamp': CLOCK,
  'SignatureNonceUsed': { key: 'A request was replayed. Retry; if it persists, check the clock.' },
  'InvalidSecurityToken.Expired': { key: 'The temporary credential (STS token) has expired. Refresh the profile or the instance credential.', action: COMMAND.refreshInstanceCredential },
  'MissingSecurityToken': { key: 'The AccessKey is a temporary one (STS) but no security token was sent. Add the token to the profile, or use a permanent AccessKey.' },
  'Forbidden.KeyNotFound': KEY_NOT_FOUND,
  'NotFound.Key': KEY_NOT_FOUND,
  'EntityNotExist.Key': KEY_NOT_FOUND,
  'InvalidKeyId.NotFound': KEY_NOT_FOUND,
  'Forbidden.AliasNotFound': KEY_NOT_FOUND,
  'Forbidden.KeyNotEnabled': KEY_DISABLED,
  'Rejected.Disabled': KEY_DISABLED,
  'Rejected.PendingDeletion': KEY_PENDING_DELETION,
  'Forbidden.KeyPendingDeletion': KEY_PENDING_DELETION,
  'Forbidden.ResourceNotFound': { key: 'The secret (or this version of it) does not exist in this region. Check the secret name and the region.' },
  'NoPermission': NOT_ALLOWED,
  'Forbidden': NOT_ALLOWED,
  'Forbidden.RAM': NOT_ALLOWED,
  'Forbidden.NoPermission': NOT_ALLOWED,
  'Forbidden.AccessDenied': NOT_ALLOWED,
  'AccessDenied': NOT_ALLOWED,
  'DeleteConflict.Role.Policy': { key: 'Detach its policies first.' },
  'InvalidInstanceId.NotFound': NO_INSTANCE,
  'InvalidInstanceId.MalFormed': NO_INSTANCE,
  'InvalidInstanceIds.NotFound': NO_INSTANCE,
  'InvalidInstanceIds.Malformed': NO_INSTANCE,
  'InvalidInstance.NotVpc': CLASSIC_NETWORK,
  'InvalidInstance.NetworkType': CLASSIC_NETWORK,
  'InvalidInstanceNetworkType': CLASSIC_NETWORK,
  'InvalidRamRole.NotEqual': OTHER_ROLE,
  'InvalidInstance.RamRoleExists': OTHER_ROLE,
  'InvalidParam.RamRole.Conflict': OTHER_ROLE,
  'InvalidRamRole.NotEcsRole': NOT_ECS_ROLE,
  'InvalidRamRole.NotFound': { key: 'No RAM role with this name. Check the name or create the role first.', action: COMMAND.createRole },
  'InvalidVSwitchId.NotFound': { key: 'The vSwitch does not exist in this region. Choose a vSwitch of the instance\'s region and zone.' },
  'InvalidSecurityGroupId.NotFound': { key: 'The security group does not exist in this region. Choose a security group of the vSwitch\'s VPC.' },
  // Create Instance with Role: the image, the instance type and the public bandwidth.
  'InvalidImageId.NotFound': { key: 'The image does not exist in this region (or is not shared with this account). Check the image id and the region.' },
  'ImageNotSupportInstanceType': { key: 'The image does not run on this instance type (an arm64 image on an x86 type, or the reverse). Choose an image the image step lists for the instance type.' },
  'InvalidInstanceType.ValueNotSupported': { key: 'This instance type does not exist or is not offered here. Check the name (e.g. ecs.g7.large) and choose one sold in this zone.' },
  'InvalidInternetMaxBandwidthOut.Malformed': PUBLIC_BANDWIDTH,
  'InvalidBandwidthOut.LessThanZero': PUBLIC_BANDWIDTH,
  'InvalidInternetChargeType.ValueNotSupported': { key: 'Public bandwidth is billed PayByTraffic or PayByBandwidth; the request named another charge type.' },
  'InvalidRegionId.MalFormed': BAD_REGION,
  'InvalidRegionId.NotFound': BAD_REGION,
  'InvalidInstance.NotFound': NO_INSTANCE,
  'InvalidNetworkType.MismatchRamRole': CLASSIC_NETWORK,
  'InvalidUser.PassRoleForbidden': { key: 'The caller may not pass this role to an instance: it needs ram:PassRole on the role. Ask an administrator to grant it in RAM.' },
  'LimitExceeded.Policy.Version': { key: 'The policy already has 5 versions, RAM\'s limit. Delete a version that is not the default (Edit Policy offers to), then save again.', action: COMMAND.editPolicy },
  'DeleteConflict.Policy.Version.Default': { key: 'The default version of a policy cannot be deleted. Make another version the default first.' },
  'DeleteConflict.Policy.Version': { key: 'Delete the policy\'s versions that are not the default first (Delete Policy does both).', action: COMMAND.deletePolicy },
  'DeleteConflict.Policy.Role': POLICY_ATTACHED,
  'DeleteConflict.Policy.User': POLICY_ATTACHED,
  'DeleteConflict.Policy.Group': POLICY_ATTACHED,
  'MalformedPolicyDocument': { key: 'The policy document was refused; the message says why. Open it as a *.ram-policy.json file to see the problems as you type.' },
  'LimitExceeded.Policy.Length': { key: 'The policy document is longer than RAM allows (6,144 characters). Split it into two policies.' },
  'DryRunOperation': { key: 'The dry run passed: the request would succeed.' },
  'RequestTimeout': { key: 'The service did not answer in time. Check the network and retry.' },
  'InvalidResponse': INVALID_RESPONSE,
  // Node network errors.
  'ECONNREFUSED': { key: 'Nothing accepts connections at the endpoint. Check alicloudKms.endpoints and that the service is reachable from this machine.' },
  'ENOTFOUND': { key: 'The endpoint host name does not resolve (DNS). Check the region, the endpoints setting, and this machine\'s DNS; the VPC KMS endpoint resolves only inside a VPC.' },
  'EAI_AGAIN': { key: 'DNS lookup failed temporarily. Check this machine\'s DNS and network.' },
  'ECONNRESET': { key: 'The connection was reset. A proxy or firewall may be interfering; retry later.' },
  'ETIMEDOUT': { key: 'The connection timed out. The endpoint may be unreachable from this network (e.g. a VPC endpoint outside a VPC).' },
  'EHOSTUNREACH': { key: 'The endpoint host is unreachable from this machine.' },
  'ENETUNREACH': { key: 'The network is unreachable from this machine.' },
  'EPIPE': { key: 'The connection was closed while sending. Retry later.' },
  'ECONNABORTED': { key: 'The connection was aborted. Retry later.' },
  // The instance metadata service and the profiles (codes of our own).
  'Metadata.Timeout': { key: 'This machine is probably not an ECS instance, or the metadata service is blocked.' },
  'Metadata.Unreachable': NOT_ON_ECS,
  'Metadata.InvalidEndpoint': { key: 'Set alicloudKms.metadataEndpoint to the metadata service\'s http:// address, or remove the setting to use the default.' },
  'Metadata.ResponseTooLarge': { key: 'Something other than the ECS metadata service answers at alicloudKms.metadataEndpoint. Check the setting and the network.' },
  'Metadata.NoRole': { key: 'Attach an instance RAM role to this instance (ECS Instances view: Attach Role).', action: COMMAND.attachRole },
  'Metadata.TokenFailed': { key: 'Allow the token path on this instance, or unset ALIBABA_CLOUD_IMDSV1_DISABLED to allow the token-less request.' },
  'Metadata.TokenRequired': { key: 'Check that PUT /latest/api/token is allowed from this machine (no proxy in between).' },
  'Metadata.InvalidCredential': { key: 'The metadata service (or a proxy in front of it) returned an unexpected document. Check alicloudKms.metadataEndpoint.' },
  'Metadata.CredentialNotReady': { key: 'The role may have just been attached or its trust policy may not allow ECS to assume it. Wait a moment and retry.', action: COMMAND.refreshInstanceCredential },
  'Metadata.CredentialExpired': { key: 'Check this machine\'s clock (NTP); the instance credential is normally rotated before it expires.' },
  'Metadata.RoleMismatch': { key: 'Update the profile\'s role name or attach the expected role to this instance.' },
  'ProfileUnsupported': { key: 'Choose another profile (Alibaba Cloud: Select Profile) or add an AccessKey.', action: COMMAND.selectProfile },
  'ProfileNotFound': SELECT_PROFILE,
};

/** Code families, first match wins (so `InvalidSecurityToken.Expired` above wins over its family). */
const BY_PREFIX: readonly (readonly [string, Entry])[] = [
  ['InvalidSecurityToken', TOKEN_MISMATCH],
  ['EntityAlreadyExists', { key: 'An entity with this name already exists. Choose another name or use the existing one.' }],
  ['EntityNotExist', { key: 'It does not exist (any more). Refresh the view.' }],
  ['DeleteConflict', { key: 'Detach its policies first.' }],
  ['Throttling', THROTTLED],
  ['InvalidParameter', PARAMETER],
  ['InvalidParam', PARAMETER],
  ['MissingParameter', PARAMETER],
];

/**
 * Codes the emulator (and the service) can return that get no hint on purpose: the service's message
 * already says everything the user can act on, or the cause is a bug of the extension, not the user's.
 */
export const GENERIC_CODES: Readonly<Record<string, string>> = {
  InvalidAction: 'an API the endpoint does not know: a wrong endpoint or an extension bug; the message names it',
  'InvalidAction.NotFound': 'as InvalidAction',
  InvalidVersion: 'an API version the endpoint does not know: an extension bug',
  InvalidCiphertext: 'the ciphertext is damaged or from another key; the message says so',
  'Rejected.AliasExists': 'the message names the alias that exists',
  'Rejected.ResourceExist': 'the message names the resource that exists',
  InternalError: 'a 5xx: the "internal error, retry later" hint of hintFor',
  ServiceUnavailable: 'a 5xx: the "internal error, retry later" hint of hintFor',
  'Metadata.NotFound': 'an item the instance does not have: callers treat it as "none"',
  'Metadata.HttpError': 'the message names the HTTP status',
  // DescribeImages filters the image step sends as constants: a refusal is an extension bug.
  InvalidOSType: 'the image step always sends OSType linux: an extension bug',
  InvalidArchitecture: 'the extension sends no Architecture (InstanceType filters instead): an extension bug',
  InvalidUsage: 'the extension sends no Usage: an extension bug',
  'InvalidImageOwnerAlias.ValueNotSupported': 'the image step always sends ImageOwnerAlias system: an extension bug',
  // Cloud Assistant parameters the extension builds itself (fleet check): a refusal is an extension bug.
  'CmdContent.ExceedLimit': 'the fleet check script is built by the extension: an extension bug',
  'CmdContent.DecodeError': 'as CmdContent.ExceedLimit',
  'InvalidCmdType.NotFound': 'as CmdContent.ExceedLimit',
  'MissingParam.InstanceId': 'as CmdContent.ExceedLimit',
  'InstanceIds.ExceedLimit': 'the extension sends at most 100 ids a call: an extension bug',
  IdempotentParameterMismatch: 'a ClientToken reused with other parameters: an extension bug',
  RequestEntityTooLarge: 'a request larger than the gateway accepts: an extension bug',
};

const SERVER_ERROR: Entry = { key: 'The service had an internal error. Retry later.' };
const SERVICE_RECOMMENDS: Entry = { key: 'The service recommends: {0}' };
const DENIED: Entry = { key: 'The caller lacks the permission {0}. Grant it with a RAM policy.' };
const DENIED_ON: Entry = { key: 'The caller lacks the permission {0} on {1}. Grant it with a RAM policy.' };
const DENIED_PASS_ROLE: Entry = { key: 'The caller lacks the permission {0} on {1}. Grant it with a RAM policy. Attaching a role to an instance also needs ram:PassRole on that role.' };

// Entries are spread, never re-assigned to `key:`: scripts/l10n collects every literal `key:` of this file.
const ref = (entry: Entry, args: readonly string[] = []): HintRef => ({ ...entry, args });

/** The catalog entry of a code alone (exact code, then its family), or undefined. */
export function hintForCode(code: string): HintRef | undefined {
  const entry = BY_CODE[code] ?? BY_PREFIX.find(([prefix]) => code === prefix || code.startsWith(`${prefix}.`))?.[1];
  return entry ? ref(entry) : undefined;
}

export interface HintContext {
  readonly accessDenied?: AccessDeniedInfo;
  readonly httpStatus?: number;
  readonly message?: string;
  /** The service's own Recommend text (a diagnosis URL), used when the catalog has nothing. */
  readonly recommend?: string;
}

/** The hint for a failure: the refused RAM action when the service names it, else the code's entry. */
export function hintFor(code: string, context: HintContext = {}): HintRef | undefined {
  const denied = context.accessDenied;
  if (denied?.action) {
    // A refused KMS action is what Grant KMS Access fixes; a refused RAM/ECS action needs an administrator.
    const action: Partial<Entry> = denied.action.startsWith('kms:') ? { action: COMMAND.grantKmsAccess } : {};
    if (!denied.resource) return ref({ ...DENIED, ...action }, [denied.action]);
    return ref({ ...(denied.action === 'ram:PassRole' ? DENIED_PASS_ROLE : DENIED_ON), ...action }, [denied.action, denied.resource]);
  }
  // KMS answers Forbidden.KeyNotEnabled for a disabled key and for one pending deletion alike.
  if (code === 'Forbidden.KeyNotEnabled' && /PendingDeletion/i.test(context.message ?? '')) return ref(KEY_PENDING_DELETION);
  const known = hintForCode(code);
  if (known) return known;
  if (context.httpStatus !== undefined && context.httpStatus >= 500) return ref(SERVER_ERROR);
  return context.recommend ? ref(SERVICE_RECOMMENDS, [context.recommend]) : undefined;
}

/** The English text of a hint, for logs (the UI shows it localized: localizeHint). */
export function formatHint(hint: HintRef): string {
  return hint.key.replace(/\{(\d+)\}/g, (whole, n: string) => hint.args[Number(n)] ?? whole);
}
