import { describe, expect, it } from 'vitest';
import { pointsOfScope } from './readIntervalPoint';
import { readSimulationResult } from './readSimulationResult';

describe('readSimulationResult', () => {
  it('reads the interval rows the simulator writes, metrics and all', () => {
    const file = {
      seed: 7,
      intervalMinutes: 15,
      intervals: [
        {
          start: '2024-01-01T08:15:00.000Z',
          queueId: null,
          agentId: null,
          counters: { offered: 10, answered: 8, abandoned: 2 },
          metrics: {
            offered: 10,
            answered: 8,
            abandoned: 2,
            serviceLevel: { value: 0.75 },
            asaMs: 12_000,
          },
        },
        {
          start: '2024-01-01T08:00:00.000Z',
          queueId: 'sales',
          agentId: null,
          metrics: { offered: 3, answered: 3, abandoned: 0 },
        },
      ],
      contacts: [{}, {}],
    };

    const result = readSimulationResult(file);

    expect(result).toMatchObject({
      seed: 7,
      source: 'intervals',
      contactCount: 2,
      intervalMinutes: 15,
    });
    expect(pointsOfScope(result.points)).toEqual([
      expect.objectContaining({
        start: Date.parse('2024-01-01T08:15:00Z'),
        offered: 10,
        serviceLevel: 0.75,
        asaMs: 12_000,
      }),
    ]);
    expect(pointsOfScope(result.points, 'sales')).toHaveLength(1);
  });

  it('computes intervals from contact records when a file has none', () => {
    const t = Date.parse('2024-01-01T08:00:00Z');
    const file = {
      seed: 1,
      contacts: [
        { queuedAt: t + 1_000, answeredAt: t + 6_000 },
        { queuedAt: t + 2_000, answeredAt: t + 62_000 },
        { queuedAt: t + 3_000, abandonedAt: t + 9_000 },
        { queuedAt: t + 16 * 60_000, answeredAt: t + 16 * 60_000 + 1_000 },
      ],
    };

    const result = readSimulationResult(file);

    expect(result.source).toBe('contacts');
    expect(result.points.map((p) => [p.offered, p.answered, p.abandoned])).toEqual([
      [3, 2, 1],
      [1, 1, 0],
    ]);
    expect(result.points[0]!.serviceLevel).toBeCloseTo(1 / 3);
  });

  it('reads percentages and flat rows written by other tools', () => {
    const result = readSimulationResult([
      { time: 0, offered: 4, answered: 4, abandoned: 0, serviceLevel: 90 },
    ]);

    expect(result.points[0]).toMatchObject({ offered: 4, serviceLevel: 0.9 });
  });
});
