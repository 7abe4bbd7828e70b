// "Why may (or may not) this role do that?": the evaluator's answer as a sentence naming the policies
// that decided, and what to do about it. Used by the diagnosis (a KMS call refused on the instance) and
// by the explanation of a permission error (ram:PassRole when attaching a role).
import { evaluate, type Decision, type NamedPolicy } from './evaluator';
import { problem, type Problem } from './problem';

export interface AccessExplanation {
  decision: Decision;
  conditional: boolean;
  /** Names of the policies that decided (the denying ones, or the allowing ones). */
  policies: string[];
  explanation: Problem;
}

/** Explains the decision for one action on one resource over a role's (or user's) named policies. */
export function explainAccess(policies: readonly NamedPolicy[], action: string, resource: string): AccessExplanation {
  const all = evaluate(policies.map((p) => p.document), action, resource);
  const decidedBy = (decision: Decision) => policies.filter((p) => evaluate([p.document], action, resource).decision === decision).map((p) => p.name);

  if (all.decision === 'Deny' && !all.conditional) {
    const names = decidedBy('Deny');
    return {
      decision: 'Deny', conditional: false, policies: names,
      explanation: problem('Access.Denied', '{0} on {1} is explicitly denied by {2}; an explicit Deny wins over any Allow. Remove or narrow that Deny statement.', action, resource, names.join(', ')),
    };
  }
  if (all.decision === 'Allow') {
    const names = decidedBy('Allow');
    return all.conditional
      ? { decision: 'Allow', conditional: true, policies: names, explanation: problem('Access.Conditional', '{0} on {1} is allowed by {2} only under a Condition (or a Deny with a Condition may apply): the answer depends on the request.', action, resource, names.join(', ')) }
      : { decision: 'Allow', conditional: false, policies: names, explanation: problem('Access.Allowed', '{0} on {1} is allowed by {2}.', action, resource, names.join(', ')) };
  }
  let explanation: Problem;
  if (action.toLowerCase() === 'ram:passrole') {
    explanation = problem('Access.NoPassRole', 'No policy allows ram:PassRole on {0}. Attaching a role to an instance (or creating an instance with it) also needs permission to pass that role: ask an administrator to allow ram:PassRole on it.', resource);
  } else if (action.toLowerCase().startsWith('kms:')) {
    explanation = problem('Access.NoKmsGrant', 'No attached policy allows {0} on {1}. Use Grant KMS Access: AliyunKMSCryptoUserAccess, or a custom policy for this key.', action, resource);
  } else {
    explanation = problem('Access.NotAllowed', 'No attached policy allows {0} on {1}. Attach a policy that allows it.', action, resource);
  }
  return { decision: 'NotAllowed', conditional: all.conditional, policies: [], explanation };
}
