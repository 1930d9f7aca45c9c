/**
 * Arrivals as a piecewise-constant Poisson process: each interval has its
 * own expected count, and within it the gaps are exponential. Because an
 * exponential gap has no memory, a gap that would cross into the next
 * interval is cut at the boundary and drawn afresh at the new rate, which
 * is exact, not an approximation.
 */
import { exponential } from './distributions.js';
import type { RandomSource } from './random.js';

export class PiecewisePoisson {
  /**
   * @param perInterval expected arrivals in each interval, in order
   * @param intervalMs length of one interval
   * @param startMs when the first interval starts
   */
  constructor(
    private readonly perInterval: readonly number[],
    private readonly intervalMs: number,
    private readonly startMs: number,
  ) {
    perInterval.forEach((n, i) => {
      if (!(n >= 0 && Number.isFinite(n))) {
        throw new RangeError(`Expected arrivals in interval ${i} must be a finite number >= 0, not ${n}.`);
      }
    });
    if (!(intervalMs > 0)) {
      throw new RangeError(`The interval must be longer than 0 ms, not ${intervalMs}.`);
    }
  }

  /** When the horizon ends: the last interval's end. */
  get endMs(): number {
    return this.startMs + this.perInterval.length * this.intervalMs;
  }

  /** The first arrival after `afterMs`, or null past the horizon. */
  next(rng: RandomSource, afterMs: number): number | null {
    let at = Math.max(afterMs, this.startMs);
    for (;;) {
      const index = Math.floor((at - this.startMs) / this.intervalMs);
      const expected = this.perInterval[index];
      if (expected === undefined) return null;

      const boundary = this.startMs + (index + 1) * this.intervalMs;
      if (expected > 0) {
        const gap = exponential(rng, this.intervalMs / expected);
        if (at + gap < boundary) return at + gap;
      }
      at = boundary;
    }
  }
}
