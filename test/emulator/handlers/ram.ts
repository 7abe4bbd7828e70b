// RAM (2015-05-01): roles, policies and their attachments, validated as RAM validates them.
import { ApiError, invalid } from '../errors';
import { findPolicy } from '../authorize';
import { isoSeconds, randomDigits, type Account, type Policy, type PolicyRef, type Role } from '../state';
import { systemPolicies } from '../systemPolicies';
import { can, markerPage, notFound, required, type Ctx, type Handler } from './context';

const roleRes = (ctx: Ctx, name: string) => `acs:ram:*:${ctx.account.accountId}:role/${name}`;
export const policyRes = (ctx: Ctx, name: string) => `acs:ram:*:${ctx.account.accountId}:policy/${name}`;

export function roleView(account: Account, r: Role, withDocument = true): object {
  return {
    RoleId: r.roleId, RoleName: r.name, Arn: account.roleArn(r.name), Description: r.description,
    ...(withDocument ? { AssumeRolePolicyDocument: r.trustPolicy } : {}),
    CreateDate: r.createDate, UpdateDate: r.updateDate, MaxSessionDuration: r.maxSessionDuration,
  };
}

export function policyView(account: Account, p: Policy): object {
  const attached = [...account.roles.values(), ...account.users.values()]
    .filter((e) => e.policies.some((x) => x.type === p.type && x.name === p.name)).length;
  return {
    PolicyName: p.name, PolicyType: p.type, Description: p.description, DefaultVersion: p.defaultVersion,
    CreateDate: p.createDate, UpdateDate: p.updateDate, AttachmentCount: attached,
  };
}

export function checkName(kind: 'RoleName' | 'PolicyName', name: string, max: number, pattern: RegExp): void {
  if (name.length < 1 || name.length > max) throw invalid(`InvalidParameter.${kind}.Length`, `The parameter "${kind}" exceeds the length limit of ${max}.`);
  if (!pattern.test(name)) throw invalid(`InvalidParameter.${kind}.InvalidChars`, `The parameter "${kind}" contains invalid chars.`);
}

const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition'] as const;

/** Parses and checks a policy document as RAM does; `trust` documents need a Principal and no Resource. */
export function validateDocument(text: string, trust: boolean): string {
  const fail = (why: string) => invalid('MalformedPolicyDocument', `The policy document is malformed: ${why}.`);
  if (text.length > 6144) throw invalid('LimitExceeded.Policy.Length', 'The policy document exceeds the length limit of 6144.');
  let doc: { Version?: unknown; Statement?: unknown };
  try { doc = JSON.parse(text); } catch { throw fail('not valid JSON'); }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw fail('not a JSON object');
  // Unknown elements (such as "__proto__") are refused, as RAM and the extension's parser refuse them.
  const unknown = (o: object, allowed: readonly string[]) => Object.keys(o).find((k) => !allowed.includes(k));
  const extraTop = unknown(doc, ['Version', 'Statement']);
  if (extraTop !== undefined) throw fail(`unknown element "${extraTop}" in the policy document`);
  if (doc.Version !== '1') throw fail('Version must be "1"');
  if (!Array.isArray(doc.Statement) || doc.Statement.length === 0) throw fail('Statement must be a non-empty array');
  for (const s of doc.Statement as Record<string, unknown>[]) {
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw fail('each Statement must be an object');
    const extra = unknown(s, STATEMENT_ELEMENTS);
    if (extra !== undefined) throw fail(`unknown element "${extra}" in a statement`);
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw fail('Effect must be Allow or Deny');
    const strings = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));
    if (!strings(s.Action) && !strings(s.NotAction)) throw fail('Action must be a string or an array of strings');
    if (trust) {
      const p = s.Principal as Record<string, unknown> | undefined;
      if (!p || typeof p !== 'object' || !['RAM', 'Service', 'Federated'].some((k) => strings(p[k]))) throw fail('Principal must name RAM, Service or Federated principals');
    } else if (!strings(s.Resource)) throw fail('Resource must be a string or an array of strings');
  }
  return text;
}

function getRole(ctx: Ctx, name: string): Role {
  const role = ctx.account.roles.get(name.toLowerCase());
  if (!role) throw notFound('EntityNotExist.Role', `The role not exists: ${name}.`);
  return role;
}

export function getPolicy(ctx: Ctx, type: string, name: string): Policy {
  if (type !== 'System' && type !== 'Custom') throw invalid('InvalidParameter.PolicyType', 'The parameter "PolicyType" must be System or Custom.');
  const policy = findPolicy(ctx.account, { type, name });
  if (!policy) throw notFound('EntityNotExist.Policy', `The policy not exists: ${name}.`);
  return policy;
}

export const ramHandlers: Record<string, Handler> = {
  CreateRole(ctx) {
    const name = required(ctx, 'RoleName');
    can(ctx, 'ram:CreateRole', roleRes(ctx, name));
    checkName('RoleName', name, 64, /^[a-zA-Z0-9.-]+$/);
    const trustPolicy = validateDocument(required(ctx, 'AssumeRolePolicyDocument'), true);
    const description = ctx.params.Description ?? '';
    if (description.length > 1024) throw invalid('InvalidParameter.Description.Length', 'The parameter "Description" exceeds the length limit of 1024.');
    const maxSessionDuration = Number(ctx.params.MaxSessionDuration ?? 3600);
    if (!Number.isInteger(maxSessionDuration) || maxSessionDuration < 3600 || maxSessionDuration > 43200) {
      throw invalid('InvalidParameter.MaxSessionDuration', 'The parameter "MaxSessionDuration" must be from 3600 to 43200.');
    }
    if (ctx.account.roles.has(name.toLowerCase())) throw new ApiError(409, 'EntityAlreadyExists.Role', `The role already exists: ${name}.`);
    const now = isoSeconds(ctx.now());
    const role: Role = { name, roleId: randomDigits(19), description, trustPolicy, maxSessionDuration, createDate: now, updateDate: now, policies: [] };
    ctx.account.roles.set(name.toLowerCase(), role);
    // CreateRole's documented Role has no UpdateDate (GetRole's and UpdateRole's have).
    const { UpdateDate: _created, ...created } = roleView(ctx.account, role) as Record<string, unknown>;
    return { Role: created };
  },
  GetRole(ctx) {
    const name = required(ctx, 'RoleName');
    can(ctx, 'ram:GetRole', roleRes(ctx, name));
    return { Role: roleView(ctx.account, getRole(ctx, name)) };
  },
  ListRoles(ctx) {
    can(ctx, 'ram:ListRoles', roleRes(ctx, '*'));
    const { page, ...rest } = markerPage(ctx, [...ctx.account.roles.values()], 100, 1000);
    return { ...rest, Roles: { Role: page.map((r) => roleView(ctx.account, r, false)) } };
  },
  UpdateRole(ctx) {
    const name = required(ctx, 'RoleName');
    can(ctx, 'ram:UpdateRole', roleRes(ctx, name));
    const role = getRole(ctx, name);
    const p = ctx.params;
    if (p.NewAssumeRolePolicyDocument) role.trustPolicy = validateDocument(p.NewAssumeRolePolicyDocument, true);
    if (p.NewDescription !== undefined) role.description = p.NewDescription;
    if (p.NewMaxSessionDuration) role.maxSessionDuration = Number(p.NewMaxSessionDuration);
    role.updateDate = isoSeconds(ctx.now());
    return { Role: roleView(ctx.account, role) };
  },
  DeleteRole(ctx) {
    const name = required(ctx, 'RoleName');
    can(ctx, 'ram:DeleteRole', roleRes(ctx, name));
    const role = getRole(ctx, name);
    if (role.policies.length) throw new ApiError(409, 'DeleteConflict.Role.Policy', `The role still has policies attached: ${name}. Detach them first.`);
    ctx.account.roles.delete(name.toLowerCase());
    return {};
  },
  AttachPolicyToRole(ctx) {
    const [type, policyName, roleName] = [required(ctx, 'PolicyType'), required(ctx, 'PolicyName'), required(ctx, 'RoleName')];
    can(ctx, 'ram:AttachPolicyToRole', roleRes(ctx, roleName), policyRes(ctx, policyName));
    const policy = getPolicy(ctx, type, policyName);
    const role = getRole(ctx, roleName);
    if (role.policies.some((x) => x.type === policy.type && x.name === policy.name)) {
      throw new ApiError(409, 'EntityAlreadyExists.Role.Policy', `The policy already attached to the role: ${policyName}.`);
    }
    role.policies.push({ type: policy.type, name: policy.name, attachDate: isoSeconds(ctx.now()) });
    return {};
  },
  DetachPolicyFromRole(ctx) {
    const [type, policyName, roleName] = [required(ctx, 'PolicyType'), required(ctx, 'PolicyName'), required(ctx, 'RoleName')];
    can(ctx, 'ram:DetachPolicyFromRole', roleRes(ctx, roleName), policyRes(ctx, policyName));
    const policy = getPolicy(ctx, type, policyName);
    const role = getRole(ctx, roleName);
    const index = role.policies.findIndex((x) => x.type === policy.type && x.name === policy.name);
    if (index < 0) throw notFound('EntityNotExist.Role.Policy', `The policy not attached to the role: ${policyName}.`);
    role.policies.splice(index, 1);
    return {};
  },
  ListPoliciesForRole(ctx) {
    const name = required(ctx, 'RoleName');
    can(ctx, 'ram:ListPoliciesForRole', roleRes(ctx, name));
    const role = getRole(ctx, name);
    return {
      Policies: {
        Policy: role.policies.map((ref) => {
          const p = findPolicy(ctx.account, ref);
          return { PolicyName: ref.name, PolicyType: ref.type, Description: p?.description ?? '', DefaultVersion: p?.defaultVersion ?? 'v1', AttachDate: ref.attachDate };
        }),
      },
    };
  },
  CreatePolicy(ctx) {
    const name = required(ctx, 'PolicyName');
    can(ctx, 'ram:CreatePolicy', policyRes(ctx, name));
    checkName('PolicyName', name, 128, /^[a-zA-Z0-9-]+$/);
    const document = validateDocument(required(ctx, 'PolicyDocument'), false);
    if (ctx.account.policies.has(name) || systemPolicies.has(name)) throw new ApiError(409, 'EntityAlreadyExists.Policy', `The policy already exists: ${name}.`);
    const now = isoSeconds(ctx.now());
    const policy: Policy = {
      name, type: 'Custom', description: ctx.params.Description ?? '', defaultVersion: 'v1', createDate: now, updateDate: now,
      versions: [{ id: 'v1', document, createDate: now }],
    };
    ctx.account.policies.set(name, policy);
    return { Policy: { PolicyName: name, PolicyType: 'Custom', Description: policy.description, DefaultVersion: 'v1', CreateDate: now } };
  },
  GetPolicy(ctx) {
    const [type, name] = [required(ctx, 'PolicyType'), required(ctx, 'PolicyName')];
    can(ctx, 'ram:GetPolicy', policyRes(ctx, name));
    const policy = getPolicy(ctx, type, name);
    const v = policy.versions.find((x) => x.id === policy.defaultVersion)!;
    return {
      Policy: policyView(ctx.account, policy),
      DefaultPolicyVersion: { VersionId: v.id, IsDefaultVersion: true, PolicyDocument: v.document, CreateDate: v.createDate },
    };
  },
  GetPolicyVersion(ctx) {
    const [type, name, versionId] = [required(ctx, 'PolicyType'), required(ctx, 'PolicyName'), required(ctx, 'VersionId')];
    can(ctx, 'ram:GetPolicyVersion', policyRes(ctx, name));
    const policy = getPolicy(ctx, type, name);
    const v = policy.versions.find((x) => x.id === versionId);
    if (!v) throw notFound('EntityNotExist.Policy.Version', `The policy version not exists: ${versionId}.`);
    return { PolicyVersion: { VersionId: v.id, IsDefaultVersion: v.id === policy.defaultVersion, PolicyDocument: v.document, CreateDate: v.createDate } };
  },
  ListPolicies(ctx) {
    can(ctx, 'ram:ListPolicies', policyRes(ctx, '*'));
    const type = ctx.params.PolicyType;
    const all = [...systemPolicies.values(), ...ctx.account.policies.values()].filter((p) => !type || p.type === type);
    const { page, ...rest } = markerPage(ctx, all, 100, 1000);
    return { ...rest, Policies: { Policy: page.map((p) => policyView(ctx.account, p)) } };
  },
  ListEntitiesForPolicy(ctx) {
    const [type, name] = [required(ctx, 'PolicyType'), required(ctx, 'PolicyName')];
    can(ctx, 'ram:ListEntitiesForPolicy', policyRes(ctx, name));
    const policy = getPolicy(ctx, type, name);
    const has = (refs: PolicyRef[]) => refs.find((x) => x.type === policy.type && x.name === policy.name);
    const roles = [...ctx.account.roles.values()].filter((r) => has(r.policies));
    const users = [...ctx.account.users.values()].filter((u) => has(u.policies));
    return {
      Roles: { Role: roles.map((r) => ({ RoleId: r.roleId, RoleName: r.name, Arn: ctx.account.roleArn(r.name), Description: r.description, AttachDate: has(r.policies)!.attachDate })) },
      Users: { User: users.map((u) => ({ UserId: u.userId, UserName: u.name, DisplayName: u.name, Description: '', AttachDate: has(u.policies)!.attachDate })) },
      Groups: { Group: [] },
    };
  },
};
