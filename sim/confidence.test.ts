/**
 * Student's t quantiles and the confidence interval of a mean, against
 * values from printed tables.
 */
import { describe, expect, it } from 'vitest';
import { meanConfidence, tCdf, tQuantile } from './confidence.js';

describe('tQuantile', () => {
  it('matches the tabled two-sided 95 % points', () => {
    const points = [1, 2, 5, 9, 29, 120].map((df) => tQuantile(0.975, df));

    expect(points.map((t) => Number(t.toFixed(3)))).toEqual([12.706, 4.303, 2.571, 2.262, 2.045, 1.98]);
  });

  it('is symmetric and inverts the distribution function', () => {
    const t = tQuantile(0.995, 11);

    expect(tQuantile(0.005, 11)).toBeCloseTo(-t, 10);
    expect(tCdf(t, 11)).toBeCloseTo(0.995, 12);
  });

  it('refuses a probability outside (0, 1)', () => {
    expect(() => tQuantile(1, 5)).toThrow(/strictly between 0 and 1/);
  });
});

describe('meanConfidence', () => {
  it('gives mean ± t·s/√n', () => {
    const values = [10, 12, 9, 11, 13];

    const estimate = meanConfidence(values, 0.95);

    // s = √2.5 and t(0.975, 4) = 2.776.
    expect(estimate.mean).toBe(11);
    expect(estimate.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(estimate.halfWidth).toBeCloseTo(2.776 * Math.sqrt(2.5 / 5), 3);
    expect(estimate.low).toBeCloseTo(11 - estimate.halfWidth, 12);
  });

  it('claims nothing from a single value', () => {
    const estimate = meanConfidence([4]);

    expect(estimate.halfWidth).toBe(Infinity);
  });
});
