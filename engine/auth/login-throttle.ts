/**
 * Slows password guessing. After a run of failed sign-ins for one username,
 * or from one address whatever the usernames, further tries wait, and the
 * wait doubles with each failure past the limit. Tries still being checked
 * count against the limit, so a burst of parallel requests cannot slip past
 * it while the password hashes run. Time comes from the injected clock;
 * memory is bounded.
 */

export interface LoginThrottleOptions {
  now: () => number;
  /** Failures for one username before it must wait; default 5. */
  maxFailuresPerUser?: number;
  /** Failures from one address, any usernames, before it must wait; default 20. */
  maxFailuresPerAddress?: number;
  /** The first wait; each further failure doubles it; default 30 s. */
  baseLockMs?: number;
  /** The longest wait; default 15 min. */
  maxLockMs?: number;
  /** Failures are forgotten this long after the last one or the end of its wait; default 15 min. */
  forgetAfterMs?: number;
  /** Usernames (and, apart, addresses) tracked at most; the stalest go first; default 10,000. */
  maxTracked?: number;
}

export type LoginAttempt =
  /** Go ahead; report how it went, exactly once. */
  | { kind: 'allowed'; finish(succeeded: boolean): void }
  | { kind: 'throttled'; retryAfterMs: number };

interface Tally {
  failures: number;
  /** Tries allowed and not yet finished. */
  pending: number;
  lockedUntil: number;
  lastAt: number;
}

/** How long a refused try waits when only tries in flight hold it back. */
const inFlightWaitMs = 1_000;

export class LoginThrottle {
  private readonly users: Tallies;
  private readonly addresses: Tallies;
  private readonly now: () => number;

  constructor(options: LoginThrottleOptions) {
    this.now = options.now;
    const shared = {
      baseLockMs: options.baseLockMs ?? 30_000,
      maxLockMs: options.maxLockMs ?? 15 * 60_000,
      forgetAfterMs: options.forgetAfterMs ?? 15 * 60_000,
      maxTracked: options.maxTracked ?? 10_000,
    };
    this.users = new Tallies({ ...shared, limit: options.maxFailuresPerUser ?? 5 });
    this.addresses = new Tallies({ ...shared, limit: options.maxFailuresPerAddress ?? 20 });
  }

  /** Asks to check a password for `username` from `address`. */
  attempt(username: string, address: string): LoginAttempt {
    const now = this.now();
    // Usernames are matched without regard to case, as the store does.
    const user = username.toLowerCase();
    const wait = Math.max(this.users.wait(user, now), this.addresses.wait(address, now));
    if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };

    this.users.begin(user, now);
    this.addresses.begin(address, now);
    let finished = false;
    return {
      kind: 'allowed',
      finish: (succeeded) => {
        if (finished) return;
        finished = true;
        const at = this.now();
        this.users.end(user, at, succeeded ? 'forget' : 'failed');
        // A success does not clear the address: one known password must not
        // buy an address fresh guesses at other accounts.
        this.addresses.end(address, at, succeeded ? 'succeeded' : 'failed');
      },
    };
  }
}

interface TallyRules {
  limit: number;
  baseLockMs: number;
  maxLockMs: number;
  forgetAfterMs: number;
  maxTracked: number;
}

/** Failure counts by key, oldest touched first (a Map keeps insertion order). */
class Tallies {
  private readonly byKey = new Map<string, Tally>();

  constructor(private readonly rules: TallyRules) {}

  /** Milliseconds `key` must wait before a try; 0 when it may try now. */
  wait(key: string, now: number): number {
    const t = this.current(key, now);
    if (!t) return 0;
    if (t.lockedUntil > now) return t.lockedUntil - now;
    // Under the limit, tries may run side by side; past it, one at a time.
    const free =
      t.failures >= this.rules.limit ? t.pending === 0 : t.failures + t.pending < this.rules.limit;
    return free ? 0 : inFlightWaitMs;
  }

  begin(key: string, now: number): void {
    const t = this.current(key, now) ?? { failures: 0, pending: 0, lockedUntil: 0, lastAt: now };
    t.pending += 1;
    this.touch(key, t);
  }

  end(key: string, now: number, outcome: 'failed' | 'succeeded' | 'forget'): void {
    const t = this.byKey.get(key);
    if (!t) return;
    t.pending = Math.max(0, t.pending - 1);
    if (outcome === 'forget') {
      if (t.pending === 0) this.byKey.delete(key);
      else t.failures = 0;
      return;
    }
    if (outcome === 'failed') {
      t.failures += 1;
      t.lastAt = now;
      const past = t.failures - this.rules.limit;
      if (past >= 0) {
        t.lockedUntil = now + Math.min(this.rules.maxLockMs, this.rules.baseLockMs * 2 ** past);
      }
    }
    this.touch(key, t);
  }

  /** The tally of `key`, unless it is old enough to forget. */
  private current(key: string, now: number): Tally | undefined {
    const t = this.byKey.get(key);
    if (!t) return undefined;
    const quietSince = Math.max(t.lastAt, t.lockedUntil);
    if (t.pending === 0 && now - quietSince > this.rules.forgetAfterMs) {
      this.byKey.delete(key);
      return undefined;
    }
    return t;
  }

  private touch(key: string, t: Tally): void {
    this.byKey.delete(key);
    this.byKey.set(key, t);
    if (this.byKey.size <= this.rules.maxTracked) return;
    for (const [stale, tally] of this.byKey) {
      if (this.byKey.size <= this.rules.maxTracked) break;
      if (tally.pending === 0) this.byKey.delete(stale);
    }
  }
}
