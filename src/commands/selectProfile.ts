import * as vscode from 'vscode';
import type { Profile } from '../cloud/types';
import type { CommandContext } from './commandContext';
import { UserCancelledError } from './runCommand';
import { COMMAND } from '../commandIds';

const SOURCE_LABELS: Record<Profile['source'], () => string> = {
  aliyunCli: () => vscode.l10n.t('aliyun CLI config'),
  environment: () => vscode.l10n.t('environment variables'),
  credentialsFile: () => vscode.l10n.t('credentials file'),
  secretStorage: () => vscode.l10n.t('stored in VS Code'),
  ecsInstance: () => vscode.l10n.t('ECS instance role'),
};

export function describeSource(profile: Profile): string {
  return SOURCE_LABELS[profile.source]();
}

/** Alibaba Cloud: Select Profile — every profile with its source and kind, never a secret. */
export async function selectProfile(ctx: CommandContext): Promise<void> {
  await ctx.session.reloadProfiles();
  const { profiles } = await ctx.session.listProfiles();
  const add = { label: `$(add) ${vscode.l10n.t('Add AccessKey…')}`, profile: undefined as Profile | undefined };
  const items = [
    ...profiles.map((profile) => ({
      label: `${profile.id === ctx.session.activeProfile?.id ? '$(check) ' : ''}${profile.name}`,
      description: [describeSource(profile), profile.kind, profile.region, profile.accessKeyIdMasked].filter(Boolean).join(' · '),
      detail: profile.usable ? undefined : `$(warning) ${profile.unusableReason ?? vscode.l10n.t('This profile cannot be used.')}`,
      profile,
    })),
    add,
  ];
  const picked = await ctx.ui.showQuickPick(items, { title: vscode.l10n.t('Select the Alibaba Cloud profile'), matchOnDescription: true });
  if (!picked) throw new UserCancelledError();
  if (!picked.profile) {
    await vscode.commands.executeCommand(COMMAND.addAccessKey);
    return;
  }
  if (!picked.profile.usable) {
    void vscode.window.showWarningMessage(picked.profile.unusableReason ?? vscode.l10n.t('This profile cannot be used.'));
    return;
  }
  await ctx.session.selectProfile(picked.profile);
}
