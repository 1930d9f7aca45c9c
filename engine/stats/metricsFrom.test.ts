import { describe, expect, it } from 'vitest';
import { contactCounters } from './contactCounters.js';
import { addCounters, emptyCounters } from './intervalStats.js';
import { metricsFrom } from './metricsFrom.js';
import { abandoned, answered, callback, contactRecord, percent } from './testSupport.js';

describe('wait, speed of answer and abandonment', () => {
  const records = [
    answered({ waitMs: 0 }),
    answered({ waitMs: 10_000 }),
    answered({ waitMs: 20_000 }),
    abandoned({ waitMs: 100_000 }),
    abandoned({ waitMs: 200_000 }),
    callback({ waitMs: 50_000 }),
  ];
  const counters = records.map((r) => contactCounters(r)).reduce(addCounters, emptyCounters());
  const metrics = metricsFrom(counters);

  it('averages the speed of answer over answered contacts only: 10 s', () => {
    expect(metrics.asaMs).toBe(10_000);
  });

  it('averages the wait of contacts that left the live queue, callbacks excluded: 66 s', () => {
    expect(metrics.averageWaitMs).toBe(66_000);
  });

  it('counts the callback as offered but not as an abandon: 2 of 6 abandoned', () => {
    expect(metrics.offered).toBe(6);
    expect(metrics.abandoned).toBe(2);
    expect(metrics.callbacksRequested).toBe(1);
    expect(percent(metrics.abandonRate)).toBe(33.3);
  });

  it('averages the time to abandon over abandoned contacts: 150 s', () => {
    expect(metrics.averageAbandonMs).toBe(150_000);
  });

  it('keeps the longest wait of any contact that left the queue', () => {
    expect(metrics.longestWaitMs).toBe(200_000);
  });
});

describe('metrics without data', () => {
  it('reports null for every average and ratio of empty counters', () => {
    const metrics = metricsFrom(emptyCounters());

    expect(metrics).toMatchObject({
      asaMs: null,
      averageWaitMs: null,
      averageAbandonMs: null,
      longestWaitMs: null,
      abandonRate: null,
      averageHandleMs: null,
      occupancy: null,
      utilisation: null,
      offered: 0,
    });
  });
});

describe('how a contact left the queue', () => {
  it('counts a callback that an agent later answered as a callback, not a live answer', () => {
    const calledBack = answered({ waitMs: 600_000, talkMs: 120_000 });
    const record = { ...calledBack, callbackRequestedAt: calledBack.queuedAt + 30_000 };

    const counters = contactCounters(record);

    expect(counters).toMatchObject({ answered: 0, callbacksRequested: 1, handled: 1 });
    expect(counters.callbackWaitSumMs).toBe(30_000);
    expect(counters.talkSumMs).toBe(120_000);
  });

  it('counts a contact closed while still queued as offered only', () => {
    const counters = contactCounters(contactRecord());

    expect(counters).toMatchObject({
      offered: 1,
      answered: 0,
      abandoned: 0,
      callbacksRequested: 0,
    });
    expect(metricsFrom(counters).serviceLevel.value).toBeNull();
  });

  it('counts a contact that overflowed and was transferred once each', () => {
    const record = {
      ...answered({ waitMs: 5_000, talkMs: 60_000 }),
      overflows: [
        { from: 'sales', to: 'support', at: 1 },
        { from: 'support', to: 'billing', at: 2 },
      ],
    };

    const counters = contactCounters(record);

    expect(counters.overflowed).toBe(1);
    expect(counters.transferred).toBe(0);
  });
});
