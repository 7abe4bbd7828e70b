// What a caller must be allowed to do for the mutating calls, as access requests the evaluator can
// check against the caller's policies, so a refusal can be explained before (or after) it happens.
import { instanceArn } from './arn';
import type { AccessRequest } from './evaluator';
import { validateAccountId, validateRoleName } from './validation';
import { PolicyError } from './problem';

/** The resource AttachInstanceRamRole and ram:PassRole are authorized on: `acs:ram:*:<account>:role/<name>`. */
export function passRoleResource(account: string, roleName: string): string {
  const bad = validateAccountId(account) ?? validateRoleName(roleName);
  if (bad) throw new PolicyError(bad);
  return `acs:ram:*:${account}:role/${roleName.toLowerCase()}`;
}

/**
 * AttachInstanceRamRole (and RunInstances with RamRoleName) is authorized on each instance and on the
 * role, and needs the associated action ram:PassRole on the role: a caller without PassRole is refused
 * even with ecs:AttachInstanceRamRole on everything.
 */
export function attachRoleRequirements(region: string, account: string, instanceIds: readonly string[], roleName: string): AccessRequest[] {
  const role = passRoleResource(account, roleName);
  return [
    ...instanceIds.map((id) => ({ action: 'ecs:AttachInstanceRamRole', resource: instanceArn(region, account, id) })),
    { action: 'ecs:AttachInstanceRamRole', resource: role },
    { action: 'ram:PassRole', resource: role },
  ];
}

/** CreateRole, CreatePolicy and AttachPolicyToRole as the Create/Grant flows call them. */
export function grantRequirements(account: string, roleName: string, policyName?: string): AccessRequest[] {
  const role = `acs:ram:*:${account}:role/${roleName.toLowerCase()}`;
  const out: AccessRequest[] = [{ action: 'ram:AttachPolicyToRole', resource: role }];
  if (policyName) {
    out.unshift({ action: 'ram:CreatePolicy', resource: `acs:ram:*:${account}:policy/${policyName}` });
    out.push({ action: 'ram:AttachPolicyToRole', resource: `acs:ram:*:${account}:policy/${policyName}` });
  }
  return out;
}
