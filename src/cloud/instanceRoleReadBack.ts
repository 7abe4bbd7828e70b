// The instance-role batches (AttachInstanceRamRole, DetachInstanceRamRole) after a lost answer: the
// resend can only report what the FIRST attempt left behind ("not attached" for a detach that worked),
// and when every answer is lost there is no result at all. So the failed ids are read back with
// DescribeInstanceRamRole and each is reported as what is true: done when the instance's role is what
// the call wanted, otherwise failed with the role it has now.
import type { InstanceRamRole, InstanceRoleResult } from './types';

export type RoleWanted = { kind: 'attached'; roleName: string } | { kind: 'detached' };

function inPlace(current: string | undefined, wanted: RoleWanted): boolean {
  return wanted.kind === 'detached' ? !current : current?.toLowerCase() === wanted.roleName.toLowerCase();
}

function nowHas(current: string | undefined): string {
  return current ? `the instance has the RAM role ${current}` : 'the instance has no RAM role';
}

/** The results with each failed id replaced by what reading its role back shows. */
export async function readBackInstanceRoles(
  results: readonly InstanceRoleResult[],
  wanted: RoleWanted,
  describe: (instanceIds: string[]) => Promise<InstanceRamRole[]>,
): Promise<InstanceRoleResult[]> {
  const failed = results.filter((r) => !r.success).map((r) => r.instanceId);
  if (failed.length === 0) return [...results];
  let roles: Map<string, string>;
  try {
    roles = new Map((await describe(failed)).map((r) => [r.instanceId, r.ramRoleName]));
  } catch {
    return results.map((r) => (r.success ? r : {
      ...r, readBackAfterLostAnswer: true,
      message: `${r.message ?? ''} (the answer was lost and the instance's role could not be read back: the outcome is unknown)`.trim(),
    }));
  }
  return results.map((r) => {
    if (r.success) return r;
    const current = roles.get(r.instanceId) || undefined;
    if (inPlace(current, wanted)) return { instanceId: r.instanceId, ramRoleName: r.ramRoleName, success: true, readBackAfterLostAnswer: true };
    return { ...r, readBackAfterLostAnswer: true, message: `${r.message ?? ''} (the answer was lost; read back: ${nowHas(current)})`.trim() };
  });
}
