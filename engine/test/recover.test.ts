import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events.js';
import { MemoryJournal } from '../journal.js';
import { openCenter } from '../recover.js';
import { MemoryStore } from '../store/memory-store.js';
import { harness, simpleConfig, T0 } from './harness.js';

const config = { ...simpleConfig(2, { ringTimeoutSec: 20, wrapUpSec: 10 }), maxMissedOffers: 2 };

/** The scripted traffic: [wall time offset, action]. */
type Center = ReturnType<typeof harness>['center'];
const script: [number, (c: Center) => void][] = [
  [0, (c) => (c.login('a1'), c.ready('a1'))],
  [
    1_000,
    (c) => c.createContact({ channel: 'voice', queueId: 'q', id: 'c1', customer: { name: 'Ada' } }),
  ],
  [2_000, (c) => c.createContact({ channel: 'voice', queueId: 'q', id: 'c2' })],
  [2_000, (c) => c.createContact({ channel: 'chat', queueId: 'q', id: 'c3', priority: 1 })],
  [3_000, (c) => (c.login('a2'), c.notReady('a2', 'training'))],
];

function state(center: Center) {
  return {
    queue: center
      .queueContents('q')
      .map((v) => ({ id: v.id, queuedAt: v.record.queuedAt, offers: v.record.offers })),
    agents: ['a1', 'a2'].map((a) => {
      const s = center.agentStatus(a);
      return [s.state, s.reason, s.stateSince, s.offers, s.missedOffers];
    }),
  };
}

describe('crash recovery from the journal', () => {
  it('brings back every contact, agent and timer, firing deadlines missed while down exactly once', () => {
    let wall = T0;
    const journal = new MemoryJournal();
    const store = new MemoryStore();
    const before = openCenter({ config, journal, store, wallNow: () => wall });
    for (const [offset, act] of script) {
      wall = T0 + offset;
      act(before.center);
    }
    wall = T0 + 5_000;
    const atCrash = state(before.center);
    before.clock.stop(); // kill -9: nothing more runs

    wall = T0 + 60_000;
    const events: DomainEvent[] = [];
    const after = openCenter({
      config,
      journal,
      store,
      wallNow: () => wall,
      beforeReplay: (c) => c.subscribe((e) => events.push(e)),
    });
    const reference = harness(config);
    for (const [offset, act] of script) {
      reference.clock.runUntil(T0 + offset);
      act(reference.center);
    }
    reference.clock.runUntil(T0 + 60_000);

    expect(after.replayed).toBe(7);
    expect(state(after.center)).toEqual(state(reference.center));
    expect(events.map((e) => [e.type, e.at])).toEqual(reference.events.map((e) => [e.type, e.at]));
    const timeouts = events.filter(
      (e) => e.type === 'contact.offer_ended' && e.outcome === 'timeout',
    );
    expect(timeouts.map((e) => [e.type === 'contact.offer_ended' && e.offerId, e.at - T0])).toEqual(
      [
        ['c1:1', 21_000],
        ['c3:1', 41_000],
      ],
    );
    expect(atCrash.queue.map((c) => c.id)).toEqual(['c3', 'c2']);
    expect(state(after.center).queue.map((c) => [c.id, c.queuedAt - T0])).toEqual([
      ['c3', 2_000],
      ['c1', 1_000],
      ['c2', 2_000],
    ]);
    expect(after.center.agentStatus('a1')).toMatchObject({
      state: 'notReady',
      reason: 'missed',
      stateSince: T0 + 41_000,
    });
    expect(after.center.agentStatus('a2')).toMatchObject({ state: 'notReady', reason: 'training' });
    after.clock.stop();
  });

  it('keeps journaling after a recovery, so a second crash loses nothing', () => {
    let wall = T0;
    const journal = new MemoryJournal();
    const store = new MemoryStore();
    const first = openCenter({ config, journal, store, wallNow: () => wall });
    first.center.login('a1');
    first.clock.stop();
    wall = T0 + 1_000;
    const second = openCenter({ config, journal, store, wallNow: () => wall });
    second.center.ready('a1');
    second.clock.stop();

    wall = T0 + 2_000;
    const third = openCenter({ config, journal, store, wallNow: () => wall });

    expect(third.replayed).toBe(2);
    expect(third.center.agentStatus('a1')).toMatchObject({
      state: 'ready',
      stateSince: T0 + 1_000,
    });
    third.clock.stop();
  });
});
