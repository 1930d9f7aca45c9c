/**
 * Confidence intervals for the mean of independent replications, by
 * Student's t distribution: replications are few (5 to 30), so the normal
 * approximation would claim more certainty than the runs give.
 */

/** A mean and the interval that holds the true mean with `level`. */
export interface MeanEstimate {
  mean: number;
  /** Half the interval's width; Infinity with fewer than two values. */
  halfWidth: number;
  low: number;
  high: number;
  /** Sample standard deviation; 0 with fewer than two values. */
  sd: number;
  count: number;
  level: number;
}

/** The mean of `values` with its two-sided t confidence interval. */
export function meanConfidence(
  values: readonly number[],
  level = 0.95,
): MeanEstimate {
  if (values.length === 0) {
    throw new RangeError('Cannot estimate the mean of no values.');
  }
  checkLevel(level);

  const count = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / count;
  if (count < 2) {
    return { mean, halfWidth: Infinity, low: -Infinity, high: Infinity, sd: 0, count, level };
  }

  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  const sd = Math.sqrt(squares / (count - 1));
  const halfWidth = tQuantile(0.5 + level / 2, count - 1) * (sd / Math.sqrt(count));
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, sd, count, level };
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom, found by
 * bisection on the distribution function: 60 halvings reach a double's
 * precision, and the quantile is asked for a handful of times per run.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`A quantile needs p strictly between 0 and 1, not ${p}.`);
  }
  if (!(df > 0)) {
    throw new RangeError(`Degrees of freedom must be positive, not ${df}.`);
  }
  if (p < 0.5) return -tQuantile(1 - p, df);

  let low = 0;
  let high = 1;
  while (tCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (tCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** P(T <= t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  // The tail beyond |t| is half the regularized incomplete beta
  // I_x(df/2, 1/2) at x = df / (df + t²).
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Regularized incomplete beta I_x(a, b), by its continued fraction. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;

  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  // The fraction converges fast only on one side of the mean a/(a+b);
  // on the other, use I_x(a, b) = 1 - I_{1-x}(b, a).
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
  }
  return 1 - (Math.exp(logFront) * betaFraction(1 - x, b, a)) / b;
}

/** The continued fraction of I_x(a, b), evaluated by Lentz's method. */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let result = d;

  for (let m = 1; m <= 300; m++) {
    // Each m contributes an even term and an odd term.
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    for (const term of [even, odd]) {
      d = 1 + term * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + term / c;
      if (Math.abs(c) < tiny) c = tiny;
      result *= c * d;
    }
    if (Math.abs(c * d - 1) < 1e-15) break;
  }
  return result;
}

/** log Γ(z) for z > 0, by the Lanczos approximation (g = 7, 9 terms). */
function logGamma(z: number): number {
  if (z < 0.5) {
    // Reflection keeps the series in the range where it is accurate.
    return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  }
  const w = z - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (w + i);
  const t = w + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(sum);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028,
  771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`A confidence level lies strictly between 0 and 1, not ${level}.`);
  }
}
