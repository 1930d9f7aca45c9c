/**
 * The simulator's one source of randomness: a seeded xoroshiro128+
 * stream. Same seed, same sequence, on every machine; the seed is kept
 * so a run can print it beside its results.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** The least a sampler needs: uniform draws in [0, 1). */
export interface RandomSource {
  next(): number;
}

export class Random implements RandomSource {
  readonly seed: number;
  private readonly generator: RandomGenerator;

  /** @param seed an integer in [0, 2^32) */
  constructor(seed: number) {
    // The generator keeps 32 bits of seed; refusing more means two
    // different printed seeds can never give the same run.
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
      throw new RangeError(
        `Seed ${seed} is not an integer in [0, 4294967295].`,
      );
    }

    this.seed = seed;
    this.generator = xoroshiro128plus(seed);
  }

  /** A uniform draw in [0, 1) with 53 random bits. */
  next(): number {
    return uniformFloat64(this.generator);
  }

  /** A uniform integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
      throw new RangeError(
        `Cannot draw an integer between ${lo} and ${hi}: give safe integers with lo <= hi.`,
      );
    }
    return uniformInt(this.generator, lo, hi);
  }
}
