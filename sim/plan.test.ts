/**
 * Capacity planning: Erlang's count is confirmed or corrected by
 * simulation, the chosen count meets the target and one fewer does not.
 */
import { describe, expect, it } from 'vitest';
import { planStaffing } from './plan.js';
import { loadScenarioFile, parseScenario } from './scenario.js';

const scenario = parseScenario({
  intervals: 2,
  center: { queues: [{ id: 'q', wrapUpSec: 10 }], groups: [{ id: 'team', count: 20 }] },
  shifts: { team: [6, 9] },
  traffic: [
    {
      queue: 'q',
      arrivals: [60, 120],
      handle: { kind: 'exponential', mean: 150 },
      patience: { kind: 'exponential', mean: 120 },
    },
  ],
});

describe('planStaffing', () => {
  it('finds the fewest agents whose simulated service level meets the target', () => {
    const plan = planStaffing(scenario, { targetServiceLevel: 0.8, thresholdSec: 20, replications: 6 });

    expect(plan.intervals.map((p) => p.arrivals)).toEqual([60, 120]);
    expect(plan.intervals.map((p) => p.scheduled)).toEqual([6, 9]);
    for (const p of plan.intervals) {
      const fewer = p.tries.find((t) => t.agents === p.agents - 1);
      expect(p.serviceLevel!.mean).toBeGreaterThanOrEqual(0.8);
      expect(fewer!.serviceLevel.mean).toBeLessThan(0.8);
      expect(Math.abs(p.agents - p.erlangAgents)).toBeLessThanOrEqual(2);
      expect(p.serviceLevel!.count).toBe(6);
    }
    expect(plan.intervals[1]!.agents).toBeGreaterThan(plan.intervals[0]!.agents);
  });

  it('reports every replication it runs', () => {
    let reported = 0;

    planStaffing(scenario, {
      targetServiceLevel: 0.8,
      thresholdSec: 20,
      replications: 2,
      onReplication: (done) => (reported = done),
    });

    expect(reported).toBeGreaterThanOrEqual(2 * 2 * 2);
    expect(reported % 2).toBe(0);
  });

  it('refuses a queue served by two groups', () => {
    const shared = loadScenarioFile('sim/examples/small.json');

    expect(() => planStaffing(shared, { targetServiceLevel: 0.8, thresholdSec: 20 })).toThrow(
      /traffic queue sales: planning needs exactly one group serving each queue; it is served by groups sales, flex/,
    );
  });
});
