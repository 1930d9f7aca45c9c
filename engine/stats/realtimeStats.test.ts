import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events.js';
import { RealtimeStats } from './realtimeStats.js';
import {
  agentStateEvent,
  answered,
  at,
  closedEvent,
  contactEvent,
  percent,
} from './testSupport.js';

function queued(contactId: string, time: number, queueId = 'sales'): DomainEvent {
  return contactEvent('contact.queued', contactId, time, { queueId, personalAgentId: null });
}

function offered(contactId: string, time: number, agentId = 'ann', queueId = 'sales'): DomainEvent {
  return contactEvent('contact.offered', contactId, time, {
    offerId: `${contactId}-${time}`,
    agentId,
    queueId,
    expiresAt: time + 20_000,
  });
}

function feed(stats: RealtimeStats, events: DomainEvent[]): void {
  for (const event of events) stats.consume(event);
}

describe('real-time queue view', () => {
  it('counts waiting contacts and the longest current wait', () => {
    const stats = new RealtimeStats();

    feed(stats, [queued('c1', at('09:00:00')), queued('c2', at('09:01:00'))]);

    const sales = stats.snapshot(at('09:02:30')).queues.sales;
    expect(sales?.waiting).toBe(2);
    expect(sales?.longestWaitMs).toBe(150_000);
  });

  it('stops counting a contact as waiting while it is offered, and again after a timeout', () => {
    const stats = new RealtimeStats();
    feed(stats, [queued('c1', at('09:00:00')), offered('c1', at('09:00:10'))]);

    const ringing = stats.snapshot(at('09:00:20')).queues.sales;
    stats.consume(
      contactEvent('contact.offer_ended', 'c1', at('09:00:30'), {
        offerId: 'c1-x',
        agentId: 'ann',
        outcome: 'timeout',
      }),
    );
    const returned = stats.snapshot(at('09:00:40')).queues.sales;

    expect(ringing).toMatchObject({ waiting: 0, beingOffered: 1, longestWaitMs: null });
    expect(returned).toMatchObject({ waiting: 1, beingOffered: 0, longestWaitMs: 40_000 });
  });

  it('follows a contact moved or overflowed to another queue, keeping its wait', () => {
    const stats = new RealtimeStats();

    feed(stats, [
      queued('c1', at('09:00:00')),
      contactEvent('contact.overflowed', 'c1', at('09:02:00'), { from: 'sales', to: 'support' }),
    ]);

    const now = stats.snapshot(at('09:03:00'));
    expect(now.queues.sales?.waiting).toBe(0);
    expect(now.queues.support).toMatchObject({ waiting: 1, longestWaitMs: 180_000 });
    expect(now.queues.sales?.today.offered).toBe(1);
  });

  it('keeps a callback in the queue without counting it as waiting live or as an abandon', () => {
    const stats = new RealtimeStats();

    feed(stats, [
      queued('c1', at('09:00:00')),
      contactEvent('contact.callback_requested', 'c1', at('09:00:50'), {}),
    ]);

    const sales = stats.snapshot(at('09:05:00')).queues.sales;
    expect(sales).toMatchObject({ waiting: 0, callbacksPending: 1, longestWaitMs: null });
    expect(sales?.today).toMatchObject({ callbacksRequested: 1, abandoned: 0, abandonRate: 0 });
  });

  it("runs today's service level, ASA and abandonment as exits happen", () => {
    const stats = new RealtimeStats();

    feed(stats, [
      queued('c1', at('09:00:00')),
      queued('c2', at('09:00:00')),
      queued('c3', at('09:00:00')),
      offered('c1', at('09:00:05')),
      contactEvent('contact.connected', 'c1', at('09:00:10'), { agentId: 'ann' }),
      contactEvent('contact.connected', 'c2', at('09:00:30'), { agentId: 'bob' }),
      contactEvent('contact.abandoned', 'c3', at('09:01:00'), {}),
    ]);

    const today = stats.snapshot(at('09:02:00')).center.today;
    expect(today.offered).toBe(3);
    expect(today.asaMs).toBe(20_000);
    expect(percent(today.serviceLevel.value)).toBe(33.3);
    expect(percent(today.abandonRate)).toBe(33.3);
  });

  it('adds handle time when the record closes, without counting the contact twice', () => {
    const stats = new RealtimeStats();
    const record = answered({ queuedAt: at('09:00:00'), waitMs: 10_000, talkMs: 120_000 });

    feed(stats, [
      queued(record.id, at('09:00:00')),
      contactEvent('contact.connected', record.id, at('09:00:10'), { agentId: 'ann' }),
      closedEvent(record),
    ]);

    const today = stats.snapshot(at('09:05:00')).center.today;
    expect(today).toMatchObject({ offered: 1, answered: 1, handled: 1, averageHandleMs: 120_000 });
  });

  it('counts agents by state for the center, and per queue when told who serves which', () => {
    const stats = new RealtimeStats({
      queuesOfAgent: (agentId) => (agentId === 'ann' ? ['sales', 'support'] : ['support']),
    });

    feed(stats, [
      agentStateEvent('ann', 'ready', at('08:00:00')),
      agentStateEvent('bob', 'ready', at('08:00:00')),
      agentStateEvent('bob', 'busy', at('08:30:00'), 'ready'),
    ]);

    const now = stats.snapshot(at('09:00:00'));
    expect(now.center.agents).toMatchObject({ ready: 1, busy: 1, notReady: 0 });
    expect(now.queues.sales?.agents).toMatchObject({ ready: 1, busy: 0 });
    expect(now.queues.support?.agents).toMatchObject({ ready: 1, busy: 1 });
  });

  it('starts the running figures again at the start of a new day', () => {
    const stats = new RealtimeStats();
    feed(stats, [
      queued('c1', at('23:59:50')),
      contactEvent('contact.connected', 'c1', at('23:59:55'), { agentId: 'ann' }),
    ]);

    const tomorrow = stats.snapshot(at('23:59:59') + 60_000).center.today;

    expect(tomorrow.offered).toBe(0);
    expect(tomorrow.serviceLevel.value).toBeNull();
  });
});

describe('real-time agent time', () => {
  it('gives today’s occupancy and utilisation, open states counted up to the snapshot', () => {
    const stats = new RealtimeStats();
    feed(stats, [
      agentStateEvent('ann', 'ready', at('09:00:00')),
      agentStateEvent('ann', 'busy', at('09:01:00'), 'ready'),
      agentStateEvent('bob', 'notReady', at('09:00:00')),
    ]);

    // ann: 60 s ready, then busy for 40 s and counting; bob: 100 s not ready.
    const today = stats.snapshot(at('09:01:40')).center.today;
    expect(today.agentStateMs).toEqual({
      ready: 60_000,
      notReady: 100_000,
      ringing: 0,
      busy: 40_000,
      wrapUp: 0,
    });
    expect(today.occupancy).toBeCloseTo(40 / 100, 10);
    expect(today.utilisation).toBeCloseTo(100 / 200, 10);

    // The snapshot credited nothing for good: a later one counts from the same start.
    expect(stats.snapshot(at('09:02:00')).center.today.agentStateMs.busy).toBe(60_000);
  });

  it('counts from midnight a state that began yesterday', () => {
    const stats = new RealtimeStats();
    stats.consume(agentStateEvent('ann', 'ready', at('23:59:00') - 86_400_000));
    const today = stats.snapshot(at('00:01:00')).center.today;
    expect(today.agentStateMs.ready).toBe(60_000);
  });
});
