// RamService: roles and policies.
import type { CallOptions } from './host';
import type { Paged } from './paging';

export type PolicyType = 'System' | 'Custom';

export interface RamRole {
  readonly roleName: string;
  readonly roleId: string;
  readonly arn: string;
  readonly description?: string;
  readonly createDate?: string;
  readonly updateDate?: string;
  readonly maxSessionDuration?: number;
  /** The trust policy JSON text; present from getRole/createRole/updateRole, not from listRoles. */
  readonly assumeRolePolicyDocument?: string;
}

export interface RamPolicy {
  readonly policyName: string;
  readonly policyType: PolicyType;
  readonly description?: string;
  readonly defaultVersion?: string;
  readonly createDate?: string;
  readonly updateDate?: string;
  readonly attachmentCount?: number;
  /** Only from listPoliciesForRole. */
  readonly attachDate?: string;
}

export interface RamPolicyWithDocument extends RamPolicy {
  /** The default version's policy document (JSON text). */
  readonly policyDocument: string;
}

export interface CreateRoleInput {
  readonly roleName: string;
  readonly assumeRolePolicyDocument: string;
  readonly description?: string;
  readonly maxSessionDuration?: number;
}

export interface UpdateRoleInput {
  readonly roleName: string;
  readonly newAssumeRolePolicyDocument?: string;
  readonly newDescription?: string;
  readonly newMaxSessionDuration?: number;
}

export interface PolicyAttachment {
  readonly roleName: string;
  readonly policyName: string;
  readonly policyType: PolicyType;
}

export interface CreatePolicyInput {
  readonly policyName: string;
  readonly policyDocument: string;
  readonly description?: string;
}

/** One version of a custom or system policy (ListPolicyVersions, CreatePolicyVersion). */
export interface RamPolicyVersion {
  readonly versionId: string;
  readonly isDefaultVersion: boolean;
  readonly policyDocument: string;
  readonly createDate?: string;
}

export interface CreatePolicyVersionInput {
  readonly policyName: string;
  readonly policyDocument: string;
  /** Make the new version the one RAM enforces (what "Save" of an edited policy means). */
  readonly setAsDefault: boolean;
}

export interface PolicyEntities {
  readonly roles: readonly string[];
  readonly users: readonly string[];
  readonly groups: readonly string[];
}

export interface RamService {
  listRoles(options?: CallOptions & { pageSize?: number }): Paged<RamRole>;
  getRole(roleName: string, options?: CallOptions): Promise<RamRole>;
  createRole(input: CreateRoleInput, options?: CallOptions): Promise<RamRole>;
  updateRole(input: UpdateRoleInput, options?: CallOptions): Promise<RamRole>;
  deleteRole(roleName: string, options?: CallOptions): Promise<void>;

  listPoliciesForRole(roleName: string, options?: CallOptions): Promise<RamPolicy[]>;
  attachPolicyToRole(input: PolicyAttachment, options?: CallOptions): Promise<void>;
  detachPolicyFromRole(input: PolicyAttachment, options?: CallOptions): Promise<void>;
  createPolicy(input: CreatePolicyInput, options?: CallOptions): Promise<RamPolicy>;
  /** The policy with its default version's document. */
  getPolicy(policyName: string, policyType: PolicyType, options?: CallOptions): Promise<RamPolicyWithDocument>;
  getPolicyVersion(policyName: string, policyType: PolicyType, versionId: string, options?: CallOptions): Promise<string>;
  listPolicies(options?: CallOptions & { policyType?: PolicyType; pageSize?: number }): Paged<RamPolicy>;
  listEntitiesForPolicy(policyName: string, policyType: PolicyType, options?: CallOptions): Promise<PolicyEntities>;

  // Editing and deleting custom policies (RAM keeps at most five versions of one).
  listPolicyVersions(policyName: string, policyType: PolicyType, options?: CallOptions): Promise<RamPolicyVersion[]>;
  createPolicyVersion(input: CreatePolicyVersionInput, options?: CallOptions): Promise<RamPolicyVersion>;
  setDefaultPolicyVersion(policyName: string, versionId: string, options?: CallOptions): Promise<void>;
  deletePolicyVersion(policyName: string, versionId: string, options?: CallOptions): Promise<void>;
  deletePolicy(policyName: string, options?: CallOptions): Promise<void>;
}
