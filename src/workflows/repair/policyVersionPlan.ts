// Saving an edited custom policy: RAM keeps at most five versions, so a save at the limit first
// deletes the oldest non-default version (named in the confirmation, never silently). Pure.
import type { RamPolicyVersion } from '../../cloud/types';
import { createPolicyVersionCommand, deletePolicyVersionCommand } from './repairCli';

/** RAM's limit on the versions of one custom policy. */
export const MAX_POLICY_VERSIONS = 5;

export interface PolicyVersionSavePlan {
  readonly policyName: string;
  /** The version deleted first to make room (the oldest that is not the default), when at the limit. */
  readonly deleteFirst?: RamPolicyVersion;
  readonly document: unknown;
  /** The default version the edit started from (what the diff compares with). */
  readonly currentDefault?: RamPolicyVersion;
  readonly cli: readonly string[];
}

const versionNumber = (v: RamPolicyVersion) => Number(v.versionId.replace(/^v/, '')) || 0;

/** The oldest version that is not the default, or undefined when every version is the default (one version). */
export function oldestNonDefaultVersion(versions: readonly RamPolicyVersion[]): RamPolicyVersion | undefined {
  return [...versions].filter((v) => !v.isDefaultVersion).sort((a, b) => versionNumber(a) - versionNumber(b))[0];
}

export function planPolicyVersionSave(policyName: string, versions: readonly RamPolicyVersion[], document: unknown): PolicyVersionSavePlan {
  const deleteFirst = versions.length >= MAX_POLICY_VERSIONS ? oldestNonDefaultVersion(versions) : undefined;
  const cli = [
    ...(deleteFirst ? [deletePolicyVersionCommand({ policyName, versionId: deleteFirst.versionId })] : []),
    createPolicyVersionCommand({ policyName, document, setAsDefault: true }),
  ];
  return { policyName, deleteFirst, document, currentDefault: versions.find((v) => v.isDefaultVersion), cli };
}
