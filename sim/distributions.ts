/**
 * Random durations for the simulator (inter-arrival gaps, handle times,
 * patience), described as data by the `Distribution` schema and drawn
 * from an explicitly passed random source, so a seed fixes every draw.
 * Values are in whatever unit the caller chose; the simulator uses
 * seconds.
 */
import { z } from 'zod';
import type { RandomSource } from './random.js';

const duration = z.number().nonnegative();

export const Distribution = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exponential'), mean: z.number().positive() }),
  z.object({
    kind: z.literal('lognormal'),
    mean: z.number().positive(),
    sd: duration,
  }),
  z.object({ kind: z.literal('empirical'), values: z.array(duration).min(1) }),
  z.object({ kind: z.literal('constant'), value: duration }),
  // A customer who never gives up: infinite patience.
  z.object({ kind: z.literal('none') }),
]);

export type Distribution = z.infer<typeof Distribution>;

/** Exponential with the given mean (not rate). */
export function exponential(rng: RandomSource, mean: number): number {
  // 1 - u lies in (0, 1], so the logarithm is always finite.
  return -mean * Math.log(1 - rng.next());
}

/**
 * Lognormal with the given mean and standard deviation of the value
 * itself (not of its logarithm). Consumes two draws per sample.
 */
export function lognormal(
  rng: RandomSource,
  mean: number,
  sd: number,
): number {
  // For X = exp(N(mu, sigma^2)): E[X] = exp(mu + sigma^2 / 2) and
  // Var[X] / E[X]^2 = exp(sigma^2) - 1; solve both for mu and sigma.
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  const mu = Math.log(mean) - sigma2 / 2;
  return Math.exp(mu + Math.sqrt(sigma2) * standardNormal(rng));
}

/** One of `values`, each equally likely (repeat a value to weight it). */
export function empirical(
  rng: RandomSource,
  values: readonly number[],
): number {
  const value = values[Math.floor(rng.next() * values.length)];
  if (value === undefined) {
    throw new RangeError('Cannot sample from an empty list of values.');
  }
  return value;
}

/** Always `value`; here so every kind of distribution has a sampler. */
export function constant(value: number): number {
  return value;
}

/** Draws one value; `none` gives Infinity. Constant draws nothing. */
export function sample(dist: Distribution, rng: RandomSource): number {
  switch (dist.kind) {
    case 'exponential':
      return exponential(rng, dist.mean);
    case 'lognormal':
      return lognormal(rng, dist.mean, dist.sd);
    case 'empirical':
      return empirical(rng, dist.values);
    case 'constant':
      return constant(dist.value);
    case 'none':
      return Infinity;
  }
}

/** Mean of the distribution, Infinity for `none`. */
export function meanOf(dist: Distribution): number {
  switch (dist.kind) {
    case 'exponential':
    case 'lognormal':
      return dist.mean;
    case 'empirical':
      return dist.values.reduce((sum, v) => sum + v, 0) / dist.values.length;
    case 'constant':
      return dist.value;
    case 'none':
      return Infinity;
  }
}

/** Box–Muller, keeping one of the pair so no state hides between calls. */
function standardNormal(rng: RandomSource): number {
  const u1 = 1 - rng.next(); // in (0, 1]: log stays finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
