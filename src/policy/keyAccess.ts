// Questions the explorer and the Grant flow ask of a role's attached policies: which roles can use
// this key (the key -> roles reverse view), and does an attached policy already give what a system
// policy would (so Grant changes nothing).
import { KMS_ACTIONS, KMS_CRYPTO_ACTIONS } from './actions';
import { allowedActions } from './evaluator';
import { explainKeyAccess } from './keyAccessExplanation';
import type { Message } from '../util/message';
import { systemPolicyDocument } from './kmsPolicy';
import type { PolicyDocument } from './policyDocument';

export interface RolePolicies {
  roleName: string;
  /** The documents of every policy attached to the role (system and custom). */
  documents: readonly PolicyDocument[];
}

export interface KeyUser {
  roleName: string;
  /** The actions the role may certainly perform on the key. */
  actions: string[];
  /** Actions allowed only under a Condition (source IP, VPC...): shown as "allowed if ...". */
  conditionalActions: string[];
  /** For each conditional action, the conditions in words (key, operator, values): any one line allows. */
  allowedIf: Record<string, Message[][]>;
}

/**
 * The roles whose attached policies allow any of `actions` (Encrypt, Decrypt, GenerateDataKey by
 * default) on the key ARN, with which ones. Roles allowed nothing are left out.
 */
export function rolesThatCanUseKey(roles: readonly RolePolicies[], keyArn: string, actions: readonly string[] = KMS_CRYPTO_ACTIONS): KeyUser[] {
  const out: KeyUser[] = [];
  for (const role of roles) {
    const certain = allowedActions(role.documents, actions, keyArn);
    const conditional = explainKeyAccess({ policies: role.documents.map((document, i) => ({ name: String(i), document })), resource: keyArn, actions })
      .filter((e) => e.verdict === 'allowedIf');
    const conditionalActions = conditional.map((e) => e.action);
    const allowedIf = Object.fromEntries(conditional.map((e) => [e.action, e.allowedIf]));
    if (certain.length > 0 || conditionalActions.length > 0) out.push({ roleName: role.roleName, actions: certain, conditionalActions, allowedIf });
  }
  return out;
}

/**
 * True when `documents` already allow, on every resource, each KMS action the named system policy
 * grants: attaching it would change nothing. Unknown system policies are never "covered".
 */
export function coversSystemPolicy(documents: readonly PolicyDocument[], systemPolicyName: string): boolean {
  const system = systemPolicyDocument(systemPolicyName);
  if (!system) return false;
  const wanted = allowedActions([system], KMS_ACTIONS, '*');
  return wanted.length > 0 && allowedActions(documents, wanted, '*').length === wanted.length;
}
