import * as vscode from 'vscode';
import type { InstanceMetadata } from '../../cloud/types';
import { NEAR_EXPIRY_MS, readInstanceSnapshot, type InstanceSnapshot } from '../../diagnosis/instanceSnapshot';
import { english } from '../../util/message';

/**
 * What this machine's metadata service says, kept up to date for the Instance Credential view, the
 * status bar and the commands. The first read runs in the background at activation (never delaying
 * it); "Refresh" reads again, bypassing the cache. Sets the context key `alicloudKms.onEcs`.
 */
export class InstanceCredentialModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InstanceSnapshot>();
  readonly onDidChange = this.changed.event;
  private snapshot: InstanceSnapshot | undefined;
  private pending: Promise<InstanceSnapshot> | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    /** The factory's getter: a new client (and cache) when the metadata settings change. */
    private readonly metadata: () => InstanceMetadata,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('alicloudKms.metadataEndpoint') || e.affectsConfiguration('alicloudKms.imdsv1Disabled')) void this.refresh();
      }),
    );
    // Once a minute: a credential inside the refresh window is re-read through the shared cache
    // (which fetches at most once per minute, never once per call), and a problem on the instance
    // (service gone, malformed answer, no role yet) is looked at again, so the view recovers by itself.
    this.timer = setInterval(() => {
      const s = this.snapshot;
      if (!s || this.pending) return;
      const nearExpiry = s.credential !== undefined && s.credential.expirationMs - Date.now() < NEAR_EXPIRY_MS;
      if (nearExpiry || (s.onEcs && s.problem)) void this.refresh();
    }, 60_000);
  }

  /** The last reading, undefined until the first one finishes. */
  get current(): InstanceSnapshot | undefined {
    return this.snapshot;
  }

  /** The reading in progress, else the last one, else a new one. */
  ready(): Promise<InstanceSnapshot> {
    return this.pending ?? (this.snapshot ? Promise.resolve(this.snapshot) : this.refresh());
  }

  /** Reads again; `force` also forgets the cached token and credential (the Refresh command). */
  refresh(options: { force?: boolean } = {}): Promise<InstanceSnapshot> {
    const mine = ++this.generation;
    const metadata = this.metadata();
    if (options.force) metadata.reset();
    const reading = readInstanceSnapshot(metadata, { previous: this.snapshot }).then(async (snapshot) => {
      if (mine === this.generation) {
        this.snapshot = snapshot;
        this.pending = undefined;
        this.logSnapshot(snapshot);
        await vscode.commands.executeCommand('setContext', 'alicloudKms.onEcs', snapshot.onEcs);
        this.changed.fire(snapshot);
      }
      return snapshot;
    });
    this.pending = reading;
    return reading;
  }

  private logSnapshot(s: InstanceSnapshot): void {
    const took = `${Math.round(s.probe.elapsedMs)} ms`;
    if (!s.onEcs) {
      this.log.info(`Instance credential: not on ECS (metadata ${s.endpoint}: ${s.probe.reason ?? 'no answer'}, ${took})`);
      return;
    }
    const where = s.identity ? `instance ${s.identity.instanceId} in ${s.identity.regionId}` : 'instance ?';
    if (s.problem) {
      this.log.warn(`Instance credential: ${where}: ${s.problem.kind}: ${english(s.problem.message)}${s.problem.detail ? ` [${s.problem.detail}]` : ''}`);
      return;
    }
    const c = s.credential!;
    this.log.info(`Instance credential: ${where}, role ${c.roleName}, AccessKeyId ${c.accessKeyIdMasked}, expires ${c.expiration}, via ${c.mode}`);
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
