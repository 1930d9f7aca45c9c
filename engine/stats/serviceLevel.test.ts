import { describe, expect, it } from 'vitest';
import { contactCounters } from './contactCounters.js';
import { addCounters, emptyCounters, type IntervalStats } from './intervalStats.js';
import { metricsFrom } from './metricsFrom.js';
import { serviceLevelFormulas } from './serviceLevel.js';
import type { ContactRecord } from '../records.js';
import { abandoned, answered, percent } from './testSupport.js';

const thresholds = { serviceLevelMs: 20_000, shortAbandonMs: 5_000 };

function countersOf(records: ContactRecord[]): IntervalStats {
  return records
    .map((r) => contactCounters(r, thresholds))
    .reduce(addCounters, emptyCounters(thresholds));
}

/**
 * 1,000 answered, 860 of them within 20 s; 60 abandoned: 10 within 5 s,
 * 10 more within 20 s and 40 after 20 s.
 */
function referenceDay(): IntervalStats {
  const records: ContactRecord[] = [];
  for (let i = 0; i < 860; i++) records.push(answered({ waitMs: (i % 21) * 1_000 }));
  for (let i = 0; i < 140; i++) records.push(answered({ waitMs: 20_001 + i * 1_000 }));
  for (let i = 0; i < 10; i++) records.push(abandoned({ waitMs: 500 + i * 500 }));
  for (let i = 0; i < 10; i++) records.push(abandoned({ waitMs: 5_001 + i * 1_666 }));
  for (let i = 0; i < 40; i++) records.push(abandoned({ waitMs: 20_001 + i * 3_000 }));
  return countersOf(records);
}

describe('service level', () => {
  const day = referenceDay();

  it('counts the reference day as 1,000 answered and 60 abandoned', () => {
    expect(day).toMatchObject({
      answered: 1_000,
      answeredWithinT: 860,
      abandoned: 60,
      abandonedWithinT: 20,
      abandonedWithinShort: 10,
      abandonedAfterT: 40,
    });
  });

  it('is 86.0 % counting answered contacts only', () => {
    const sl = metricsFrom(day, { formula: 'answeredOnly' }).serviceLevel;

    expect(percent(sl.value)).toBe(86.0);
    expect(sl.name).toBe('answered within 20 s / answered');
  });

  it('is 81.1 % counting every abandon against the target', () => {
    const sl = metricsFrom(day, { formula: 'allAbandons' }).serviceLevel;

    expect(percent(sl.value)).toBe(81.1);
    expect(sl.name).toBe('answered within 20 s / (answered + abandoned)');
  });

  it('is 82.7 % counting only abandons after the threshold', () => {
    const sl = metricsFrom(day, { formula: 'lateAbandonsOnly' }).serviceLevel;

    expect(percent(sl.value)).toBe(82.7);
    expect(sl.name).toBe('answered within 20 s / (answered + abandoned after 20 s)');
  });

  it('is 83.0 % when abandons within the threshold count as met', () => {
    const sl = metricsFrom(day, { formula: 'earlyAbandonsMet' }).serviceLevel;

    expect(percent(sl.value)).toBe(83.0);
  });

  it('is 81.9 % counting every abandon except short abandons', () => {
    const options = { formula: 'allAbandons', withoutShortAbandons: true } as const;

    const sl = metricsFrom(day, options).serviceLevel;

    expect(percent(sl.value)).toBe(81.9);
    expect(sl).toMatchObject({ numerator: 860, denominator: 1_050 });
    expect(sl.name).toBe(
      'answered within 20 s / (answered + abandoned), without short abandons (within 5 s)',
    );
  });

  it('removes short abandons from both sides when abandons within T count as met', () => {
    const sl = metricsFrom(day, { formula: 'earlyAbandonsMet', withoutShortAbandons: true })
      .serviceLevel;

    expect(sl).toMatchObject({ numerator: 870, denominator: 1_050 });
  });

  it('defaults to counting every abandon against the target', () => {
    const sl = metricsFrom(day).serviceLevel;

    expect(sl.formula).toBe('allAbandons');
    expect(sl.withoutShortAbandons).toBe(false);
  });

  it('counts a contact answered at exactly T as within T, and 1 ms later as not', () => {
    const counters = countersOf([
      answered({ waitMs: 19_999 }),
      answered({ waitMs: 20_000 }),
      answered({ waitMs: 20_001 }),
    ]);

    const sl = metricsFrom(counters, { formula: 'answeredOnly' }).serviceLevel;

    expect(counters.answeredWithinT).toBe(2);
    expect(sl.value).toBeCloseTo(2 / 3, 10);
  });

  it('counts an abandon at exactly the short limit as short, and 1 ms later as not', () => {
    const counters = countersOf([abandoned({ waitMs: 5_000 }), abandoned({ waitMs: 5_001 })]);

    expect(counters.abandonedWithinShort).toBe(1);
    expect(counters.abandonedWithinT).toBe(2);
  });

  it('has no value, not 0 % or 100 %, for an interval without contacts', () => {
    const empty = emptyCounters(thresholds);

    const values = serviceLevelFormulas.map(
      (formula) => metricsFrom(empty, { formula }).serviceLevel.value,
    );

    expect(values).toEqual([null, null, null, null]);
  });

  it('has no value when every contact was a short abandon and they are excluded', () => {
    const counters = countersOf([abandoned({ waitMs: 2_000 })]);

    const sl = metricsFrom(counters, { withoutShortAbandons: true }).serviceLevel;

    expect(sl.value).toBeNull();
  });
});
