import type { CloudServices, RamPolicy } from '../cloud/types';
import { parsePolicyDocument } from '../policy/policyDocument';
import type { PolicyDocument } from '../policy/policyDocument';

export interface AttachedPolicy {
  readonly policy: RamPolicy;
  /** Undefined when the document could not be read or parsed; `problem` says why. */
  readonly document?: PolicyDocument;
  readonly problem?: string;
}

/**
 * Reads the policies attached to roles with their documents, caching documents by policy version
 * (system policies are shared by many roles). One instance per services object: a new profile starts fresh.
 */
export class RolePolicyReader {
  private readonly documents = new Map<string, Promise<AttachedPolicy['document']>>();

  constructor(private readonly services: CloudServices) {}

  async attachedPolicies(roleName: string): Promise<AttachedPolicy[]> {
    const policies = await this.services.ram.listPoliciesForRole(roleName);
    return Promise.all(
      policies.map(async (policy) => {
        try {
          return { policy, document: await this.document(policy) };
        } catch (error) {
          return { policy, problem: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  }

  async documentsOf(roleName: string): Promise<PolicyDocument[]> {
    const attached = await this.attachedPolicies(roleName);
    return attached.flatMap((a) => (a.document ? [a.document] : []));
  }

  forget(): void {
    this.documents.clear();
  }

  /**
   * Documents are cached by (type, name, version) for the session: a version's document never
   * changes, so a system policy attached to hundreds of roles is read once, and a policy given a
   * new default version is read again under its new key.
   */
  private document(policy: RamPolicy): Promise<PolicyDocument | undefined> {
    const { policyType, policyName, defaultVersion } = policy;
    const key = `${policyType}:${policyName}:${defaultVersion ?? ''}`;
    let pending = this.documents.get(key);
    if (!pending) {
      const text = defaultVersion
        ? this.services.ram.getPolicyVersion(policyName, policyType, defaultVersion)
        : this.services.ram.getPolicy(policyName, policyType).then((p) => p.policyDocument);
      pending = text.then((t) => parsePolicyDocument(t));
      pending.catch(() => this.documents.delete(key));
      this.documents.set(key, pending);
    }
    return pending;
  }
}
