// Checklist lines that need the management profile (the account's view of this instance): the
// role's trust policy lets ECS assume it, its policies allow the KMS actions on the key, and the
// instance is in a VPC (instance RAM roles work only there).
import { isCloudError } from '../cloud/types';
import { COMMAND } from '../commandIds';
import { allowedActions } from '../policy/evaluator';
import { parsePolicyDocument } from '../policy/policyDocument';
import { canServiceAssume } from '../policy/trustPolicy';
import { RolePolicyReader } from '../session/rolePolicies';
import { text } from '../util/message';
import { addEcsTrustAction, enableKeyAction, grantAction } from './fixActions';
import type { CheckLine, DiagnosisDeps } from './diagnosisTypes';
import type { MetadataFindings } from './metadataChecks';
import { skipped } from './skipped';

const TITLES = {
  trust: text('Trust policy lets ECS assume the role'),
  policies: text('Role policies allow KMS on the key'),
  vpc: text('Instance is in a VPC'),
};

const NEEDED = ['kms:Encrypt', 'kms:Decrypt'];
const USEFUL = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'];

function message(error: unknown): string {
  return isCloudError(error) ? `${error.code}: ${error.hint ?? error.message}` : error instanceof Error ? error.message : String(error);
}

export async function accountChecks(deps: DiagnosisDeps, regionId: string, meta: MetadataFindings): Promise<CheckLine[]> {
  const management = deps.management;
  if (!management) {
    const why = 'No management profile is active (select one to check the account side).';
    return [skipped('trust', TITLES.trust, why), skipped('policies', TITLES.policies, why), skipped('vpc', TITLES.vpc, why)];
  }
  const { profileName } = management;
  const roleName = meta.roleName;
  const lines: CheckLine[] = [];

  if (!roleName) {
    lines.push(skipped('trust', TITLES.trust, 'No role is attached to check.'), skipped('policies', TITLES.policies, 'No role is attached to check.'));
  } else {
    lines.push(await trustCheck(deps, roleName, profileName));
    lines.push(await policiesCheck(deps, regionId, roleName, profileName));
  }
  lines.push(await vpcCheck(deps, meta, profileName));
  return lines;
}

async function trustCheck(deps: DiagnosisDeps, roleName: string, profileName: string): Promise<CheckLine> {
  const { services } = deps.management!;
  try {
    const role = await services.ram.getRole(roleName, { signal: deps.signal });
    const check = canServiceAssume(parsePolicyDocument(JSON.parse(role.assumeRolePolicyDocument ?? '{}')));
    if (check.canAssume) {
      return {
        id: 'trust', title: TITLES.trust, status: 'passed',
        evidence: [text('Role {0} trusts ecs.aliyuncs.com (read with profile {1}).', roleName, profileName), ...(check.conditional ? [text(check.reason.template, ...check.reason.args)] : [])],
      };
    }
    return {
      id: 'trust', title: TITLES.trust, status: 'failed',
      evidence: [text(check.reason.template, ...check.reason.args)],
      fix: text('Edit the trust policy of role {0} so that "Principal": {"Service": ["ecs.aliyuncs.com"]} may do sts:AssumeRole.', roleName),
      action: addEcsTrustAction(roleName),
    };
  } catch (error) {
    return { id: 'trust', title: TITLES.trust, status: 'failed', evidence: [text('Reading role {0} failed: {1}', roleName, message(error))], fix: text('The management profile needs ram:GetRole.') };
  }
}

async function policiesCheck(deps: DiagnosisDeps, regionId: string, roleName: string, profileName: string): Promise<CheckLine> {
  const { services } = deps.management!;
  if (!deps.key) return skipped('policies', TITLES.policies, 'No key chosen.');
  try {
    const key = await services.kms(regionId).describeKey(deps.key.identifier, { signal: deps.signal });
    if (!key.arn) return skipped('policies', TITLES.policies, 'The key {0} has no ARN to evaluate the policies against.', key.keyId);
    const reader = new RolePolicyReader(services);
    const attached = await reader.attachedPolicies(roleName);
    const documents = attached.flatMap((a) => (a.document ? [a.document] : []));
    const allowed = allowedActions(documents, USEFUL, key.arn);
    const missing = NEEDED.filter((a) => !allowed.includes(a));
    const names = attached.map((a) => `${a.policy.policyName} (${a.policy.policyType})`).join(', ') || '-';
    const evidence = [
      text('Policies of role {0}: {1}.', roleName, names),
      text('Allowed on {0}: {1}.', key.arn, allowed.join(', ') || '-'),
      ...(key.keyState !== 'Enabled' ? [text('The key\'s state is {0}: even with permission, KMS refuses to use it.', key.keyState)] : []),
    ];
    if (missing.length === 0 && key.keyState === 'Enabled') return { id: 'policies', title: TITLES.policies, status: 'passed', evidence };
    return {
      id: 'policies', title: TITLES.policies, status: 'failed', evidence,
      fix: missing.length > 0
        ? text('Role {0} lacks {1} on key {2}. Grant KMS Access adds it.', roleName, missing.join(', '), key.keyId)
        : key.keyState === 'Disabled' ? text('Enable key {0} (Enable Key).', key.keyId)
          : text('Enable key {0} (or cancel its deletion) in the KMS console.', key.keyId),
      // Grant first: Enable Key alone would still leave the role without permission (the re-run then offers Enable Key).
      action: missing.length > 0 ? grantAction(roleName, key.keyId, regionId) : key.keyState === 'Disabled' ? enableKeyAction(regionId, key.keyId) : undefined,
    };
  } catch (error) {
    return {
      id: 'policies', title: TITLES.policies, status: 'failed',
      evidence: [text('Reading the key or the policies with profile {0} failed: {1}', profileName, message(error))],
      fix: text('Check the key identifier and region; the management profile needs kms:DescribeKey, ram:ListPoliciesForRole and ram:GetPolicy.'),
    };
  }
}

async function vpcCheck(deps: DiagnosisDeps, meta: MetadataFindings, profileName: string): Promise<CheckLine> {
  const identity = meta.identity;
  if (!identity) return skipped('vpc', TITLES.vpc, 'This machine is not a known ECS instance.');
  const { services } = deps.management!;
  try {
    let found;
    for await (const instance of services.ecs.listInstances(identity.regionId, { filter: { instanceIds: [identity.instanceId] }, includeRamRoles: false, signal: deps.signal })) {
      found = instance;
      break;
    }
    if (!found) {
      return {
        id: 'vpc', title: TITLES.vpc, status: 'failed',
        evidence: [text('Profile {0} sees no instance {1} in {2}.', profileName, identity.instanceId, identity.regionId)],
        fix: text('Select the profile of the account that owns this instance.'),
        action: { label: text('Select Profile'), command: COMMAND.selectProfile },
      };
    }
    if (found.networkType.toLowerCase() === 'vpc') {
      return { id: 'vpc', title: TITLES.vpc, status: 'passed', evidence: [text('Instance {0} is in VPC {1}.', found.instanceId, found.vpcId ?? identity.vpcId ?? '?')] };
    }
    return {
      id: 'vpc', title: TITLES.vpc, status: 'failed',
      evidence: [text('Instance {0} is in the classic network.', found.instanceId)],
      fix: text('Instance RAM roles work only in a VPC: migrate the instance to a VPC or create a new one there.'),
    };
  } catch (error) {
    return { id: 'vpc', title: TITLES.vpc, status: 'failed', evidence: [text('DescribeInstances with profile {0} failed: {1}', profileName, message(error))], fix: text('The management profile needs ecs:DescribeInstances.') };
  }
}
