/**
 * Route middleware that limits how often one client (by address) may call
 * a route: a token bucket per address, in memory. Over the limit the call
 * is refused with 429 and `Retry-After` before its input is even read.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';
import { TokenBucket } from './token-bucket.js';

export interface RateLimitOptions {
  /** Calls per minute, sustained. */
  perMinute: number;
  /** Calls at once before the rate applies. */
  burst: number;
  now: () => number;
  /** Who is counted: the client's address. */
  keyOf: (c: Context<AppEnv>) => string;
  /** What the refusal says is limited, e.g. "new contacts". */
  what: string;
  /** Addresses remembered at most; default 10,000. */
  maxKeys?: number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, TokenBucket>();
  const maxKeys = options.maxKeys ?? 10_000;
  const perMs = options.perMinute / 60_000;

  return async function limitRate(c, next) {
    const now = options.now();
    const key = options.keyOf(c);

    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(options.burst, perMs, now);
      buckets.set(key, bucket);
    }
    const wait = bucket.take(now);
    // After the take, so the new bucket is not full and stays.
    if (buckets.size > maxKeys) forget(buckets, maxKeys, now);
    if (wait > 0) {
      throw HttpProblem.tooMany(
        'rate_limited',
        `too many ${options.what} from this address; try again later`,
        wait,
      );
    }

    await next();
  };
}

/**
 * Drops buckets that are full again (nothing to remember), then, if a
 * flood of addresses still overfills the map, the oldest ones: bounded
 * memory matters more than a few addresses getting a fresh burst.
 */
function forget(buckets: Map<string, TokenBucket>, maxKeys: number, now: number): void {
  for (const [key, bucket] of buckets) if (bucket.isFull(now)) buckets.delete(key);
  for (const key of buckets.keys()) {
    if (buckets.size <= maxKeys) break;
    buckets.delete(key);
  }
}
