// RAM (2015-05-01) policy versions and policy deletion: what editing and revoking a custom policy
// needs (CreatePolicyVersion, ListPolicyVersions, SetDefaultPolicyVersion, DeletePolicyVersion,
// DeletePolicy). Error codes from RAM's API reference pages (DeletePolicy, DeletePolicyVersion,
// CreatePolicyVersion): the five-version limit, the default version that cannot be deleted, and a
// policy that cannot be deleted while attached or while it has non-default versions.
import { ApiError, invalid } from '../errors';
import { isoSeconds, type Policy, type PolicyVersion } from '../state';
import { can, notFound, required, type Ctx, type Handler } from './context';
import { getPolicy, policyRes, validateDocument } from './ram';

/** RAM keeps at most five versions of a custom policy. */
export const MAX_POLICY_VERSIONS = 5;

function customPolicy(ctx: Ctx, name: string): Policy {
  const policy = getPolicy(ctx, 'Custom', name);
  return policy;
}

function versionView(policy: Policy, v: PolicyVersion): object {
  return { VersionId: v.id, IsDefaultVersion: v.id === policy.defaultVersion, PolicyDocument: v.document, CreateDate: v.createDate };
}

function findVersion(policy: Policy, versionId: string): PolicyVersion {
  if (!/^v[1-9][0-9]*$/.test(versionId)) throw invalid('InvalidParameter.VersionId.Format', 'The specified version ID is invalid.');
  const v = policy.versions.find((x) => x.id === versionId);
  if (!v) throw notFound('EntityNotExist.Policy.Version', `The policy version does not exist: ${versionId}.`);
  return v;
}

/** The next id: one above the highest ever used (RAM never reuses a deleted version's id). */
function nextVersionId(policy: Policy): string {
  const highest = Math.max(0, ...policy.versions.map((v) => Number(v.id.slice(1))), policy.lastVersionNumber ?? 0);
  policy.lastVersionNumber = highest + 1;
  return `v${highest + 1}`;
}

function oldestNonDefault(policy: Policy): PolicyVersion | undefined {
  return policy.versions.filter((v) => v.id !== policy.defaultVersion).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))[0];
}

export const ramPolicyVersionHandlers: Record<string, Handler> = {
  CreatePolicyVersion(ctx) {
    const name = required(ctx, 'PolicyName');
    can(ctx, 'ram:CreatePolicyVersion', policyRes(ctx, name));
    const document = validateDocument(required(ctx, 'PolicyDocument'), false);
    const policy = customPolicy(ctx, name);
    const rotate = ctx.params.RotateStrategy ?? 'None';
    if (rotate !== 'None' && rotate !== 'DeleteOldestNonDefaultVersionWhenLimitExceeded') {
      throw invalid('InvalidParameter.RotateStrategy', 'The parameter "RotateStrategy" must be None or DeleteOldestNonDefaultVersionWhenLimitExceeded.');
    }
    if (policy.versions.length >= MAX_POLICY_VERSIONS) {
      const oldest = oldestNonDefault(policy);
      if (rotate === 'None' || !oldest) {
        throw new ApiError(409, 'LimitExceeded.Policy.Version', `The count of versions of the policy exceeds the limit of ${MAX_POLICY_VERSIONS}: ${name}.`);
      }
      policy.versions = policy.versions.filter((v) => v !== oldest);
    }
    const now = isoSeconds(ctx.now());
    const version: PolicyVersion = { id: nextVersionId(policy), document, createDate: now };
    policy.versions.push(version);
    if (ctx.params.SetAsDefault === 'true') policy.defaultVersion = version.id;
    policy.updateDate = now;
    return { PolicyVersion: versionView(policy, version) };
  },
  ListPolicyVersions(ctx) {
    const [type, name] = [required(ctx, 'PolicyType'), required(ctx, 'PolicyName')];
    can(ctx, 'ram:ListPolicyVersions', policyRes(ctx, name));
    const policy = getPolicy(ctx, type, name);
    return { PolicyVersions: { PolicyVersion: policy.versions.map((v) => versionView(policy, v)) } };
  },
  SetDefaultPolicyVersion(ctx) {
    const [name, versionId] = [required(ctx, 'PolicyName'), required(ctx, 'VersionId')];
    can(ctx, 'ram:SetDefaultPolicyVersion', policyRes(ctx, name));
    const policy = customPolicy(ctx, name);
    policy.defaultVersion = findVersion(policy, versionId).id;
    policy.updateDate = isoSeconds(ctx.now());
    return {};
  },
  DeletePolicyVersion(ctx) {
    const [name, versionId] = [required(ctx, 'PolicyName'), required(ctx, 'VersionId')];
    can(ctx, 'ram:DeletePolicyVersion', policyRes(ctx, name));
    const policy = customPolicy(ctx, name);
    const version = findVersion(policy, versionId);
    if (version.id === policy.defaultVersion) throw new ApiError(409, 'DeleteConflict.Policy.Version.Default', 'You cannot delete the default policy version.');
    policy.versions = policy.versions.filter((v) => v !== version);
    return {};
  },
  DeletePolicy(ctx) {
    const name = required(ctx, 'PolicyName');
    can(ctx, 'ram:DeletePolicy', policyRes(ctx, name));
    const policy = customPolicy(ctx, name);
    const attached = (refs: { type: string; name: string }[]) => refs.some((r) => r.type === 'Custom' && r.name === policy.name);
    if ([...ctx.account.users.values()].some((u) => attached(u.policies))) throw new ApiError(409, 'DeleteConflict.Policy.User', 'Before deleting the policy, it may not be attached to any user.');
    if ([...ctx.account.roles.values()].some((r) => attached(r.policies))) throw new ApiError(409, 'DeleteConflict.Policy.Role', 'Before deleting the policy, it may not be attached to any role.');
    if (policy.versions.length > 1) throw new ApiError(409, 'DeleteConflict.Policy.Version', 'Before deleting the policy, its non-default versions must be deleted.');
    ctx.account.policies.delete(policy.name);
    return {};
  },
};
