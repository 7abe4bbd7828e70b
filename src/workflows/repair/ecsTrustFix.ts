// "Add ECS as Trusted Service": the smallest change to a role's trust policy after which ECS can
// assume the role (canServiceAssume says yes, unconditionally). Pure: the command shows the result
// as a diff and the UpdateRole CLI line before anything is sent.
import type { PolicyDocument, PolicyStatement } from '../../policy/policyDocument';
import { canServiceAssume, ECS_SERVICE_PRINCIPAL } from '../../policy/trustPolicy';
import { actionMatches } from '../../policy/wildcard';

export interface TrustFix {
  /** The trust policy to send with UpdateRole. */
  readonly document: PolicyDocument;
  /** What changed, one line each, for the preview (English; the command localizes its own frame). */
  readonly changes: readonly TrustChange[];
}

export type TrustChange =
  | { readonly kind: 'addedToStatement'; readonly statementIndex: number }
  | { readonly kind: 'addedStatement' }
  | { readonly kind: 'removedFromDeny'; readonly statementIndex: number }
  | { readonly kind: 'removedDeny'; readonly statementIndex: number };

const isEcs = (p: string) => p.toLowerCase() === ECS_SERVICE_PRINCIPAL;
const unconditioned = (s: PolicyStatement) => !s.Condition || Object.keys(s.Condition).length === 0;
const coversAssume = (s: PolicyStatement) =>
  s.Action ? s.Action.some((a) => actionMatches(a, 'sts:AssumeRole')) : s.NotAction ? !s.NotAction.some((a) => actionMatches(a, 'sts:AssumeRole')) : false;

/**
 * The trust policy with ECS trusted, or undefined when ECS can already assume the role without a
 * condition. A Deny that names ECS loses ECS from its Principal (the whole statement when ECS was its
 * only principal): an explicit Deny always wins, so adding an Allow alone would change nothing.
 * ECS then joins an existing unconditioned `Allow sts:AssumeRole` statement for services, or a new
 * statement is added; other statements are kept as they are.
 */
export function addEcsTrust(trust: PolicyDocument): TrustFix | undefined {
  const check = canServiceAssume(trust);
  if (check.canAssume && !check.conditional) return undefined;
  const changes: TrustChange[] = [];
  const statements: PolicyStatement[] = [];
  trust.Statement.forEach((s, index) => {
    const services = s.Principal?.Service ?? [];
    if (s.Effect === 'Deny' && coversAssume(s) && services.some(isEcs)) {
      const rest = services.filter((p) => !isEcs(p));
      const others = (s.Principal?.RAM?.length ?? 0) + (s.Principal?.Federated?.length ?? 0) + rest.length;
      if (others === 0) {
        changes.push({ kind: 'removedDeny', statementIndex: index });
        return;
      }
      changes.push({ kind: 'removedFromDeny', statementIndex: index });
      statements.push({ ...s, Principal: { ...s.Principal, Service: rest.length ? rest : undefined } });
      return;
    }
    statements.push(s);
  });
  const stillAllowed = statements.some((s) => s.Effect === 'Allow' && unconditioned(s) && coversAssume(s) && (s.Principal?.Service ?? []).some(isEcs));
  if (!stillAllowed) {
    const host = statements.findIndex((s) => s.Effect === 'Allow' && unconditioned(s) && s.Action?.length === 1
      && s.Action[0] === 'sts:AssumeRole' && (s.Principal?.Service?.length ?? 0) > 0);
    if (host >= 0) {
      const s = statements[host];
      statements[host] = { ...s, Principal: { ...s.Principal, Service: [...(s.Principal?.Service ?? []), ECS_SERVICE_PRINCIPAL] } };
      changes.push({ kind: 'addedToStatement', statementIndex: trust.Statement.indexOf(s) });
    } else {
      statements.push({ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: [ECS_SERVICE_PRINCIPAL] } });
      changes.push({ kind: 'addedStatement' });
    }
  }
  const document: PolicyDocument = { Version: '1', Statement: statements.map(dropEmpty) };
  return { document, changes };
}

/** Principal keys left empty by a removal are dropped rather than sent as `[]` (RAM refuses empty lists). */
function dropEmpty(s: PolicyStatement): PolicyStatement {
  if (!s.Principal) return s;
  const Principal = Object.fromEntries(Object.entries(s.Principal).filter(([, v]) => Array.isArray(v) && v.length > 0));
  return { ...s, Principal };
}
