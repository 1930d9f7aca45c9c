import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

function draws(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.next());
}

describe('Random', () => {
  it('gives the same sequence for the same seed', () => {
    const first = new Random(20_250_106);
    const second = new Random(20_250_106);

    const a = draws(first, 1_000);
    const b = draws(second, 1_000);

    expect(a).toEqual(b);
  });

  it('gives different sequences for different seeds', () => {
    const a = draws(new Random(1), 10);
    const b = draws(new Random(2), 10);

    expect(a).not.toEqual(b);
  });

  it('keeps the seed so a run can print it', () => {
    const random = new Random(4_294_967_295);

    expect(random.seed).toBe(4_294_967_295);
  });

  it('draws uniformly in [0, 1)', () => {
    const random = new Random(7);

    const values = draws(random, 100_000);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const belowTenth = values.filter((v) => v < 0.1).length / values.length;

    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(belowTenth).toBeCloseTo(0.1, 2);
  });

  it('draws integers between both bounds, inclusive', () => {
    const random = new Random(11);
    const counts = new Map<number, number>();

    for (let i = 0; i < 60_000; i++) {
      const face = random.int(1, 6);
      counts.set(face, (counts.get(face) ?? 0) + 1);
    }

    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const count of counts.values()) {
      expect(count / 60_000).toBeCloseTo(1 / 6, 2);
    }
  });

  it('rejects seeds that the generator would silently truncate', () => {
    expect(() => new Random(-1)).toThrow(RangeError);
    expect(() => new Random(2 ** 32)).toThrow(RangeError);
    expect(() => new Random(1.5)).toThrow(RangeError);
  });

  it('rejects an integer range whose bounds are reversed', () => {
    const random = new Random(3);

    expect(() => random.int(5, 4)).toThrow(RangeError);
  });
});
