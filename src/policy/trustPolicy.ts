// Trust policies (AssumeRolePolicyDocument) for RAM roles: generation for services and accounts, and
// the check "can this service (ECS) assume the role?" with the reason when it cannot. Pure: no vscode, no SDK.
import { accountRootArn } from './arn';
import { actionMatches } from './wildcard';
import type { PolicyDocument, PolicyStatement } from './policyDocument';
import { PolicyError, problem, type Problem } from './problem';
import { validateServicePrincipal } from './validation';

/** The service principal that lets ECS instances assume a role (product doc, step 1). */
export const ECS_SERVICE_PRINCIPAL = 'ecs.aliyuncs.com';

/** Services users commonly let assume a role, for the "trusted service" quick pick. */
export const TRUSTED_SERVICES = [
  { principal: 'ecs.aliyuncs.com', label: 'Elastic Compute Service (ECS)' },
  { principal: 'fc.aliyuncs.com', label: 'Function Compute (FC)' },
  { principal: 'oos.aliyuncs.com', label: 'CloudOps Orchestration Service (OOS)' },
  { principal: 'cs.aliyuncs.com', label: 'Container Service for Kubernetes (ACK)' },
  { principal: 'eci.aliyuncs.com', label: 'Elastic Container Instance (ECI)' },
  { principal: 'ess.aliyuncs.com', label: 'Auto Scaling (ESS)' },
  { principal: 'actiontrail.aliyuncs.com', label: 'ActionTrail' },
] as const;

export interface TrustPolicyStatement {
  Action: string;
  Effect: 'Allow' | 'Deny';
  Principal: { Service?: string[]; RAM?: string[]; Federated?: string[] };
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface TrustPolicy {
  Statement: TrustPolicyStatement[];
  Version: '1';
}

/**
 * The trust policy that lets the given services (ECS by default) assume the role:
 * `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}`.
 */
export function serviceTrustPolicy(services: readonly string[] = [ECS_SERVICE_PRINCIPAL]): TrustPolicy {
  if (services.length === 0) throw new PolicyError(problem('TrustPolicy.NoService', 'A trust policy needs at least one trusted service.'));
  for (const s of services) {
    const bad = validateServicePrincipal(s);
    if (bad) throw new PolicyError(bad);
  }
  return {
    Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: [...new Set(services)] } }],
    Version: '1',
  };
}

/** The trust policy that lets RAM identities of the given accounts (`acs:ram::<account>:root`) assume the role. */
export function accountTrustPolicy(accounts: readonly string[]): TrustPolicy {
  if (accounts.length === 0) throw new PolicyError(problem('TrustPolicy.NoAccount', 'A trust policy needs at least one trusted account.'));
  return {
    Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [...new Set(accounts.map(accountRootArn))] } }],
    Version: '1',
  };
}

/** Services and accounts together (one statement each), e.g. ECS plus the account for testing with AssumeRole. */
export function trustPolicyFor(trusted: { services?: readonly string[]; accounts?: readonly string[] }): TrustPolicy {
  const statements: TrustPolicyStatement[] = [];
  if (trusted.services?.length) statements.push(...serviceTrustPolicy(trusted.services).Statement);
  if (trusted.accounts?.length) statements.push(...accountTrustPolicy(trusted.accounts).Statement);
  if (statements.length === 0) throw new PolicyError(problem('TrustPolicy.NothingTrusted', 'Choose at least one trusted service or account.'));
  return { Statement: statements, Version: '1' };
}

/** Formats a policy document the way the RAM console shows it (4-space indent). */
export function formatPolicy(document: unknown): string {
  return JSON.stringify(document, null, 4);
}

export type AssumeCheck =
  | { canAssume: true; conditional: false }
  | { canAssume: true; conditional: true; reason: Problem }
  | { canAssume: false; conditional: false; reason: Problem };

function statementNamesService(s: PolicyStatement, service: string): boolean {
  return (s.Principal?.Service ?? []).some((p) => p.toLowerCase() === service.toLowerCase() || p === '*');
}

function statementCoversAssumeRole(s: PolicyStatement): boolean {
  if (s.Action) return s.Action.some((a) => actionMatches(a, 'sts:AssumeRole'));
  if (s.NotAction) return !s.NotAction.some((a) => actionMatches(a, 'sts:AssumeRole'));
  return false;
}

/**
 * Can `service` (ECS by default) assume a role with this trust policy? When not, the reason says what is
 * missing: no Allow statement with sts:AssumeRole for the service, a Deny that wins, or (conditional) a
 * Condition that may block some requests.
 */
export function canServiceAssume(trust: PolicyDocument, service: string = ECS_SERVICE_PRINCIPAL): AssumeCheck {
  const relevant = trust.Statement.filter((s) => statementNamesService(s, service) && statementCoversAssumeRole(s));
  const conditioned = (s: PolicyStatement) => s.Condition !== undefined && Object.keys(s.Condition).length > 0;
  const hardDeny = relevant.find((s) => s.Effect === 'Deny' && !conditioned(s));
  if (hardDeny) {
    return { canAssume: false, conditional: false, reason: problem('Trust.Denied', 'A Deny statement stops {0} from assuming this role (an explicit Deny always wins). Remove it or take {0} out of its Principal.', service) };
  }
  const allows = relevant.filter((s) => s.Effect === 'Allow');
  if (allows.length === 0) {
    const namedElsewhere = trust.Statement.some((s) => s.Effect === 'Allow' && statementNamesService(s, service));
    return {
      canAssume: false,
      conditional: false,
      reason: namedElsewhere
        ? problem('Trust.NoAssumeRole', 'The trust policy names {0} but does not allow the action sts:AssumeRole for it. Use "Action": "sts:AssumeRole".', service)
        // The JSON snippet is an argument: a literal "{" before a placeholder would stop vscode.l10n.t filling it in.
        : problem('Trust.NoPrincipal', 'No statement lets {0} assume this role: add {1} with "Action": "sts:AssumeRole" and "Effect": "Allow".', service, `"Principal": { "Service": ["${service}"] }`),
    };
  }
  if (allows.every(conditioned)) {
    return { canAssume: true, conditional: true, reason: problem('Trust.Conditional', '{0} may assume this role only when the statement\'s Condition holds; requests from instances that do not meet it are refused.', service) };
  }
  if (relevant.some((s) => s.Effect === 'Deny')) {
    return { canAssume: true, conditional: true, reason: problem('Trust.ConditionalDeny', 'A Deny statement with a Condition may stop {0} from assuming this role for some requests.', service) };
  }
  return { canAssume: true, conditional: false };
}

/**
 * Who the trust policy lets assume the role (the principals of its Allow statements that cover
 * sts:AssumeRole, services first), e.g. `["fc.aliyuncs.com"]`: what a role picker says instead of ECS.
 */
export function assumingPrincipals(trust: PolicyDocument): string[] {
  const out = new Set<string>();
  for (const s of trust.Statement) {
    if (s.Effect !== 'Allow' || !statementCoversAssumeRole(s)) continue;
    for (const p of [...(s.Principal?.Service ?? []), ...(s.Principal?.RAM ?? []), ...(s.Principal?.Federated ?? [])]) out.add(p);
  }
  return [...out];
}
