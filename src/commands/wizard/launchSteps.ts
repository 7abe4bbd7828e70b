// Create Instance with Role as wizard steps: region, VPC, vSwitch (its zone is the instance's), instance
// type, image (from DescribeImages), security group, public IP (none, or a bandwidth), name, login (how,
// then the key pair or the password), role; then the dry run (RunInstances with DryRun=true: the service
// checks the request and the caller's permission without creating anything) and the confirmation (the
// instance is billed). The one execute step is RunInstances, read back with DescribeInstances.
// The password goes only into the request: the log, the summary and the CLI text never contain it.
// No vscode: unit-tested with scripted answers.
import type * as vscode from 'vscode';
import type { CloudServices, RunInstancesResult } from '../../cloud/types';
import { validateInstanceType } from '../../policy/validation';
import { launchCli, launchSummary, runInstancesInput, validateInstancePassword, type LaunchAnswers, type Login } from '../../workflows/instanceLaunch';
import { UserCancelledError } from '../cancelled';
import { pickRegion } from '../pickers';
import { askInstanceRole } from './instanceRoleStep';
import type { Prompter } from '../prompter';
import { localizeProblem, type ExecuteStep, type L10n, type PromptStep, type WizardContext } from './wizard';
// The image and public IP steps and the read-back after RunInstances.
import { collect } from '../../cloud/paging';
import type { EcsInstance } from '../../cloud/types';
import { PUBLIC_BANDWIDTH, PUBLIC_IP_CHARGE_TYPE, validatePublicBandwidth } from '../../workflows/instanceLaunch';
import { isGoBack } from '../cancelled';
import { imageItems } from './launchImageItems';

export const DEFAULT_INSTANCE_TYPE = 'ecs.g7.large';
export const DEFAULT_IMAGE = 'aliyun_3_x64_20G_alibase_20240819.vhd';

export interface LaunchContext extends WizardContext {
  readonly services: CloudServices;
  regionId?: string;
  vpcId?: string;
  vSwitchId?: string;
  zoneId?: string;
  instanceType?: string;
  imageId?: string;
  /** The picked image's OS name (for the summary); absent for an id typed by hand. */
  imageOsName?: string;
  securityGroupId?: string;
  /** Mbit/s of outbound public bandwidth; 0 = no public IP. */
  publicBandwidth?: number;
  instanceName?: string;
  loginKind?: Login['kind'];
  login?: Login;
  roleName?: string;
  /** Set by the dry-run step. */
  dryRun?: RunInstancesResult;
  /** Set by the execute step. */
  result?: RunInstancesResult;
  /** The created instances as DescribeInstances reads them back after RunInstances (undefined when that failed). */
  created?: EcsInstance[];
}

const title = (c: LaunchContext, step: string) => c.l10n.t('Create Instance with Role: {0}', step);

/** A quick pick over a list read from the cloud; an empty list is an error that says what to create first. */
async function pick<T extends vscode.QuickPickItem>(ui: Prompter, items: Promise<T[]>, pickTitle: string, empty: string): Promise<T> {
  const picked = await ui.showQuickPick(items.then((list) => {
    if (list.length === 0) throw new Error(empty);
    return list;
  }), { title: pickTitle, matchOnDescription: true, matchOnDetail: true });
  if (!picked) throw new UserCancelledError();
  return picked;
}

async function input(ui: Prompter, options: vscode.InputBoxOptions): Promise<string> {
  const value = await ui.showInputBox(options);
  if (value === undefined) throw new UserCancelledError();
  return value.trim();
}

/** A step asked while `key` has no answer (preset from the node, or kept when Back returns past it). */
function step(key: keyof LaunchContext, prompt: (c: LaunchContext) => Promise<void>): PromptStep<LaunchContext> {
  return { shouldPrompt: (c) => c[key] === undefined, prompt };
}

export const launchRegionStep = step('regionId', async (c) => {
  c.regionId = await pickRegion(c.ui, c.services, title(c, c.l10n.t('region')));
});

export const vpcStep = step('vpcId', async (c) => {
  const vpcs = c.services.ecs.listVpcs(c.regionId!).then((l) => l.map((v) => ({ label: v.vpcName || v.vpcId, description: `${v.vpcId} · ${v.cidrBlock ?? ''}`, vpcId: v.vpcId })));
  c.vpcId = (await pick(c.ui, vpcs, title(c, c.l10n.t('VPC (instance RAM roles work only in a VPC)')),
    c.l10n.t('No VPC in {0}: create one in the VPC console first (instance RAM roles work only in a VPC).', c.regionId!))).vpcId;
});

export const vSwitchStep = step('vSwitchId', async (c) => {
  const l10n: L10n = c.l10n;
  const switches = c.services.ecs.listVSwitches(c.regionId!, { vpcId: c.vpcId }).then((l) => l.map((s) => ({
    label: s.vSwitchName || s.vSwitchId, description: `${s.vSwitchId} · ${s.zoneId}`,
    detail: l10n.t('zone {0}, {1}, {2} free addresses', s.zoneId, s.cidrBlock ?? '', s.availableIpAddressCount ?? '?'), vSwitchId: s.vSwitchId, zoneId: s.zoneId,
  })));
  const picked = await pick(c.ui, switches, title(c, c.l10n.t('vSwitch (the instance is created in its zone)')), c.l10n.t('No vSwitch in {0}: create one in the VPC console first.', c.vpcId!));
  c.vSwitchId = picked.vSwitchId;
  c.zoneId = picked.zoneId;
});

export const instanceTypeStep = step('instanceType', async (c) => {
  c.instanceType = await input(c.ui, {
    title: title(c, c.l10n.t('instance type')), value: DEFAULT_INSTANCE_TYPE, prompt: c.l10n.t('An instance type available in zone {0}, e.g. ecs.g7.large.', c.zoneId!),
    validateInput: (v) => { const p = validateInstanceType(v.trim()); return p ? localizeProblem(c.l10n, p) : undefined; },
  });
});

/** At most two pages of DescribeImages (100 each): more is not a list anyone scrolls; an id can be typed. */
export const IMAGE_LIST_LIMIT = 200;

/**
 * The region's public Linux images that run on the chosen instance type (DescribeImages filters them: one
 * call on a real region), Alibaba Cloud Linux 3 first; "Enter an image id…" for any other image. Back in
 * that box returns to the list (no new call).
 */
export const imageStep = step('imageId', async (c) => {
  const images = c.services.ecs.listImages(c.regionId!, { imageOwnerAlias: 'system', osType: 'linux', instanceType: c.instanceType, status: 'Available' }, { limit: IMAGE_LIST_LIMIT });
  const items = images.then((list) => imageItems(list, c.l10n));
  for (;;) {
    const picked = await c.ui.showQuickPick(items, {
      title: title(c, c.l10n.t('image')), placeHolder: c.l10n.t('Public Linux images of {0} that run on {1}', c.regionId!, c.instanceType!),
      matchOnDescription: true, matchOnDetail: true,
    });
    if (!picked) throw new UserCancelledError();
    if (picked.image) {
      c.imageId = picked.image.imageId;
      c.imageOsName = picked.image.osName;
      return;
    }
    try {
      c.imageId = await input(c.ui, {
        title: title(c, c.l10n.t('image')), value: DEFAULT_IMAGE, prompt: c.l10n.t('An image id of {0}: a custom or shared image starts with m-.', c.regionId!),
        validateInput: (v) => (/^[A-Za-z0-9_.-]{2,128}$/.test(v.trim()) ? undefined : c.l10n.t('Enter an image id such as {0}.', DEFAULT_IMAGE)),
      });
      return;
    } catch (error) {
      if (!isGoBack(error)) throw error;
    }
  }
});

export const securityGroupStep = step('securityGroupId', async (c) => {
  const groups = c.services.ecs.listSecurityGroups(c.regionId!, { vpcId: c.vpcId }).then((l) => l.map((g) => ({ label: g.securityGroupName || g.securityGroupId, description: g.securityGroupId, securityGroupId: g.securityGroupId })));
  c.securityGroupId = (await pick(c.ui, groups, title(c, c.l10n.t('security group')), c.l10n.t('No security group in {0}: create one in the ECS console first.', c.vpcId!))).securityGroupId;
});

/** "Public IP?": none (the default: reachable only inside the VPC), or a public IP with an outbound bandwidth (InternetMaxBandwidthOut). */
export const publicIpStep = step('publicBandwidth', async (c) => {
  const ipTitle = title(c, c.l10n.t('public IP'));
  const items: (vscode.QuickPickItem & { wantsIp: boolean })[] = [
    { label: c.l10n.t('No public IP'), detail: c.l10n.t('Reachable only inside the VPC (other instances, VPN, bastion host); an EIP can be bound later.'), wantsIp: false },
    { label: c.l10n.t('Public IP'), detail: c.l10n.t('Assigned at creation, with the outbound bandwidth you enter next; billed per GB of outbound traffic ({0}).', PUBLIC_IP_CHARGE_TYPE), wantsIp: true },
  ];
  for (;;) {
    const choice = await c.ui.showQuickPick(items, { title: ipTitle, placeHolder: c.l10n.t('Public IP?') });
    if (!choice) throw new UserCancelledError();
    if (!choice.wantsIp) {
      c.publicBandwidth = 0;
      return;
    }
    try {
      const mbps = await input(c.ui, {
        title: ipTitle, value: String(PUBLIC_BANDWIDTH.suggested),
        prompt: c.l10n.t('Outbound bandwidth in Mbit/s, {0} to {1}.', PUBLIC_BANDWIDTH.min, PUBLIC_BANDWIDTH.max),
        validateInput: (v) => { const p = validatePublicBandwidth(v); return p ? localizeProblem(c.l10n, p) : undefined; },
      });
      c.publicBandwidth = Number(mbps);
      return;
    } catch (error) {
      if (!isGoBack(error)) throw error; // Back from the bandwidth: the question again
    }
  }
});

export const instanceNameStep = step('instanceName', async (c) => {
  c.instanceName = await input(c.ui, { title: title(c, c.l10n.t('instance name')), prompt: c.l10n.t('Optional.'), value: '' });
});

export const loginKindStep = step('loginKind', async (c) => {
  const items: (vscode.QuickPickItem & { loginKind: Login['kind'] })[] = [
    { label: c.l10n.t('Key pair'), detail: c.l10n.t('An existing SSH key pair of this region (recommended for Linux).'), loginKind: 'keyPair' },
    { label: c.l10n.t('Password'), detail: c.l10n.t('Typed in a password box; it is sent to ECS only, never logged or stored.'), loginKind: 'password' },
    { label: c.l10n.t('Set later'), detail: c.l10n.t('Reset the password in the ECS console before logging in.'), loginKind: 'later' },
  ];
  const choice = await c.ui.showQuickPick(items, { title: title(c, c.l10n.t('login')) });
  if (!choice) throw new UserCancelledError();
  c.loginKind = choice.loginKind;
});

/** The key pair's name or the password (in a password box, validated by ECS's rule, never echoed). */
export const loginDetailStep = step('login', async (c) => {
  const loginTitle = title(c, c.l10n.t('login'));
  if (c.loginKind === 'keyPair') {
    const keyPairName = await input(c.ui, { title: loginTitle, prompt: c.l10n.t('Key pair name'), validateInput: (v) => (v.trim() ? undefined : c.l10n.t('Enter the name of a key pair.')) });
    c.login = { kind: 'keyPair', keyPairName };
  } else if (c.loginKind === 'password') {
    const password = await c.ui.showInputBox({ title: loginTitle, prompt: c.l10n.t('Instance password'), password: true, validateInput: (v) => { const p = validateInstancePassword(v); return p ? localizeProblem(c.l10n, p) : undefined; } });
    if (password === undefined) throw new UserCancelledError();
    c.login = { kind: 'password', password };
  } else {
    c.login = { kind: 'later' };
  }
});

export const launchRoleStep = step('roleName', async (c) => {
  c.roleName = await askInstanceRole(c, title(c, c.l10n.t('instance RAM role')), 'attach');
});

export function answersOf(c: LaunchContext): LaunchAnswers {
  return {
    regionId: c.regionId!, vpcId: c.vpcId!, vSwitchId: c.vSwitchId!, zoneId: c.zoneId!, instanceType: c.instanceType!, imageId: c.imageId!,
    imageOsName: c.imageOsName, publicBandwidth: c.publicBandwidth,
    securityGroupId: c.securityGroupId!, instanceName: c.instanceName, login: c.login!, roleName: c.roleName!,
  };
}

/** RunInstances with DryRun=true before anything is confirmed: a refusal (no permission, a role ECS cannot assume) stops the wizard. */
export const dryRunStep: PromptStep<LaunchContext> = {
  shouldPrompt: () => true,
  async prompt(c) {
    const answers = answersOf(c);
    c.host.log.info(`Create instance with role: dry run\n  ${launchSummary(answers).join('\n  ')}\n  ${launchCli(answers, true)}`);
    c.dryRun = await c.host.busy(c.l10n.t('Checking the request (dry run)…'), () => c.services.ecs.runInstances(runInstancesInput(answers, true)));
    c.host.log.info(`Dry run passed (RequestId ${c.dryRun.requestId ?? '-'}): the request is valid and the caller is allowed to make it.`);
  },
};

export const confirmLaunchStep: PromptStep<LaunchContext> = {
  shouldPrompt: () => true,
  async prompt(c) {
    const answers = answersOf(c);
    await c.host.confirm(
      c.l10n.t('Dry run passed. Create this ECS instance now? It is billed to your account until you release it.'),
      c.l10n.t('Create Instance (Billed)'), [launchCli(answers)], { detail: launchSummary(answers).join('\n'), warning: true });
  },
};

export const launchExecuteStep: ExecuteStep<LaunchContext> = {
  priority: 100,
  async execute(c) {
    const answers = answersOf(c);
    c.result = await c.services.ecs.runInstances(runInstancesInput(answers, false));
    c.host.log.info(`Created instance(s) ${c.result.instanceIds.join(', ')} with role ${answers.roleName} (RequestId ${c.result.requestId ?? '-'}, ClientToken ${c.result.clientToken})`);
    // Read back (DescribeInstances and its roles): the result names the public IP the service assigned.
    // The instance exists whatever this answers, so a failed read-back is logged, not thrown.
    try {
      c.created = await collect(c.services.ecs.listInstances(answers.regionId, { filter: { instanceIds: c.result.instanceIds } }));
      c.host.log.info(`Read back: ${c.created.map((i) => `${i.instanceId} ${i.status}, role ${i.ramRoleName ?? '-'}, public IP ${i.publicIpAddress ?? '-'}`).join('; ')}`);
    } catch (error) {
      c.host.log.warn(`Created, but reading the instance back failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
};

export const LAUNCH_PROMPTS = [
  launchRegionStep, vpcStep, vSwitchStep, instanceTypeStep, imageStep, securityGroupStep, publicIpStep, instanceNameStep,
  loginKindStep, loginDetailStep, launchRoleStep, dryRunStep, confirmLaunchStep,
];
