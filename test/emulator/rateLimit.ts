// Per-API flow control like the service's: each rule is a token bucket per account and API group
// (e.g. RAM read APIs, 20 calls per second); a call over the limit is answered Throttling.User
// before it is authenticated, as the real gateway does. Buckets start full, so a burst of one
// second's worth passes.
import { ApiError } from './errors';

export interface RateRule {
  /** Product id as the server routes it: ram, ecs, kms, sts. */
  readonly product: string;
  /** Which actions share this bucket, e.g. /^(Get|List)/ for RAM's read APIs. */
  readonly actions: RegExp;
  readonly perSecond: number;
  /** A label for the error message and the README ("RAM read APIs"). */
  readonly name: string;
}

/** RAM's read APIs at 20 calls/s per account: the limit a large account meets first. */
export const SERVICE_RATE_LIMITS: readonly RateRule[] = [
  { product: 'ram', actions: /^(Get|List)/, perSecond: 20, name: 'RAM read APIs' },
  { product: 'ram', actions: /^(?!Get|List)/, perSecond: 10, name: 'RAM write APIs' },
  { product: 'ecs', actions: /^Describe/, perSecond: 100, name: 'ECS Describe APIs' },
  { product: 'kms', actions: /./, perSecond: 1000, name: 'KMS APIs' },
];

interface Bucket { tokens: number; at: number }

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /** Calls answered Throttling.User by a rule, by action. */
  readonly throttled: Record<string, number> = {};

  constructor(public rules: readonly RateRule[], private readonly clock: () => number = () => performance.now()) {}

  /** Throttling.User when the call is over its rule's rate (the caller answers it); otherwise takes one token. */
  check(account: string, product: string, action: string): ApiError | undefined {
    for (const [index, rule] of this.rules.entries()) {
      if (rule.product !== product || !rule.actions.test(action)) continue;
      const key = `${account}/${index}`;
      const now = this.clock();
      const bucket = this.buckets.get(key) ?? { tokens: rule.perSecond, at: now };
      bucket.tokens = Math.min(rule.perSecond, bucket.tokens + ((now - bucket.at) / 1000) * rule.perSecond);
      bucket.at = now;
      this.buckets.set(key, bucket);
      if (bucket.tokens < 1) {
        this.throttled[action] = (this.throttled[action] ?? 0) + 1;
        return new ApiError(400, 'Throttling.User', `Request was denied due to user flow control (${rule.name}: ${rule.perSecond} calls per second).`);
      }
      bucket.tokens -= 1;
    }
    return undefined;
  }
}
