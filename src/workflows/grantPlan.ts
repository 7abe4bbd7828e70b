// Grant KMS Access: from the choice and the policies already attached to the role, the steps to run
// (or none, when the role already has the access), with the `aliyun` CLI equivalent of each, and
// their execution. No vscode: the command asks and shows; this decides and calls.
import { createHash } from 'node:crypto';
import { isCloudError, type RamService } from '../cloud/types';
import {
  alreadyHasAccess, attachPolicyToRoleCommand, coversSystemPolicy, createPolicyCommand, formatCompact, leastPrivilegeKmsPolicy,
  parsePolicyDocument, type LeastPrivilegeOptions, type PolicyDocument,
} from '../policy';

export const KMS_FULL_ACCESS = 'AliyunKMSFullAccess';
export const KMS_CRYPTO_USER_ACCESS = 'AliyunKMSCryptoUserAccess';

export type GrantChoice =
  | { kind: 'system'; policyName: typeof KMS_FULL_ACCESS | typeof KMS_CRYPTO_USER_ACCESS }
  | { kind: 'custom'; access: LeastPrivilegeOptions; policyName?: string };

/** What is attached to the role now (documents undefined when they could not be read). */
export interface AttachedPolicyInfo {
  readonly policyName: string;
  readonly policyType: 'System' | 'Custom';
  readonly document?: PolicyDocument;
}

export type GrantStep =
  | { kind: 'createPolicy'; policyName: string; document: PolicyDocument; description: string; cli: string }
  | { kind: 'attachPolicy'; policyName: string; policyType: 'System' | 'Custom'; cli: string };

export type GrantPlan =
  | { already: true; because: 'attached' | 'covered'; policyName: string }
  | { already: false; steps: GrantStep[]; document?: PolicyDocument };

/**
 * The custom policy's default name: `KmsAccess-<role>-<8 hex of the document>`. The same grant gets
 * the same name, so a grant that stopped after CreatePolicy finds its policy instead of duplicating it.
 */
export function customPolicyName(roleName: string, document: PolicyDocument): string {
  const hash = createHash('sha256').update(formatCompact(document)).digest('hex').slice(0, 8);
  const role = roleName.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 100);
  return `KmsAccess-${role}-${hash}`;
}

export function planGrant(roleName: string, choice: GrantChoice, attached: readonly AttachedPolicyInfo[]): GrantPlan {
  const documents = attached.flatMap((a) => (a.document ? [a.document] : []));
  if (choice.kind === 'system') {
    const name = choice.policyName;
    if (attached.some((a) => a.policyType === 'System' && a.policyName.toLowerCase() === name.toLowerCase())) {
      return { already: true, because: 'attached', policyName: name };
    }
    if (coversSystemPolicy(documents, name)) return { already: true, because: 'covered', policyName: name };
    return { already: false, steps: [attachStep(roleName, name, 'System')] };
  }
  const document = leastPrivilegeKmsPolicy(choice.access);
  if (alreadyHasAccess(documents, choice.access)) return { already: true, because: 'covered', policyName: choice.policyName ?? '' };
  const policyName = choice.policyName ?? customPolicyName(roleName, document);
  const description = `KMS access for the instance RAM role ${roleName} (least privilege, created by VS Code).`.slice(0, 1024);
  return {
    already: false,
    document,
    steps: [
      { kind: 'createPolicy', policyName, document, description, cli: createPolicyCommand({ policyName, document, description }) },
      attachStep(roleName, policyName, 'Custom'),
    ],
  };
}

function attachStep(roleName: string, policyName: string, policyType: 'System' | 'Custom'): GrantStep {
  return { kind: 'attachPolicy', policyName, policyType, cli: attachPolicyToRoleCommand({ policyType, policyName, roleName }) };
}

/** Two documents that mean the same (whitespace and string-or-array differences ignored). */
export function sameDocument(a: PolicyDocument, bText: string): boolean {
  try {
    return formatCompact(parsePolicyDocument(a)) === formatCompact(parsePolicyDocument(bText));
  } catch {
    return false;
  }
}

/** A custom policy of that name exists with another document (the command says so in the user's language). */
export class PolicyNameTakenError extends Error {
  constructor(readonly policyName: string) {
    super(`A custom policy named ${policyName} already exists with a different document. Choose another name.`);
    this.name = 'PolicyNameTakenError';
  }
}

export interface GrantStepResult { step: GrantStep; outcome: 'done' | 'reused' }

/**
 * Runs the steps in order and stops at the first failure (the error propagates; the steps already
 * done are in `done`, reported by the caller). A custom policy that already exists with the same
 * document is reused; with another document it is an error that names it (nothing is overwritten).
 */
export async function executeGrant(ram: RamService, roleName: string, steps: readonly GrantStep[], done: GrantStepResult[] = []): Promise<GrantStepResult[]> {
  for (const step of steps) {
    if (step.kind === 'createPolicy') {
      try {
        await ram.createPolicy({ policyName: step.policyName, policyDocument: formatCompact(step.document), description: step.description });
        done.push({ step, outcome: 'done' });
      } catch (error) {
        if (!isCloudError(error) || !error.code.startsWith('EntityAlreadyExists')) throw error;
        const existing = await ram.getPolicy(step.policyName, 'Custom');
        if (!sameDocument(step.document, existing.policyDocument)) {
          throw new PolicyNameTakenError(step.policyName);
        }
        done.push({ step, outcome: 'reused' });
      }
    } else {
      try {
        await ram.attachPolicyToRole({ roleName, policyName: step.policyName, policyType: step.policyType });
        done.push({ step, outcome: 'done' });
      } catch (error) {
        // Attached meanwhile (or by an earlier run that stopped): the access is there, nothing to change.
        if (!isCloudError(error) || error.code !== 'EntityAlreadyExists.Role.Policy') throw error;
        done.push({ step, outcome: 'reused' });
      }
    }
  }
  return done;
}
