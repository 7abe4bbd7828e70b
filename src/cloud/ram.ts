// RamService over @alicloud/ram20150501 (openapi-core, ACS3). Plain data in and out.
import { CloudError } from './cloudError';
import { DONE, doneIf, isGone } from './readBack';
import { createRamClient, type RamClient } from './clients';
import type { CredentialSupplier } from './credentials/credentialSupplier';
import { invoke, type InvokeContext } from './invoke';
import { markerPages } from './paging';
import { loadSdk } from './sdkLoader';
import { sameJson } from '../util/sameJson';
import type {
  CallOptions, CloudSettings, CreatePolicyInput, CreatePolicyVersionInput, CreateRoleInput, Paged, PolicyAttachment,
  PolicyEntities, PolicyType, RamPolicy, RamPolicyVersion, RamPolicyWithDocument, RamRole, RamService, UpdateRoleInput,
} from './types';

type RoleFields = {
  roleName?: string; roleId?: string; arn?: string; description?: string; createDate?: string; updateDate?: string;
  maxSessionDuration?: number; assumeRolePolicyDocument?: string;
};

type PolicyFields = {
  policyName?: string; policyType?: string; description?: string; defaultVersion?: string; createDate?: string;
  updateDate?: string; attachmentCount?: number; attachDate?: string;
};

export function toRole(r: RoleFields | undefined): RamRole {
  return {
    roleName: r?.roleName ?? '',
    roleId: r?.roleId ?? '',
    arn: r?.arn ?? '',
    description: r?.description || undefined,
    createDate: r?.createDate,
    updateDate: r?.updateDate,
    maxSessionDuration: r?.maxSessionDuration,
    assumeRolePolicyDocument: r?.assumeRolePolicyDocument,
  };
}

export function toPolicy(p: PolicyFields | undefined): RamPolicy {
  return {
    policyName: p?.policyName ?? '',
    policyType: p?.policyType === 'System' ? 'System' : 'Custom',
    description: p?.description || undefined,
    defaultVersion: p?.defaultVersion,
    createDate: p?.createDate,
    updateDate: p?.updateDate,
    attachmentCount: p?.attachmentCount,
    attachDate: p?.attachDate,
  };
}

type VersionFields = { versionId?: string; isDefaultVersion?: boolean; policyDocument?: string; createDate?: string };

export function toPolicyVersion(v: VersionFields | undefined): RamPolicyVersion {
  return { versionId: v?.versionId ?? '', isDefaultVersion: v?.isDefaultVersion === true, policyDocument: v?.policyDocument ?? '', createDate: v?.createDate };
}

export class RamServiceImpl implements RamService {
  private sdkClient: RamClient | undefined;

  constructor(
    private readonly settings: CloudSettings,
    private readonly supplier: CredentialSupplier,
    private readonly context: InvokeContext,
  ) {}

  private get client(): RamClient {
    this.sdkClient ??= createRamClient(this.settings, this.supplier);
    return this.sdkClient;
  }

  private get models() {
    return loadSdk().ram;
  }

  listRoles(options: CallOptions & { pageSize?: number } = {}): Paged<RamRole> {
    return markerPages(async (marker) => {
      const body = (await invoke(this.context, 'ListRoles', () =>
        this.client.listRoles(new this.models.ListRolesRequest({ marker, maxItems: options.pageSize ?? 100 })), options)).body;
      return { items: (body?.roles?.role ?? []).map(toRole), marker: body?.marker, truncated: body?.isTruncated === true };
    }, options.signal);
  }

  async getRole(roleName: string, options: CallOptions = {}): Promise<RamRole> {
    const response = await invoke(this.context, 'GetRole', () => this.client.getRole(new this.models.GetRoleRequest({ roleName })), options);
    return toRole(response.body?.role);
  }

  async createRole(input: CreateRoleInput, options: CallOptions = {}): Promise<RamRole> {
    const response = await invoke(this.context, 'CreateRole', async () => toRole((await this.client.createRole(new this.models.CreateRoleRequest({
      roleName: input.roleName,
      assumeRolePolicyDocument: input.assumeRolePolicyDocument,
      description: input.description,
      maxSessionDuration: input.maxSessionDuration,
    }))).body?.role), {
      ...options,
      idempotent: false,
      // After a timeout: if the role now exists with our trust policy, the first attempt worked.
      verify: async () => {
        const role = await this.getRole(input.roleName).catch(() => undefined);
        return role && sameJson(role.assumeRolePolicyDocument, input.assumeRolePolicyDocument) ? role : undefined;
      },
    });
    return response;
  }

  async updateRole(input: UpdateRoleInput, options: CallOptions = {}): Promise<RamRole> {
    return invoke(this.context, 'UpdateRole', async () => toRole((await this.client.updateRole(new this.models.UpdateRoleRequest({
      roleName: input.roleName,
      newAssumeRolePolicyDocument: input.newAssumeRolePolicyDocument,
      newDescription: input.newDescription,
      newMaxSessionDuration: input.newMaxSessionDuration,
    }))).body?.role), {
      ...options,
      // After a lost answer: the role as asked means the change is in place.
      verify: async () => {
        const role = await this.getRole(input.roleName, { signal: options.signal });
        const trustAsAsked = input.newAssumeRolePolicyDocument === undefined || sameJson(role.assumeRolePolicyDocument, input.newAssumeRolePolicyDocument);
        const descriptionAsAsked = input.newDescription === undefined || (role.description ?? '') === input.newDescription;
        const durationAsAsked = input.newMaxSessionDuration === undefined || role.maxSessionDuration === input.newMaxSessionDuration;
        return trustAsAsked && descriptionAsAsked && durationAsAsked ? role : undefined;
      },
    });
  }

  async deleteRole(roleName: string, options: CallOptions = {}): Promise<void> {
    await invoke(this.context, 'DeleteRole', async () => (await this.client.deleteRole(new this.models.DeleteRoleRequest({ roleName })), DONE), {
      ...options,
      // A resend after a lost answer gets EntityNotExist.Role: the role being gone is the success.
      verify: async () => doneIf(await isGone(this.getRole(roleName, { signal: options.signal }), 'EntityNotExist.Role')),
    });
  }

  async listPoliciesForRole(roleName: string, options: CallOptions = {}): Promise<RamPolicy[]> {
    const response = await invoke(this.context, 'ListPoliciesForRole', () =>
      this.client.listPoliciesForRole(new this.models.ListPoliciesForRoleRequest({ roleName })), options);
    return (response.body?.policies?.policy ?? []).map(toPolicy);
  }

  async attachPolicyToRole(input: PolicyAttachment, options: CallOptions = {}): Promise<void> {
    await invoke(this.context, 'AttachPolicyToRole', async () => (await this.client.attachPolicyToRole(new this.models.AttachPolicyToRoleRequest({
      roleName: input.roleName, policyName: input.policyName, policyType: input.policyType,
    })), DONE), { ...options, verify: async () => doneIf(await this.hasPolicy(input, options)) });
  }

  async detachPolicyFromRole(input: PolicyAttachment, options: CallOptions = {}): Promise<void> {
    await invoke(this.context, 'DetachPolicyFromRole', async () => (await this.client.detachPolicyFromRole(new this.models.DetachPolicyFromRoleRequest({
      roleName: input.roleName, policyName: input.policyName, policyType: input.policyType,
    })), DONE), { ...options, verify: async () => doneIf(!(await this.hasPolicy(input, options))) });
  }

  /** Read back after a lost answer: is this policy attached to the role now? */
  private async hasPolicy(input: PolicyAttachment, options: CallOptions): Promise<boolean> {
    const attached = await this.listPoliciesForRole(input.roleName, { signal: options.signal });
    return attached.some((p) => p.policyType === input.policyType && p.policyName.toLowerCase() === input.policyName.toLowerCase());
  }

  async createPolicy(input: CreatePolicyInput, options: CallOptions = {}): Promise<RamPolicy> {
    return invoke(this.context, 'CreatePolicy', async () => toPolicy((await this.client.createPolicy(new this.models.CreatePolicyRequest({
      policyName: input.policyName, policyDocument: input.policyDocument, description: input.description,
    }))).body?.policy), {
      ...options,
      idempotent: false,
      verify: async () => {
        const policy = await this.getPolicy(input.policyName, 'Custom').catch(() => undefined);
        return policy && sameJson(policy.policyDocument, input.policyDocument) ? policy : undefined;
      },
    });
  }

  async getPolicy(policyName: string, policyType: PolicyType, options: CallOptions = {}): Promise<RamPolicyWithDocument> {
    const response = await invoke(this.context, 'GetPolicy', () =>
      this.client.getPolicy(new this.models.GetPolicyRequest({ policyName, policyType })), options);
    const body = response.body;
    const document = body?.defaultPolicyVersion?.policyDocument ?? body?.policy?.policyDocument;
    if (document === undefined) {
      throw new CloudError({ code: 'InvalidResponse', message: `GetPolicy returned no document for ${policyType} policy ${policyName}.`, requestId: body?.requestId });
    }
    return { ...toPolicy(body?.policy), policyDocument: document };
  }

  async getPolicyVersion(policyName: string, policyType: PolicyType, versionId: string, options: CallOptions = {}): Promise<string> {
    const response = await invoke(this.context, 'GetPolicyVersion', () =>
      this.client.getPolicyVersion(new this.models.GetPolicyVersionRequest({ policyName, policyType, versionId })), options);
    return response.body?.policyVersion?.policyDocument ?? '';
  }

  listPolicies(options: CallOptions & { policyType?: PolicyType; pageSize?: number } = {}): Paged<RamPolicy> {
    return markerPages(async (marker) => {
      const body = (await invoke(this.context, 'ListPolicies', () => this.client.listPolicies(new this.models.ListPoliciesRequest({
        marker, maxItems: options.pageSize ?? 100, policyType: options.policyType,
      })), options)).body;
      return { items: (body?.policies?.policy ?? []).map(toPolicy), marker: body?.marker, truncated: body?.isTruncated === true };
    }, options.signal);
  }

  async listEntitiesForPolicy(policyName: string, policyType: PolicyType, options: CallOptions = {}): Promise<PolicyEntities> {
    const body = (await invoke(this.context, 'ListEntitiesForPolicy', () =>
      this.client.listEntitiesForPolicy(new this.models.ListEntitiesForPolicyRequest({ policyName, policyType })), options)).body;
    return {
      roles: (body?.roles?.role ?? []).map((r) => r.roleName ?? '').filter(Boolean),
      users: (body?.users?.user ?? []).map((u) => u.userName ?? '').filter(Boolean),
      groups: (body?.groups?.group ?? []).map((g) => g.groupName ?? '').filter(Boolean),
    };
  }

  async listPolicyVersions(policyName: string, policyType: PolicyType, options: CallOptions = {}): Promise<RamPolicyVersion[]> {
    const body = (await invoke(this.context, 'ListPolicyVersions', () =>
      this.client.listPolicyVersions(new this.models.ListPolicyVersionsRequest({ policyName, policyType })), options)).body;
    return (body?.policyVersions?.policyVersion ?? []).map(toPolicyVersion);
  }

  async createPolicyVersion(input: CreatePolicyVersionInput, options: CallOptions = {}): Promise<RamPolicyVersion> {
    return invoke(this.context, 'CreatePolicyVersion', async () => toPolicyVersion((await this.client.createPolicyVersion(new this.models.CreatePolicyVersionRequest({
      policyName: input.policyName, policyDocument: input.policyDocument, setAsDefault: input.setAsDefault,
    }))).body?.policyVersion), {
      ...options,
      idempotent: false,
      // After a lost answer: a version with this document (the default one when asked) means the first attempt worked.
      verify: async () => {
        const versions = await this.listPolicyVersions(input.policyName, 'Custom').catch(() => []);
        return versions.find((v) => sameJson(v.policyDocument, input.policyDocument) && (!input.setAsDefault || v.isDefaultVersion));
      },
    });
  }

  async setDefaultPolicyVersion(policyName: string, versionId: string, options: CallOptions = {}): Promise<void> {
    await invoke(this.context, 'SetDefaultPolicyVersion', async () =>
      (await this.client.setDefaultPolicyVersion(new this.models.SetDefaultPolicyVersionRequest({ policyName, versionId })), DONE), {
      ...options,
      verify: async () => doneIf((await this.listPolicyVersions(policyName, 'Custom', { signal: options.signal })).some((v) => v.versionId === versionId && v.isDefaultVersion)),
    });
  }

  async deletePolicyVersion(policyName: string, versionId: string, options: CallOptions = {}): Promise<void> {
    await invoke(this.context, 'DeletePolicyVersion', async () =>
      (await this.client.deletePolicyVersion(new this.models.DeletePolicyVersionRequest({ policyName, versionId })), DONE), {
      ...options,
      verify: async () => doneIf(!(await this.listPolicyVersions(policyName, 'Custom', { signal: options.signal })).some((v) => v.versionId === versionId)),
    });
  }

  async deletePolicy(policyName: string, options: CallOptions = {}): Promise<void> {
    await invoke(this.context, 'DeletePolicy', async () => (await this.client.deletePolicy(new this.models.DeletePolicyRequest({ policyName })), DONE), {
      ...options,
      verify: async () => doneIf(await isGone(this.getPolicy(policyName, 'Custom', { signal: options.signal }), 'EntityNotExist.Policy')),
    });
  }
}
