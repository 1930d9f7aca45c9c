import { describe, expect, it } from 'vitest';
import {
  Distribution,
  constant,
  empirical,
  exponential,
  lognormal,
  meanOf,
  sample,
} from './distributions.js';
import { Random } from './random.js';

function moments(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance =
    values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

function drawMany(count: number, draw: () => number): number[] {
  return Array.from({ length: count }, draw);
}

describe('distributions', () => {
  it('draws exponential values with the requested mean and spread', () => {
    const rng = new Random(1);

    const { mean, sd } = moments(drawMany(200_000, () => exponential(rng, 180)));

    expect(mean / 180).toBeCloseTo(1, 2);
    expect(sd / 180).toBeCloseTo(1, 1);
  });

  it('draws lognormal values whose own mean and sd match the parameters', () => {
    const rng = new Random(2);

    const values = drawMany(400_000, () => lognormal(rng, 300, 150));
    const { mean, sd } = moments(values);

    expect(mean / 300).toBeCloseTo(1, 2);
    expect(sd / 150).toBeCloseTo(1, 1);
    expect(values.every((v) => v > 0)).toBe(true);
  });

  it('gives the mean itself for a lognormal without spread', () => {
    const rng = new Random(3);

    expect(lognormal(rng, 240, 0)).toBeCloseTo(240, 10);
  });

  it('picks each empirical value about equally often', () => {
    const rng = new Random(4);
    const values = [30, 60, 90, 120];

    const picks = drawMany(40_000, () => empirical(rng, values));

    for (const value of values) {
      const share = picks.filter((p) => p === value).length / picks.length;
      expect(share).toBeCloseTo(0.25, 2);
    }
  });

  it('returns the constant without drawing', () => {
    expect(constant(45)).toBe(45);
    expect(sample({ kind: 'constant', value: 45 }, new Random(5))).toBe(45);
  });

  it('treats no patience as waiting forever', () => {
    const dist = Distribution.parse({ kind: 'none' });

    expect(sample(dist, new Random(6))).toBe(Infinity);
    expect(meanOf(dist)).toBe(Infinity);
  });

  it('repeats the same draws for the same seed', () => {
    const dist = Distribution.parse({ kind: 'lognormal', mean: 200, sd: 80 });
    const first = new Random(99);
    const second = new Random(99);

    const a = drawMany(100, () => sample(dist, first));
    const b = drawMany(100, () => sample(dist, second));

    expect(a).toEqual(b);
  });

  it('reports the mean of each kind', () => {
    expect(meanOf({ kind: 'exponential', mean: 120 })).toBe(120);
    expect(meanOf({ kind: 'lognormal', mean: 300, sd: 90 })).toBe(300);
    expect(meanOf({ kind: 'empirical', values: [10, 20, 60] })).toBe(30);
    expect(meanOf({ kind: 'constant', value: 7 })).toBe(7);
  });

  it('rejects descriptions that cannot be sampled', () => {
    const bad = [
      { kind: 'exponential', mean: 0 },
      { kind: 'lognormal', mean: 100, sd: -1 },
      { kind: 'empirical', values: [] },
      { kind: 'constant', value: -5 },
      { kind: 'uniform', low: 0, high: 1 },
      { kind: 'exponential', mean: Infinity },
    ];

    const results = bad.map((input) => Distribution.safeParse(input).success);

    expect(results).toEqual([false, false, false, false, false, false]);
  });
});
