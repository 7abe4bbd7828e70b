// Generated (role policies, session policy, request) cases for the differential test of the extension's
// evaluator against the emulator's. Seeded fast-check arbitraries: the same seed gives the same cases.
// The emulator side is driven through its real entry point, authorize(), on an Account it would hold:
// custom policies attached to a role, and a role session that may carry a session policy.
import fc from 'fast-check';
import { authorize } from '../../emulator/authorize';
import type { RequestFacts } from '../../emulator/conditions';
import { ApiError } from '../../emulator/errors';
import { Account, type Principal } from '../../emulator/state';

export const ACCOUNT = '1234567890';
export const KEY_ARNS = [
  `acs:kms:cn-hangzhou:${ACCOUNT}:key/key-abc123`,
  `acs:kms:cn-hangzhou:${ACCOUNT}:key/key-xyz789`,
  `acs:kms:cn-shanghai:${ACCOUNT}:key/key-abcdef`,
];
export const SECRET_ARN = `acs:kms:cn-hangzhou:${ACCOUNT}:secret/db-password`;
export const ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:GetSecretValue', 'kms:DescribeKey'];

const ACTION_PATTERNS = ['kms:Encrypt', 'kms:Decrypt', 'KMS:encrypt', 'kms:*', 'kms:Encr*', 'kms:*Key', 'kms:?ecrypt', 'kms:GenerateDataKey', 'kms:Get*', '*', 'ecs:*', 'kms:Describe*'];
const RESOURCE_PATTERNS = [
  '*', 'acs:kms:*:*:key/*', 'acs:kms:*:*:*', `acs:kms:cn-hangzhou:${ACCOUNT}:key/key-abc*`, `acs:kms:*:${ACCOUNT}:key/key-abc123`,
  `acs:kms:cn-hangzhou:${ACCOUNT}:key/key-???789`, `acs:kms:*:*:secret/*`, `acs:kms:cn-shanghai:*:key/*`, 'acs:ecs:*:*:instance/*',
];

/** A condition on one of the keys both sides decide, with the documented operators. */
export const CONDITIONS: Record<string, Record<string, string[]>>[] = [
  { StringEquals: { 'acs:SourceVpc': ['vpc-good'] } },
  { StringNotEquals: { 'acs:SourceVpc': ['vpc-bad'] } },
  { StringLike: { 'acs:SourceVpc': ['vpc-g*'] } },
  { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8', '192.168.1.10'] } },
  { NotIpAddress: { 'acs:SourceIp': ['10.1.0.0/16'] } },
  { Bool: { 'acs:SecureTransport': ['true'] } },
  { DateLessThan: { 'acs:CurrentTime': ['2026-12-01T00:00:00Z'] } },
  { DateGreaterThan: { 'acs:CurrentTime': ['2026-06-01T00:00:00+08:00'] } },
  { StringEquals: { 'acs:SourceVpc': ['vpc-good'] }, IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } },
];

export interface RequestContext { sourceIp: string; sourceVpc?: string; secureTransport: boolean; currentTime: string }
export const CONTEXTS: RequestContext[] = [
  { sourceIp: '10.1.2.3', sourceVpc: 'vpc-good', secureTransport: true, currentTime: '2026-11-30T17:00:00Z' },
  { sourceIp: '10.2.0.5', sourceVpc: 'vpc-bad', secureTransport: false, currentTime: '2026-12-02T00:00:00Z' },
  { sourceIp: '203.0.113.9', secureTransport: true, currentTime: '2026-05-31T15:59:59Z' },
  { sourceIp: '192.168.1.10', secureTransport: false, currentTime: '2026-05-31T16:00:01Z' },
];

type Statement = Record<string, unknown>;
export interface PolicyCase {
  policies: { Version: '1'; Statement: Statement[] }[];
  session?: { Version: '1'; Statement: Statement[] };
  action: string;
  resource: string;
}

const some = <T>(values: readonly T[]) => fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }).map((a) => [...new Set(a)]);
/** Half the time a single string, as RAM also accepts. */
const listOrString = (values: readonly string[]) => fc.tuple(some(values), fc.boolean()).map(([a, single]) => (single && a.length === 1 ? a[0] : a));

function statementArb(withConditions: boolean): fc.Arbitrary<Statement> {
  return fc.record({
    effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    notAction: fc.boolean(),
    notResource: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    actions: listOrString(ACTION_PATTERNS),
    resources: listOrString(RESOURCE_PATTERNS),
    condition: withConditions ? fc.option(fc.constantFrom(...CONDITIONS), { freq: 2 }) : fc.constant(null),
  }).map(({ effect, notAction, notResource, actions, resources, condition }) => ({
    Effect: effect,
    [notAction ? 'NotAction' : 'Action']: actions,
    [notResource ? 'NotResource' : 'Resource']: resources,
    ...(condition ? { Condition: condition } : {}),
  }));
}

const documentArb = (withConditions: boolean) =>
  fc.array(statementArb(withConditions), { minLength: 1, maxLength: 3 }).map((Statement) => ({ Version: '1' as const, Statement }));

export function caseArb(withConditions = false): fc.Arbitrary<PolicyCase> {
  return fc.record({
    policies: fc.array(documentArb(withConditions), { minLength: 1, maxLength: 3 }),
    session: fc.option(documentArb(withConditions), { freq: 3 }),
    action: fc.constantFrom(...ACTIONS),
    resource: fc.constantFrom(...KEY_ARNS, SECRET_ARN),
  }).map(({ session, ...rest }) => (session ? { ...rest, session } : rest));
}

export type EmulatorDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/**
 * The emulator's decision for the case: the policies become custom policies attached to a role, the
 * caller is a session of that role (with the session policy, if any), and authorize() is asked.
 */
export function emulatorDecision(c: PolicyCase, context?: RequestContext): EmulatorDecision {
  const account = new Account(ACCOUNT, 'cn-hangzhou');
  const now = '2026-11-30T00:00:00Z';
  const refs = c.policies.map((document, i) => {
    const name = `p${i}`;
    account.policies.set(name, { name, type: 'Custom', description: '', versions: [{ id: 'v1', document: JSON.stringify(document), createDate: now }], defaultVersion: 'v1', createDate: now, updateDate: now });
    return { type: 'Custom' as const, name, attachDate: now };
  });
  account.roles.set('app', { name: 'app', roleId: '1', description: '', trustPolicy: '{}', maxSessionDuration: 3600, createDate: now, updateDate: now, policies: refs });
  const principal: Principal = {
    kind: 'role', roleName: 'app', sessionName: 's',
    session: {
      accessKeyId: 'STS.x', secret: 'x', token: 't', expiration: Date.now() + 3600_000, roleName: 'app', sessionName: 's', assumedRoleId: '1:s', issuedBy: 'test',
      ...(c.session ? { policy: JSON.stringify(c.session) } : {}),
    },
  };
  try {
    authorize(account, principal, [{ action: c.action, resource: c.resource }], 'kms', context && asFacts(context));
    return 'Allow';
  } catch (error) {
    if (error instanceof ApiError && error.accessDeniedDetail) return error.accessDeniedDetail.NoPermissionType;
    throw error;
  }
}

/** The same request as the emulator's server would describe it. */
export function asFacts(context: RequestContext): RequestFacts {
  return { sourceIp: context.sourceIp, ...(context.sourceVpc ? { sourceVpc: context.sourceVpc } : {}), secureTransport: context.secureTransport, currentTime: Date.parse(context.currentTime) };
}
