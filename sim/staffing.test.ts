import { describe, expect, it } from 'vitest';
import { erlangA, erlangCMetrics } from './erlang.js';
import { minAgentsForServiceLevel, squareRootStaffing } from './staffing.js';

const perSecond = (callsPerHalfHour: number) => callsPerHalfHour / 1_800;

describe('squareRootStaffing', () => {
  it('adds beta times the square root of the load', () => {
    expect(squareRootStaffing(100, 1)).toBe(110);
    // 9,500 + 0.5 × 97.47 = 9,548.7, rounded up
    expect(squareRootStaffing(9_500, 0.5)).toBe(9_549);
  });

  it('rounds a fractional head count up', () => {
    expect(squareRootStaffing(10, 1)).toBe(14);
  });

  it('never staffs below zero', () => {
    expect(squareRootStaffing(1, -5)).toBe(0);
  });
});

describe('minAgentsForServiceLevel', () => {
  it('staffs 100 calls per half hour for 80% in 20 s with Erlang C', () => {
    const agents = minAgentsForServiceLevel(perSecond(100), 180, 0.8, 20);

    // 14 agents answer 0.88835 within 20 s; 13 only 0.7956.
    expect(agents).toBe(14);
    expect(serviceLevelC(14)).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevelC(13)).toBeLessThan(0.8);
  });

  it('staffs the same calls for 75% in 20 s with one agent fewer', () => {
    expect(minAgentsForServiceLevel(perSecond(100), 180, 0.75, 20)).toBe(13);
  });

  it('needs fewer agents when customers abandon after two minutes', () => {
    const patient = minAgentsForServiceLevel(perSecond(100), 180, 0.85, 20);

    const impatient = minAgentsForServiceLevel(
      perSecond(100),
      180,
      0.85,
      20,
      120,
    );

    // Erlang A: 13 agents answer 0.8886 within 20 s, 12 only 0.8256.
    expect(patient).toBe(14);
    expect(impatient).toBe(13);
    expect(serviceLevelA(13)).toBeGreaterThanOrEqual(0.85);
    expect(serviceLevelA(12)).toBeLessThan(0.85);
  });

  it('finds the boundary exactly for a large center', () => {
    const rate = 9_500 / 180;

    const agents = minAgentsForServiceLevel(rate, 180, 0.9, 15);
    const meets = (n: number) => {
      const load = { arrivalRatePerSec: rate, ahtSec: 180, agents: n };
      return erlangCMetrics(load).serviceLevel(15) >= 0.9;
    };

    expect(agents).toBeGreaterThan(9_500);
    expect(meets(agents)).toBe(true);
    expect(meets(agents - 1)).toBe(false);
  });

  it('rejects a target outside (0, 1)', () => {
    expect(() => minAgentsForServiceLevel(1, 180, 1, 20)).toThrow(RangeError);
    expect(() => minAgentsForServiceLevel(1, 180, 0, 20)).toThrow(RangeError);
  });
});

function serviceLevelC(agents: number): number {
  const load = { arrivalRatePerSec: perSecond(100), ahtSec: 180, agents };
  return erlangCMetrics(load).serviceLevel(20);
}

function serviceLevelA(agents: number): number {
  const load = { arrivalRatePerSec: perSecond(100), ahtSec: 180, agents };
  return erlangA({ ...load, patienceMeanSec: 120 }).serviceLevel(20);
}
