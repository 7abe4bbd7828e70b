// "Revoke KMS Access" on a role: which attached policies give it any KMS action (those are detached,
// listed first), which also grant much more (AdministratorAccess: detaching it removes everything),
// and which could not be read (never detached blindly). Pure.
import type { PolicyType } from '../../cloud/types';
import { KMS_ACTIONS } from '../../policy/actions';
import { grantedActions } from '../../policy/evaluator';
import type { PolicyDocument } from '../../policy/policyDocument';
import { detachPolicyFromRoleCommand } from '../../policy/cli';

export interface AttachedPolicyDocument {
  readonly policyName: string;
  readonly policyType: PolicyType;
  /** Undefined when the document could not be read. */
  readonly document?: PolicyDocument;
}

export interface RevokePlan {
  readonly roleName: string;
  readonly detach: readonly { readonly policyName: string; readonly policyType: PolicyType; readonly kmsActions: readonly string[]; readonly broad: boolean }[];
  readonly unread: readonly string[];
  readonly cli: readonly string[];
}

/** A policy that allows actions of other products too (e.g. `*`): detaching it removes more than KMS. */
function grantsBeyondKms(document: PolicyDocument): boolean {
  return document.Statement.some((s) => s.Effect === 'Allow' && ((s.Action ?? []).some((a) => !a.toLowerCase().startsWith('kms:')) || s.NotAction !== undefined));
}

export function planRevokeKms(roleName: string, attached: readonly AttachedPolicyDocument[]): RevokePlan {
  const detach = attached.flatMap((p) => {
    if (!p.document) return [];
    const kmsActions = grantedActions([p.document], KMS_ACTIONS).map((g) => g.action);
    return kmsActions.length > 0 ? [{ policyName: p.policyName, policyType: p.policyType, kmsActions, broad: grantsBeyondKms(p.document) }] : [];
  });
  return {
    roleName,
    detach,
    unread: attached.filter((p) => !p.document).map((p) => p.policyName),
    cli: detach.map((d) => detachPolicyFromRoleCommand({ policyType: d.policyType, policyName: d.policyName, roleName })),
  };
}
