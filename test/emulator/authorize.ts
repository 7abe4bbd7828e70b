// RAM-style authorization: the caller's attached policies are evaluated for one action on one
// resource ARN. Wildcards (* and ?) in Action (case-insensitive) and Resource; an explicit Deny
// wins over any Allow; no matching Allow is an implicit deny. Conditions are evaluated against the
// request's facts (conditions.ts); a caller that gives none asks about a request that carries no key.
import { conditionMet, type RequestFacts } from './conditions';
import { ApiError } from './errors';
import type { Account, Policy, PolicyRef, Principal } from './state';
import { systemPolicies } from './systemPolicies';

interface Statement { Effect?: string; Action?: string | string[]; NotAction?: string | string[]; Resource?: string | string[]; NotResource?: string | string[]; Condition?: unknown }

const patternCache = new Map<string, RegExp>();
function wildcard(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let re = patternCache.get(key);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, caseInsensitive ? 'i' : '');
    patternCache.set(key, re);
  }
  return re;
}
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function findPolicy(account: Account, ref: { type: string; name: string }): Policy | undefined {
  return ref.type === 'System' ? systemPolicies.get(ref.name) : account.policies.get(ref.name);
}

function statementsOf(account: Account, refs: PolicyRef[]): Statement[] {
  const out: Statement[] = [];
  for (const ref of refs) {
    const policy = findPolicy(account, ref);
    const version = policy?.versions.find((v) => v.id === policy.defaultVersion);
    if (version) out.push(...parseStatements(version.document));
  }
  return out;
}

function parseStatements(document: string): Statement[] {
  const parsed = JSON.parse(document) as { Statement?: Statement[] | Statement };
  return Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** Evaluates statements for one action on one resource. */
const NO_FACTS: RequestFacts = { secureTransport: false, currentTime: 0 };

export function evaluate(statements: Statement[], action: string, resource: string, facts: RequestFacts = NO_FACTS): Decision {
  let allowed = false;
  for (const s of statements) {
    const actionMatches = s.NotAction !== undefined
      ? !list(s.NotAction).some((p) => wildcard(p, true).test(action))
      : list(s.Action).some((p) => wildcard(p, true).test(action));
    // NotResource (accepted by CreatePolicy, like NotAction for actions): every resource but those listed.
    const resourceMatches = s.NotResource !== undefined
      ? !list(s.NotResource).some((p) => wildcard(p, false).test(resource))
      : list(s.Resource).some((p) => wildcard(p, false).test(resource));
    if (!actionMatches || !resourceMatches || !conditionMet(s.Condition, facts)) continue;
    if (s.Effect === 'Deny') return 'ExplicitDeny';
    if (s.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}

export function policiesOf(account: Account, principal: Principal): PolicyRef[] {
  if (principal.kind === 'user') return account.users.get(principal.userName)?.policies ?? [];
  return account.roles.get(principal.roleName.toLowerCase())?.policies ?? [];
}

export interface Permission { action: string; resource: string }

const DENIED: Record<string, [string, string]> = {
  ram: ['NoPermission', 'You are not authorized to do this action. You should be authorized by RAM.'],
  sts: ['NoPermission', 'You are not authorized to do this action. You should be authorized by RAM.'],
  ecs: ['Forbidden.RAM', 'User not authorized to operate on the specified resource, or this API doesn\'t support RAM.'],
  kms: ['Forbidden.NoPermission', 'This operation is forbidden by permission system.'],
};

/**
 * Throws the called product's permission error (`product` is the API's, e.g. ECS for a missing
 * ram:PassRole in AttachInstanceRamRole), with an AccessDeniedDetail naming the action, unless
 * every permission is allowed.
 */
export function authorize(account: Account, principal: Principal, permissions: Permission[], product: string, facts?: RequestFacts): void {
  const statements = statementsOf(account, policiesOf(account, principal));
  const sessionPolicy = principal.kind === 'role' && principal.session.policy ? parseStatements(principal.session.policy) : undefined;
  for (const { action, resource } of permissions) {
    // RAM evaluates a role's session policy before its identity policies and stops at the first step
    // that does not allow ("How RAM evaluates policies"): a session that does not allow the action is
    // refused as the session policy's decision, even when an identity policy also denies it.
    let decision: Decision = sessionPolicy ? evaluate(sessionPolicy, action, resource, facts) : 'Allow';
    let policyType = 'SessionPolicy';
    if (decision === 'Allow') {
      decision = evaluate(statements, action, resource, facts);
      policyType = 'AccountLevelIdentityBasedPolicy';
    }
    if (decision === 'Allow') continue;
    const [code, message] = DENIED[product] ?? DENIED.ram;
    const display = principal.kind === 'user' ? principal.userName : `${principal.roleName}:${principal.sessionName}`;
    const diagnostic = { AuthAction: action, AuthResource: resource, NoPermissionType: decision };
    throw new ApiError(403, code, message, {
      AuthAction: action,
      AuthPrincipalType: principal.kind === 'user' ? 'SubUser' : 'AssumedRoleUser',
      AuthPrincipalOwnerId: account.accountId,
      AuthPrincipalDisplayName: display,
      PolicyType: policyType,
      NoPermissionType: decision,
      EncodedDiagnosticMessage: Buffer.from(JSON.stringify(diagnostic)).toString('base64'),
    });
  }
}
