import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangC, erlangCMetrics } from './erlang.js';

/** 100 calls per half hour, three-minute calls: 10 Erlangs. */
const HUNDRED_PER_HALF_HOUR = { arrivalRatePerSec: 100 / 1_800, ahtSec: 180 };

/** Simpson's rule on [0, end] with an even number of steps. */
function integrate(f: (t: number) => number, end: number, steps: number) {
  const h = end / steps;
  let sum = f(0) + f(end);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return (sum * h) / 3;
}

describe('erlangB', () => {
  it('blocks 21.46% of calls when 10 Erlangs meet 10 servers', () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
  });

  it('blocks everything with no servers and A/(1+A) with one', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(1, 3)).toBeCloseTo(3 / 4, 12);
  });

  it('stays finite and fast at 10,000 servers and 9,500 Erlangs', () => {
    const started = performance.now();

    const blocking = erlangB(10_000, 9_500);
    const elapsed = performance.now() - started;

    expect(Number.isFinite(blocking)).toBe(true);
    expect(blocking).toBeGreaterThanOrEqual(0);
    expect(blocking).toBeLessThanOrEqual(1);
    expect(elapsed).toBeLessThan(100);
  });
});

describe('erlangC', () => {
  it('makes 14.34% wait when 20 Erlangs meet 26 agents', () => {
    expect(erlangC(26, 20)).toBeCloseTo(0.1434, 4);
  });

  it('makes everyone wait when the load reaches the agents', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 12)).toBe(1);
  });

  it('gives the published figures for 100 calls per 30 minutes on 14 agents', () => {
    const metrics = erlangCMetrics({ ...HUNDRED_PER_HALF_HOUR, agents: 14 });

    expect(metrics.trafficErlangs).toBeCloseTo(10, 12);
    expect(metrics.probWait).toBeCloseTo(0.17413, 5);
    expect(metrics.serviceLevel(20)).toBeCloseTo(0.88835, 5);
    expect(metrics.asaSec).toBeCloseTo(7.836, 3);
  });

  it('answers nobody in time and never on average when understaffed', () => {
    const metrics = erlangCMetrics({ ...HUNDRED_PER_HALF_HOUR, agents: 10 });

    expect(metrics.serviceLevel(20)).toBe(0);
    expect(metrics.asaSec).toBe(Infinity);
  });

  it('stays finite at 10,000 agents and 9,500 Erlangs', () => {
    const metrics = erlangCMetrics({
      arrivalRatePerSec: 9_500 / 180,
      ahtSec: 180,
      agents: 10_000,
    });

    expect(metrics.probWait).toBeGreaterThan(0);
    expect(metrics.probWait).toBeLessThan(1);
    expect(metrics.serviceLevel(20)).toBeLessThanOrEqual(1);
  });

  it('rejects a load that is not a positive rate and handle time', () => {
    const bad = { arrivalRatePerSec: -1, ahtSec: 180, agents: 5 };

    expect(() => erlangCMetrics(bad)).toThrow(RangeError);
    expect(() => erlangC(2.5, 1)).toThrow(RangeError);
  });
});

describe('erlangA', () => {
  const thirteenImpatient = {
    ...HUNDRED_PER_HALF_HOUR,
    agents: 13,
    patienceMeanSec: 120,
  };

  it('gives the published figures for 13 agents and two minutes of patience', () => {
    const metrics = erlangA(thirteenImpatient);

    expect(metrics.probWait).toBeCloseTo(0.1937, 4);
    expect(metrics.probAbandon).toBeCloseTo(0.0384, 4);
  });

  it('answers within 20 s what a two-million-call simulation does', () => {
    // Cross-checked against a direct M/M/13+M simulation: 0.8885 ± 0.0003.
    const metrics = erlangA(thirteenImpatient);

    expect(metrics.serviceLevel(20)).toBeCloseTo(0.8886, 3);
  });

  it('agrees with itself at the ends of the service-level curve', () => {
    const metrics = erlangA(thirteenImpatient);

    expect(metrics.serviceLevel(0)).toBeCloseTo(1 - metrics.probWait, 12);
    expect(metrics.serviceLevel(Infinity)).toBeCloseTo(1 - metrics.probAbandon, 12);
    expect(metrics.probWaitExceeds(0)).toBeCloseTo(metrics.probWait, 12);
    expect(metrics.serviceLevel(10)).toBeLessThan(metrics.serviceLevel(20));
  });

  it('integrates the wait tail to the mean wait from Little’s law', () => {
    const metrics = erlangA(thirteenImpatient);

    const meanWait = integrate((t) => metrics.probWaitExceeds(t), 3_600, 3_600);

    expect(meanWait).toBeCloseTo(metrics.meanWaitSec, 6);
    expect(metrics.probAbandon).toBeCloseTo(metrics.meanWaitSec / 120, 12);
  });

  it('integrates the late-answer curve to the ASA of answered customers', () => {
    const metrics = erlangA(thirteenImpatient);
    const answered = 1 - metrics.probAbandon;

    const lateArea = integrate(
      (t) => answered - metrics.serviceLevel(t),
      3_600,
      3_600,
    );

    expect(lateArea / answered).toBeCloseTo(metrics.asaSec, 6);
  });

  it('turns into Erlang C when customers are almost never impatient', () => {
    const load = { ...HUNDRED_PER_HALF_HOUR, agents: 14 };

    const patient = erlangA({ ...load, patienceMeanSec: 1e9 });
    const reference = erlangCMetrics(load);

    expect(patient.probWait).toBeCloseTo(reference.probWait, 6);
    expect(patient.serviceLevel(20)).toBeCloseTo(reference.serviceLevel(20), 6);
    expect(patient.asaSec).toBeCloseTo(reference.asaSec, 4);
  });

  it('stays stable and fast at 10,000 agents and 9,500 Erlangs', () => {
    const started = performance.now();

    const metrics = erlangA({
      arrivalRatePerSec: 9_500 / 180,
      ahtSec: 180,
      agents: 10_000,
      patienceMeanSec: 120,
    });
    const serviceLevel = metrics.serviceLevel(20);
    const elapsed = performance.now() - started;

    expect(metrics.probWait).toBeGreaterThan(0);
    expect(metrics.probWait).toBeLessThan(1);
    expect(serviceLevel).toBeGreaterThan(0.99);
    expect(serviceLevel).toBeLessThanOrEqual(1);
    expect(elapsed).toBeLessThan(200);
  });

  it('loses the excess load to abandonment when overloaded', () => {
    const metrics = erlangA({
      arrivalRatePerSec: 12_000 / 180,
      ahtSec: 180,
      agents: 10_000,
      patienceMeanSec: 600,
    });

    // Agents answer at most n/AHT per second; the rest must hang up.
    expect(metrics.probWait).toBeCloseTo(1, 6);
    expect(metrics.probAbandon).toBeCloseTo(1 - 10_000 / 12_000, 6);
  });

  it('rejects a patience that is not a positive number of seconds', () => {
    const forever = { ...thirteenImpatient, patienceMeanSec: Infinity };

    expect(() => erlangA(forever)).toThrow(RangeError);
  });
});
