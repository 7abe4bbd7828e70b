// What the explorer's views already know, handed to wizard steps so a pick can use it without a cloud
// call: the trust verdicts the RAM Roles view has read, and the regions the ECS Instances view found
// instances in. No vscode: the steps that read it are unit-tested without VS Code (src/commands/wizard/host.ts fills it).
import type { CloudServices, RamRole } from '../../cloud/types';
import type { AssumeCheck } from '../../policy/trustPolicy';

/** A role the Roles view has read the trust policy of (`role` then carries AssumeRolePolicyDocument). */
export interface KnownRoleTrust {
  readonly role: RamRole;
  /** Undefined when the trust policy could not be read. */
  readonly trust?: AssumeCheck;
}

/** A region the Instances view knows has instances. */
export interface RegionWithInstances {
  readonly regionId: string;
  /** How many it has listed; undefined while the region has not been expanded (only "some" is known). */
  readonly instances?: number;
  /** True when more instances exist than were listed ("100+"). */
  readonly more?: boolean;
}

/** Each answer is for `services`' profile only (nothing when the views show another profile). */
export interface ExplorerKnowledge {
  /** The roles whose trust policy the Roles view has read, with its verdict. */
  rolesWithTrust(services: CloudServices): readonly KnownRoleTrust[];
  /** The regions with instances, in the view's order. */
  regionsWithInstances(services: CloudServices): readonly RegionWithInstances[];
}
