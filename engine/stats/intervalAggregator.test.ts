import { describe, expect, it } from 'vitest';
import { IntervalAggregator } from './intervalAggregator.js';
import { metricsFrom } from './metricsFrom.js';
import {
  abandoned,
  agentDay,
  agentStateEvent,
  answered,
  at,
  closedEvent,
  contactRecord,
  percent,
} from './testSupport.js';

describe('crediting contacts to intervals', () => {
  it('credits a contact wholly to the interval it entered the queue in', () => {
    const stats = new IntervalAggregator();
    const record = contactRecord({
      queuedAt: at('09:14:50'),
      answeredAt: at('09:15:20'),
      agentId: 'ann',
      endedAt: at('09:29:00'),
      wrapUpEndedAt: at('09:29:00'),
      outcome: 'completed',
    });

    stats.consume(closedEvent(record));

    const early = metricsFrom(stats.report({ from: at('09:00:00'), to: at('09:15:00') }));
    const late = metricsFrom(stats.report({ from: at('09:15:00'), to: at('09:30:00') }));
    expect(early.answered).toBe(1);
    expect(early.asaMs).toBe(30_000);
    expect(early.averageTalkMs).toBe(13 * 60_000 + 40_000);
    expect(late.offered).toBe(0);
    expect(late.serviceLevel.value).toBeNull();
  });

  it('puts a contact queued at exactly 09:15:00.000 in the 09:15 interval', () => {
    const stats = new IntervalAggregator();

    stats.consume(closedEvent(abandoned({ queuedAt: at('09:15:00.000'), waitMs: 3_000 })));

    const [row] = stats.rows();
    expect(row?.intervalStart).toBe(at('09:15:00'));
    expect(stats.report({ from: at('09:00:00'), to: at('09:15:00') }).offered).toBe(0);
  });

  it('credits a contact to the queue it entered first, not the one it overflowed to', () => {
    const stats = new IntervalAggregator();
    const record = {
      ...answered({ waitMs: 90_000, queueId: 'sales' }),
      queueId: 'support',
      overflows: [{ from: 'sales', to: 'support', at: at('09:01:00') }],
    };

    stats.consume(closedEvent(record));

    const window = { from: at('09:00:00'), to: at('10:00:00') };
    expect(stats.report({ ...window, queueId: 'sales' }).answered).toBe(1);
    expect(stats.report({ ...window, queueId: 'support' }).offered).toBe(0);
    expect(stats.report(window).overflowed).toBe(1);
  });

  it('credits the contact to the agent who answered it', () => {
    const stats = new IntervalAggregator();

    stats.consume(closedEvent(answered({ waitMs: 8_000, talkMs: 300_000, agentId: 'bob' })));

    const window = { from: at('09:00:00'), to: at('09:15:00') };
    expect(stats.report({ ...window, agentId: 'bob' }).handleSumMs).toBe(300_000);
    expect(stats.report({ ...window, agentId: 'ann' }).handled).toBe(0);
  });

  it('aggregates hourly when asked to', () => {
    const stats = new IntervalAggregator({ intervalMinutes: 60 });

    stats.consume(closedEvent(answered({ queuedAt: at('09:59:59'), waitMs: 1_000 })));
    stats.consume(closedEvent(answered({ queuedAt: at('09:00:00'), waitMs: 1_000 })));

    expect(stats.rows().map((r) => r.intervalStart)).toEqual([
      at('09:00:00'),
      at('09:00:00'),
      at('09:00:00'),
    ]);
    expect(stats.report({ from: at('09:00:00'), to: at('10:00:00') }).answered).toBe(2);
  });
});

describe('agent state time', () => {
  it('splits a state across interval boundaries by the time spent in each', () => {
    const stats = new IntervalAggregator();

    stats.consume(agentStateEvent('ann', 'ready', at('09:10:00')));
    stats.consume(agentStateEvent('ann', 'busy', at('09:20:00'), 'ready'));

    const first = stats.report({ from: at('09:00:00'), to: at('09:15:00'), agentId: 'ann' });
    const second = stats.report({ from: at('09:15:00'), to: at('09:30:00'), agentId: 'ann' });
    expect(first.agentStateMs.ready).toBe(5 * 60_000);
    expect(second.agentStateMs.ready).toBe(5 * 60_000);
  });

  it('gives 72.7 % occupancy for 30 min talk, 5 hold, 5 wrap-up, 15 idle, 5 not ready', () => {
    const stats = new IntervalAggregator({ intervalMinutes: 60 });
    const events = agentDay('ann', at('09:00:00'), [
      ['ready', 15 * 60_000],
      ['busy', 35 * 60_000], // 30 min talking and 5 on hold
      ['wrapUp', 5 * 60_000],
      ['notReady', 5 * 60_000],
    ]);

    for (const event of events) stats.consume(event);

    const hour = { from: at('09:00:00'), to: at('10:00:00'), agentId: 'ann' };
    const metrics = metricsFrom(stats.report(hour));
    expect(percent(metrics.occupancy)).toBe(72.7);
    expect(percent(metrics.utilisation)).toBe(91.7);
    expect(metrics.loggedInMs).toBe(60 * 60_000);
  });

  it('counts ringing as available time, not handling', () => {
    const stats = new IntervalAggregator();
    const events = agentDay('ann', at('09:00:00'), [
      ['ready', 4 * 60_000],
      ['ringing', 1 * 60_000],
      ['busy', 5 * 60_000],
    ]);

    for (const event of events) stats.consume(event);

    const metrics = metricsFrom(stats.report({ from: at('09:00:00'), to: at('09:15:00') }));
    expect(metrics.occupancy).toBe(0.5);
  });

  it('credits the open state up to now when settled, and the rest later', () => {
    const stats = new IntervalAggregator();
    stats.consume(agentStateEvent('ann', 'ready', at('09:00:00')));

    stats.settle(at('09:10:00'));
    const settled = stats.report({ from: at('09:00:00'), to: at('09:15:00') }).agentStateMs.ready;
    stats.consume(agentStateEvent('ann', 'loggedOut', at('09:12:00'), 'ready'));
    const closed = stats.report({ from: at('09:00:00'), to: at('09:15:00') }).agentStateMs.ready;

    expect(settled).toBe(10 * 60_000);
    expect(closed).toBe(12 * 60_000);
  });

  it('does not count time logged out', () => {
    const stats = new IntervalAggregator();

    stats.consume(agentStateEvent('ann', 'loggedOut', at('09:00:00'), 'ready'));
    stats.consume(agentStateEvent('ann', 'ready', at('09:10:00')));
    stats.settle(at('09:15:00'));

    const report = stats.report({ from: at('09:00:00'), to: at('09:15:00'), agentId: 'ann' });
    expect(metricsFrom(report).loggedInMs).toBe(5 * 60_000);
  });
});

describe('rows and reports', () => {
  it('keeps rows as plain JSON that a new aggregator reloads to the same reports', () => {
    const stats = new IntervalAggregator();
    stats.consume(closedEvent(answered({ waitMs: 12_000, talkMs: 200_000 })));
    stats.consume(closedEvent(abandoned({ queuedAt: at('09:20:00'), waitMs: 40_000 })));
    stats.consume(agentStateEvent('ann', 'ready', at('09:05:00')));
    stats.consume(agentStateEvent('ann', 'busy', at('09:25:00'), 'ready'));

    const stored: unknown = JSON.parse(JSON.stringify(stats.rows()));
    const reloaded = new IntervalAggregator({ rows: stored as unknown[] });

    const day = { from: at('00:00:00'), to: at('00:00:00') + 86_400_000 };
    expect(reloaded.rows()).toEqual(stats.rows());
    expect(reloaded.report(day)).toEqual(stats.report(day));
  });

  it('hands a store only the rows changed since it last asked', () => {
    const stats = new IntervalAggregator();
    stats.consume(closedEvent(answered({ queuedAt: at('09:00:00'), waitMs: 1_000 })));
    stats.takeChangedRows();

    const later = answered({ queuedAt: at('10:00:00'), waitMs: 1_000, agentId: 'bob' });
    stats.consume(closedEvent(later));
    const changed = stats.takeChangedRows();

    expect(changed.map((r) => [r.queueId, r.agentId])).toEqual([
      [null, null],
      ['sales', null],
      [null, 'bob'],
    ]);
    expect(changed.every((r) => r.intervalStart === at('10:00:00'))).toBe(true);
  });

  it('refuses a report whose bounds are not interval boundaries', () => {
    const stats = new IntervalAggregator();

    expect(() => stats.report({ from: at('09:07:00'), to: at('10:00:00') })).toThrow(
      /15-minute boundaries; 2024-01-15T09:07:00.000Z does not/,
    );
  });

  it('refuses rows cut at other thresholds', () => {
    const stats = new IntervalAggregator({ thresholds: { serviceLevelMs: 30_000 } });
    stats.consume(closedEvent(answered({ waitMs: 1_000 })));

    expect(() => new IntervalAggregator({ rows: stats.rows() })).toThrow(/other thresholds/);
  });

  it('refuses a short-abandon limit above the service-level threshold', () => {
    const thresholds = { serviceLevelMs: 10_000, shortAbandonMs: 15_000 };

    expect(() => new IntervalAggregator({ thresholds })).toThrow(
      /shortAbandonMs \(15000\) must not exceed serviceLevelMs \(10000\)/,
    );
  });
});
