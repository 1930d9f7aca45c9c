/**
 * The 1 August 1999 day of the Technion bank records, replayed through the
 * engine with the tuned replay configuration: every hour offers exactly
 * the recorded calls, and the day's abandonment and ASA come out within
 * the gaps this replay reaches (see sim/README.md for what causes them).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { comparisonTable, dailyGap } from '../../sim/comparison-table.js';
import { readTechnionCsv, recordedHourlyStats, selectDay, type TechnionCall } from '../../sim/technion.js';
import { replayTechnionDay, technionReplayConfig, type TechnionComparison } from '../../sim/technion-replay.js';

const dayFile = '../shared/data/technion-anonymous-bank/anonymous_bank_1999-08-01.csv';
const day = '1999-08-01';

let calls: TechnionCall[];
let comparison: TechnionComparison;

beforeAll(async () => {
  calls = await readTechnionCsv(dayFile);
  comparison = replayTechnionDay(calls, day, technionReplayConfig());
  process.stdout.write(comparisonTable(comparison, 'Technion replay of anonymous_bank_1999-08-01.csv'));
});

describe('replaying 1 August 1999', () => {
  it('offers exactly the recorded calls in every hour', () => {
    const recorded = recordedHourlyStats(selectDay(calls, day));

    const offered = comparison.hours.map((h) => [h.hour, h.simulated.offered]);

    expect(offered).toEqual(recorded.map((r) => [r.hour, r.offered]));
    expect(comparison.total.simulated.offered).toBe(2_239);
    expect(comparison.result.leftAtEnd).toBe(0);
    expect(comparison.result.rejected).toEqual([]);
  });

  it('answers or loses every offered call', () => {
    const { simulated } = comparison.total;

    expect(simulated.answered + simulated.abandoned).toBe(simulated.offered);
  });

  it('comes within 3 points of the recorded abandonment and 20 % of the recorded ASA', () => {
    const gap = dailyGap(comparison);

    expect(gap.recordedAbandonRate).toBeCloseTo(728 / 2_239, 10);
    expect(Math.abs(gap.abandonPoints)).toBeLessThanOrEqual(3);
    expect(Math.abs(gap.asaPercent)).toBeLessThanOrEqual(20);
  });

  it('gives the same figures on a second run', () => {
    const again = replayTechnionDay(calls, day, technionReplayConfig());

    expect(again.hours).toEqual(comparison.hours);
  });
});
