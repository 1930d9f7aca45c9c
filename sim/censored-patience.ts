/**
 * Patience of callers who were answered: the records say only that it was
 * longer than their wait. Treating it as infinite lets every such caller
 * wait out any delay a replay puts on them, which biases abandonment down.
 * Instead, estimate the patience distribution from the day itself by
 * Kaplan–Meier (hang-ups are observed patience, answers are censored at
 * their wait) and draw each answered caller's patience from it,
 * conditioned on exceeding the wait that caller actually had.
 */
import type { RandomSource } from './random.js';

/** One caller: how long it waited and whether it hung up then. */
export interface PatienceObservation {
  waitSec: number;
  abandoned: boolean;
}

/** The Kaplan–Meier survival curve of patience: P(patience > t). */
export class PatienceCurve {
  /** Event times ascending, with the survival just after each. */
  private readonly times: number[] = [];
  private readonly survival: number[] = [];

  constructor(observations: readonly PatienceObservation[]) {
    const sorted = [...observations].sort((a, b) => a.waitSec - b.waitSec);
    let atRisk = sorted.length;
    let s = 1;
    let i = 0;
    while (i < sorted.length) {
      const t = sorted[i]!.waitSec;
      let events = 0;
      let leaving = 0;
      for (; i < sorted.length && sorted[i]!.waitSec === t; i++) {
        leaving += 1;
        if (sorted[i]!.abandoned) events += 1;
      }
      if (events > 0 && atRisk > 0) {
        s *= 1 - events / atRisk;
        this.times.push(t);
        this.survival.push(s);
      }
      atRisk -= leaving;
    }
  }

  /** P(patience > t); flat past the last observed hang-up. */
  survivalAt(t: number): number {
    let s = 1;
    for (let k = 0; k < this.times.length && this.times[k]! <= t; k++) s = this.survival[k]!;
    return s;
  }

  /**
   * A patience above `waitSec`, drawn from the curve conditioned on
   * exceeding it. Where the curve stays above the drawn level (its tail
   * is unknown past the last hang-up) the caller never gives up: Infinity.
   */
  drawAbove(rng: RandomSource, waitSec: number): number {
    const level = this.survivalAt(waitSec) * (1 - rng.next());
    for (let k = 0; k < this.times.length; k++) {
      if (this.times[k]! > waitSec && this.survival[k]! <= level) return this.times[k]!;
    }
    return Infinity;
  }
}
