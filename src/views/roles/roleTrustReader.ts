import type { CloudServices, RamRole } from '../../cloud/types';
import { parsePolicyDocument } from '../../policy/policyDocument';
import { canServiceAssume, type AssumeCheck } from '../../policy/trustPolicy';
import { mapLimit } from '../../util/mapLimit';

/** About what a side bar shows at once: these rows appear with their verdicts, the rest update later. */
export const ROWS_ON_SCREEN = 25;
const BACKGROUND_CONCURRENCY = 4;
const REPAINT_MS = 250;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A listed role; ListRoles carries no trust policy, so its verdict arrives with a GetRole. */
export interface LoadedRole {
  role: RamRole;
  trust?: AssumeCheck;
  /** True until its trust policy has been read (or could not be). */
  checking: boolean;
}

/**
 * Reads the trust policies of listed roles with one GetRole each: the first screen's before the view
 * shows them (so the first paint has verdicts), the rest of the loaded pages in the background, in
 * list order, through the RAM read gate (src/cloud/requestGate.ts), repainting now and then.
 */
export class RoleTrustReader {
  private handedOver = 0;
  private background: Promise<void> = Promise.resolve();
  private firstScreen: Promise<void> = Promise.resolve();
  private stopped = false;
  private repaint: ReturnType<typeof setTimeout> | undefined;
  /** Entries whose verdict arrived since the last repaint. */
  private settled: LoadedRole[] = [];

  constructor(
    private readonly services: CloudServices,
    /** The rows whose verdicts arrived: only they are repainted (a whole-tree repaint loses clicks and menus). */
    private readonly onChange: (settled: readonly LoadedRole[]) => void,
  ) {}

  /** Resolves when the first screen's verdicts are known; the other new entries load in the background. */
  async read(entries: readonly LoadedRole[]): Promise<void> {
    const fresh = entries.slice(this.handedOver);
    const first = this.handedOver === 0 ? fresh.slice(0, ROWS_ON_SCREEN) : [];
    if (first.length > 0) this.firstScreen = mapLimit(first, ROWS_ON_SCREEN, (entry) => this.readOne(entry)).then(() => undefined);
    this.handedOver = entries.length;
    const rest = fresh.slice(first.length);
    if (rest.length > 0) {
      // After the first screen has painted (its GetRoles go first through the gate, and the first
      // screen's call count is exactly 1 + its rows), then in list order.
      this.background = Promise.all([this.background, this.firstScreen]).then(() => delay(REPAINT_MS)).then(() =>
        mapLimit(rest, BACKGROUND_CONCURRENCY, async (entry) => {
          await this.readOne(entry);
          this.settled.push(entry);
          this.repaintSoon();
        }).then(() => undefined),
      );
    }
    await this.firstScreen;
  }

  /** The view was refreshed or the profile changed: read nothing more for this list. */
  stop(): void {
    this.stopped = true;
    if (this.repaint) clearTimeout(this.repaint);
  }

  private async readOne(entry: LoadedRole): Promise<void> {
    if (this.stopped || !entry.checking) return;
    try {
      const full = entry.role.assumeRolePolicyDocument ? entry.role : await this.services.ram.getRole(entry.role.roleName);
      const document = full.assumeRolePolicyDocument;
      entry.role = full;
      entry.trust = document ? canServiceAssume(parsePolicyDocument(document)) : undefined;
    } catch {
      // The role still shows; its tooltip just lacks the trust verdict.
    }
    entry.checking = false;
  }

  private repaintSoon(): void {
    if (this.repaint || this.stopped) return;
    this.repaint = setTimeout(() => {
      this.repaint = undefined;
      const settled = this.settled;
      this.settled = [];
      if (!this.stopped && settled.length > 0) this.onChange(settled);
    }, REPAINT_MS);
  }
}
