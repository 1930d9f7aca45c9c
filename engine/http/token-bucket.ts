/**
 * A token bucket: up to `capacity` actions at once, refilled at a steady
 * rate. Time is passed in on each call, so the caller's clock (wall or
 * virtual) decides.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly capacity: number,
    /** Tokens added per millisecond. */
    private readonly refillPerMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  /** Takes a token: 0 when one was there, else the ms until one will be. */
  take(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / this.refillPerMs);
  }

  /** Full again: nothing to remember about its holder. */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity;
  }

  private refill(now: number): void {
    // A clock that steps back (a virtual one reset) must not mint tokens.
    const elapsed = Math.max(0, now - this.at);
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerMs);
    this.at = Math.max(this.at, now);
  }
}
