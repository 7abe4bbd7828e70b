import * as vscode from 'vscode';
import type { CloudServices, CloudServicesFactory, Profile, ProfileList } from '../cloud/types';

const ACTIVE_PROFILE_KEY = 'alicloudKms.activeProfileId';

/**
 * The active management profile and the services built from it. Views and commands read
 * `services` and listen to `onDidChange`; nothing else holds services (no mutable global).
 */
export class CloudSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: { profile: Profile; services: CloudServices } | undefined;
  private profileList: ProfileList | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    readonly factory: CloudServicesFactory,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The services of the active profile, or undefined when no usable profile exists. */
  async getServices(): Promise<CloudServices | undefined> {
    await this.ensureLoaded();
    return this.current?.services;
  }

  get activeProfile(): Profile | undefined {
    return this.current?.profile;
  }

  async listProfiles(): Promise<ProfileList> {
    await this.ensureLoaded();
    return this.profileList ?? { profiles: [], warnings: [] };
  }

  /** Re-reads every profile source (a credentials file changed, an AccessKey was added). */
  async reloadProfiles(): Promise<void> {
    this.loading = this.load();
    await this.loading;
    this.changed.fire();
  }

  async selectProfile(profile: Profile, regionId?: string): Promise<void> {
    await this.state.update(ACTIVE_PROFILE_KEY, profile.id);
    this.current = { profile, services: this.factory.createServices(profile, regionId) };
    this.log.info(`Active profile: ${profile.name} (${profile.source}, ${profile.kind}), region ${this.current.services.regionId}`);
    this.changed.fire();
  }

  /** Rebuild the services (settings such as endpoints changed) and tell every view. */
  rebuild(): void {
    if (this.current) this.current = { profile: this.current.profile, services: this.factory.createServices(this.current.profile) };
    this.changed.fire();
  }

  private ensureLoaded(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const list = await this.factory.listProfiles();
    this.profileList = list;
    for (const warning of list.warnings) this.log.warn(warning);
    const usable = list.profiles.filter((p) => p.usable);
    const rememberedId = this.state.get<string>(ACTIVE_PROFILE_KEY);
    const chosen =
      usable.find((p) => p.id === rememberedId) ??
      usable.find((p) => p.id === list.preferredId) ??
      usable.find((p) => p.source !== 'ecsInstance') ??
      usable[0];
    this.current = chosen ? { profile: chosen, services: this.factory.createServices(chosen) } : undefined;
    await vscode.commands.executeCommand('setContext', 'alicloudKms.hasProfile', Boolean(chosen));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
