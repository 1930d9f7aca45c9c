/** The piecewise-constant Poisson arrival stream. */
import { describe, expect, it } from 'vitest';
import { Random } from './random.js';
import { PiecewisePoisson } from './traffic.js';

const halfHour = 30 * 60_000;

function arrivals(stream: PiecewisePoisson, seed: number): number[] {
  const rng = new Random(seed);
  const times: number[] = [];
  for (let at = stream.next(rng, -Infinity); at !== null; at = stream.next(rng, at)) times.push(at);
  return times;
}

describe('PiecewisePoisson', () => {
  it('brings about the expected number of arrivals in each interval', () => {
    const stream = new PiecewisePoisson([100, 400], halfHour, 0);

    const times = arrivals(stream, 3);

    const first = times.filter((t) => t < halfHour).length;
    const second = times.length - first;
    // Poisson: sd 10 and 20; four sd either way.
    expect(Math.abs(first - 100)).toBeLessThan(40);
    expect(Math.abs(second - 400)).toBeLessThan(80);
    expect(Math.max(...times)).toBeLessThan(2 * halfHour);
  });

  it('brings nobody in an interval whose rate is zero', () => {
    const stream = new PiecewisePoisson([50, 0, 50], halfHour, 1_000);

    const times = arrivals(stream, 9);

    expect(times.some((t) => t >= 1_000 + halfHour && t < 1_000 + 2 * halfHour)).toBe(false);
    expect(times.every((t) => t >= 1_000)).toBe(true);
  });

  it('gives the same times for the same seed', () => {
    const stream = new PiecewisePoisson([30], halfHour, 0);

    expect(arrivals(stream, 5)).toEqual(arrivals(stream, 5));
    expect(arrivals(stream, 5)).not.toEqual(arrivals(stream, 6));
  });
});
