import * as vscode from 'vscode';
import type { CloudServices } from '../cloud/types';
import { validateInstanceType } from '../policy/validation';
import { launchCli, launchSummary, runInstancesInput, validateInstancePassword, type LaunchAnswers, type Login } from '../workflows/instanceLaunch';
import type { NodeRef } from '../views/common/nodeRef';
import type { CommandContext } from './commandContext';
import { pickRegion, pickRole } from './pickers';
import type { Prompter } from './prompter';
import { requireServices } from './requireServices';
import { UserCancelledError } from './runCommand';
import { confirmWithCli, localize } from './wizard/confirmWithCli';
import { regionOf, roleOf } from './nodeRefs';

const DEFAULT_TYPE = 'ecs.g7.large';
const DEFAULT_IMAGE = 'aliyun_3_x64_20G_alibase_20240819.vhd';

async function pick<T extends vscode.QuickPickItem>(ui: Prompter, items: Promise<T[]>, title: string, empty: string): Promise<T> {
  const picked = await ui.showQuickPick(items.then((list) => {
    if (list.length === 0) throw new Error(empty);
    return list;
  }), { title, matchOnDescription: true, matchOnDetail: true });
  if (!picked) throw new UserCancelledError();
  return picked;
}

async function input(ui: Prompter, options: vscode.InputBoxOptions): Promise<string> {
  const value = await ui.showInputBox(options);
  if (value === undefined) throw new UserCancelledError();
  return value.trim();
}

async function askLogin(ui: Prompter, title: string): Promise<Login> {
  const keyPair = vscode.l10n.t('Key pair');
  const password = vscode.l10n.t('Password');
  const later = vscode.l10n.t('Set later');
  const choice = await ui.showQuickPick([
    { label: keyPair, detail: vscode.l10n.t('An existing SSH key pair of this region (recommended for Linux).') },
    { label: password, detail: vscode.l10n.t('Typed in a password box; it is sent to ECS only, never logged or stored.') },
    { label: later, detail: vscode.l10n.t('Reset the password in the ECS console before logging in.') },
  ], { title });
  if (!choice) throw new UserCancelledError();
  if (choice.label === keyPair) return { kind: 'keyPair', keyPairName: await input(ui, { title, prompt: vscode.l10n.t('Key pair name'), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the name of a key pair.')) }) };
  if (choice.label === password) {
    const value = await ui.showInputBox({ title, prompt: vscode.l10n.t('Instance password'), password: true, validateInput: (v) => { const p = validateInstancePassword(v); return p ? localize(p) : undefined; } });
    if (value === undefined) throw new UserCancelledError();
    return { kind: 'password', password: value };
  }
  return { kind: 'later' };
}

async function askAnswers(ctx: CommandContext, services: CloudServices, ref: NodeRef | undefined): Promise<LaunchAnswers> {
  const t = (step: string) => vscode.l10n.t('Create Instance with Role: {0}', step);
  const ecs = services.ecs;
  const regionId = regionOf(ref) ?? (await pickRegion(ctx.ui, services, t(vscode.l10n.t('region'))));
  const vpc = await pick(ctx.ui, ecs.listVpcs(regionId).then((l) => l.map((v) => ({ label: v.vpcName || v.vpcId, description: `${v.vpcId} · ${v.cidrBlock ?? ''}`, vpcId: v.vpcId }))),
    t(vscode.l10n.t('VPC (instance RAM roles work only in a VPC)')), vscode.l10n.t('No VPC in {0}: create one in the VPC console first (instance RAM roles work only in a VPC).', regionId));
  const vsw = await pick(ctx.ui, ecs.listVSwitches(regionId, { vpcId: vpc.vpcId }).then((l) => l.map((s) => ({
    label: s.vSwitchName || s.vSwitchId, description: `${s.vSwitchId} · ${s.zoneId}`, detail: vscode.l10n.t('zone {0}, {1}, {2} free addresses', s.zoneId, s.cidrBlock ?? '', s.availableIpAddressCount ?? '?'), vSwitchId: s.vSwitchId, zoneId: s.zoneId,
  }))), t(vscode.l10n.t('vSwitch (the instance is created in its zone)')), vscode.l10n.t('No vSwitch in {0}: create one in the VPC console first.', vpc.vpcId));
  const instanceType = await input(ctx.ui, { title: t(vscode.l10n.t('instance type')), value: DEFAULT_TYPE, prompt: vscode.l10n.t('An instance type available in zone {0}, e.g. ecs.g7.large.', vsw.zoneId),
    validateInput: (v) => { const p = validateInstanceType(v.trim()); return p ? localize(p) : undefined; } });
  const imageId = await input(ctx.ui, { title: t(vscode.l10n.t('image')), value: DEFAULT_IMAGE, prompt: vscode.l10n.t('An image id of {0} (default: Alibaba Cloud Linux 3).', regionId),
    validateInput: (v) => (/^[A-Za-z0-9_.-]{2,128}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter an image id such as {0}.', DEFAULT_IMAGE)) });
  const group = await pick(ctx.ui, ecs.listSecurityGroups(regionId, { vpcId: vpc.vpcId }).then((l) => l.map((g) => ({ label: g.securityGroupName || g.securityGroupId, description: g.securityGroupId, securityGroupId: g.securityGroupId }))),
    t(vscode.l10n.t('security group')), vscode.l10n.t('No security group in {0}: create one in the ECS console first.', vpc.vpcId));
  const instanceName = await input(ctx.ui, { title: t(vscode.l10n.t('instance name')), prompt: vscode.l10n.t('Optional.'), value: '' });
  const login = await askLogin(ctx.ui, t(vscode.l10n.t('login')));
  const roleName = roleOf(ref) ?? (await pickRole(ctx.ui, services, t(vscode.l10n.t('instance RAM role'))));
  return { regionId, vpcId: vpc.vpcId, vSwitchId: vsw.vSwitchId, zoneId: vsw.zoneId, instanceType, imageId, securityGroupId: group.securityGroupId, instanceName, login, roleName };
}

/**
 * Create Instance with Role: the wizard, then RunInstances with DryRun=true (reported), then an
 * explicit confirmation (the instance is billed) before the real call. The password, when chosen,
 * goes only into the request: the log and the CLI text never contain it.
 */
export async function createInstanceWithRole(ctx: CommandContext, ref?: NodeRef): Promise<void> {
  const services = await requireServices(ctx);
  const answers = await askAnswers(ctx, services, ref);
  const summary = launchSummary(answers);
  ctx.log.info(`Create instance with role: dry run\n  ${summary.join('\n  ')}\n  ${launchCli(answers, true)}`);
  const dry = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the request (dry run)…') },
    () => services.ecs.runInstances(runInstancesInput(answers, true)));
  ctx.log.info(`Dry run passed (RequestId ${dry.requestId ?? '-'}): the request is valid and the caller is allowed to make it.`);

  await confirmWithCli(ctx,
    vscode.l10n.t('Dry run passed. Create this ECS instance now? It is billed to your account until you release it.'),
    vscode.l10n.t('Create Instance (Billed)'), [launchCli(answers)], { detail: summary.join('\n'), warning: true });

  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating the instance…') },
    () => services.ecs.runInstances(runInstancesInput(answers, false)));
  ctx.log.info(`Created instance(s) ${result.instanceIds.join(', ')} with role ${answers.roleName} (RequestId ${result.requestId ?? '-'}, ClientToken ${result.clientToken})`);
  ctx.trees.instances.refresh();
  ctx.trees.roles.refresh();
  void ctx.ui.showInformationMessage(vscode.l10n.t('Created the instance {0} with the role {1}. It takes a minute or two to start.', result.instanceIds.join(', '), answers.roleName), {});
}
