// Client-side flow control in front of RAM's read APIs. RAM answers Throttling.User above about 20
// read calls per second per account; a view that reads hundreds of roles would otherwise burst,
// be throttled and retry with backoff (more calls, and a throttling error once retries run out).
// A token bucket slightly under the service's rate queues the calls instead, in the order asked.

export interface RequestGate {
  /** Resolves when `apiAction` may be sent (at once for actions the gate does not cover). */
  acquire(apiAction: string): Promise<void>;
}

export interface TokenBucketOptions {
  readonly perSecond: number;
  /** Calls that may go at once after a quiet period. */
  readonly burst: number;
  readonly applies: (apiAction: string) => boolean;
  readonly clock?: () => number;
}

/** RAM's read APIs (Get*, List*): 18 a second, 15 at once, under the service's 20 a second. */
export const RAM_READ_GATE: Omit<TokenBucketOptions, 'clock'> = { perSecond: 18, burst: 15, applies: (action) => /^(Get|List)/.test(action) };

export class TokenBucketGate implements RequestGate {
  private tokens: number;
  private at: number;
  private readonly waiting: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly clock: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    this.clock = options.clock ?? (() => performance.now());
    this.tokens = options.burst;
    this.at = this.clock();
  }

  acquire(apiAction: string): Promise<void> {
    if (!this.options.applies(apiAction)) return Promise.resolve();
    this.refill();
    if (this.waiting.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private refill(): void {
    const now = this.clock();
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.at) / 1000) * this.options.perSecond);
    this.at = now;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, ((1 - this.tokens) / this.options.perSecond) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.waiting.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        this.waiting.shift()!();
      }
      if (this.waiting.length > 0) this.schedule();
    }, Math.ceil(wait));
  }
}
