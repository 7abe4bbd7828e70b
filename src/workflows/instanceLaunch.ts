// Create Instance with Role: the RunInstances input and its `aliyun` CLI equivalent from the wizard's
// answers, and the ECS login password rule. No vscode. The password is carried in the input only;
// the CLI text and the summary never contain it.
import { runInstancesCommand, type Problem, problem } from '../policy';
import type { RunInstancesInput } from '../cloud/types';

export type Login = { kind: 'keyPair'; keyPairName: string } | { kind: 'password'; password: string } | { kind: 'later' };

export interface LaunchAnswers {
  readonly regionId: string;
  readonly vpcId: string;
  readonly vSwitchId: string;
  /** Follows the vSwitch (a vSwitch lives in one zone). */
  readonly zoneId: string;
  readonly instanceType: string;
  readonly imageId: string;
  /** The image's OS name from DescribeImages, for the summary (absent for an id typed by hand). */
  readonly imageOsName?: string;
  readonly securityGroupId: string;
  /** Outbound public bandwidth in Mbit/s: above 0 the instance gets a public IP; 0 or absent, none. */
  readonly publicBandwidth?: number;
  readonly instanceName?: string;
  readonly login: Login;
  readonly roleName: string;
}

/**
 * RunInstances' InternetMaxBandwidthOut: 0 to 100 Mbit/s (the API reference; api-meta documents no
 * range). 0 is "no public IP", so a bandwidth the user asks for is 1 to 100.
 */
export const PUBLIC_BANDWIDTH = { min: 1, max: 100, suggested: 5 } as const;
/** Billed per GB of outbound traffic: nothing is paid for an idle public IP (the API's default charge type, sent explicitly). */
export const PUBLIC_IP_CHARGE_TYPE = 'PayByTraffic';

export function validatePublicBandwidth(value: string): Problem | undefined {
  const text = value.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < PUBLIC_BANDWIDTH.min || n > PUBLIC_BANDWIDTH.max) {
    return problem('Bandwidth.Range', 'Enter a whole number of Mbit/s from {0} to {1}.', PUBLIC_BANDWIDTH.min, PUBLIC_BANDWIDTH.max);
  }
  return undefined;
}

const bandwidthOf = (a: LaunchAnswers): number | undefined => (a.publicBandwidth && a.publicBandwidth > 0 ? a.publicBandwidth : undefined);

export function runInstancesInput(a: LaunchAnswers, dryRun: boolean, clientToken?: string): RunInstancesInput {
  return {
    regionId: a.regionId, zoneId: a.zoneId, vSwitchId: a.vSwitchId, instanceType: a.instanceType, imageId: a.imageId,
    securityGroupId: a.securityGroupId, instanceName: a.instanceName || undefined, ramRoleName: a.roleName, amount: 1, dryRun,
    keyPairName: a.login.kind === 'keyPair' ? a.login.keyPairName : undefined,
    password: a.login.kind === 'password' ? a.login.password : undefined,
    internetMaxBandwidthOut: bandwidthOf(a), internetChargeType: bandwidthOf(a) ? PUBLIC_IP_CHARGE_TYPE : undefined,
    clientToken,
  };
}

/** The CLI equivalent; a password is read from $ALIYUN_ECS_PASSWORD, never written inline. */
export function launchCli(a: LaunchAnswers, dryRun = false): string {
  return runInstancesCommand({
    regionId: a.regionId, zoneId: a.zoneId, imageId: a.imageId, instanceType: a.instanceType, securityGroupId: a.securityGroupId,
    vSwitchId: a.vSwitchId, roleName: a.roleName, instanceName: a.instanceName || undefined,
    keyPairName: a.login.kind === 'keyPair' ? a.login.keyPairName : undefined, usesPassword: a.login.kind === 'password', amount: 1, dryRun,
    internetMaxBandwidthOut: bandwidthOf(a), internetChargeType: bandwidthOf(a) ? PUBLIC_IP_CHARGE_TYPE : undefined,
  });
}

/** English lines describing the instance to be created, for the log and the confirmation (no password). */
export function launchSummary(a: LaunchAnswers): string[] {
  const login = a.login.kind === 'keyPair' ? `key pair ${a.login.keyPairName}` : a.login.kind === 'password' ? 'password (not shown)' : 'set later';
  return [
    `region ${a.regionId}, zone ${a.zoneId}`,
    `VPC ${a.vpcId}, vSwitch ${a.vSwitchId}, security group ${a.securityGroupId}`,
    `instance type ${a.instanceType}, image ${a.imageId}${a.imageOsName ? ` (${a.imageOsName})` : ''}`,
    bandwidthOf(a)
      ? `public IP: yes, up to ${bandwidthOf(a)} Mbit/s outbound, ${PUBLIC_IP_CHARGE_TYPE}`
      : 'public IP: none (reachable only inside the VPC)',
    `instance RAM role ${a.roleName}, login ${login}${a.instanceName ? `, name ${a.instanceName}` : ''}`,
  ];
}

const SPECIAL = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/";

/**
 * ECS instance passwords: 8 to 30 characters with at least three of upper-case letters, lower-case
 * letters, digits and the special characters ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/ ; not starting with /.
 * The message never repeats the password.
 */
export const PASSWORD_RULE = 'An ECS instance password is 8 to 30 characters with at least three of: upper-case letters, lower-case letters, digits, and special characters ()`~!@#$%^&*-_+=|{}[]:;\'<>,.?/ (it cannot start with /).';

// Each template is a whole sentence plus the rule: the l10n key is the full text.
export function validateInstancePassword(value: string): Problem | undefined {
  const chars = [...value];
  if (chars.length < 8 || chars.length > 30) return problem('Password.Length', `The password has {0} characters. ${PASSWORD_RULE}`, chars.length);
  if (chars.some((c) => !/[A-Za-z0-9]/.test(c) && !SPECIAL.includes(c))) return problem('Password.BadCharacter', `The password contains a character ECS does not accept. ${PASSWORD_RULE}`);
  if (value.startsWith('/')) return problem('Password.Slash', `The password starts with /. ${PASSWORD_RULE}`);
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((re) => re.test(value)).length + (chars.some((c) => SPECIAL.includes(c)) ? 1 : 0);
  if (classes < 3) return problem('Password.Weak', `The password uses only {0} kinds of characters. ${PASSWORD_RULE}`, classes);
  return undefined;
}
