import { describe, expect, it } from 'vitest';
import { harness, simpleConfig, T0 } from './harness.js';

describe('rule 2: a ring that times out', () => {
  it('returns the contact to the head of its queue with its original entry time', () => {
    const h = harness({ ...simpleConfig(1, { ringTimeoutSec: 20 }), maxMissedOffers: 2 });
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c2' });

    h.advance(20_000);

    const ended = h.of('contact.offer_ended');
    expect(ended.map((e) => [e.contactId, e.outcome, e.at - T0])).toEqual([
      ['c1', 'timeout', 20_000],
    ]);
    // a1 still has one strike to spare, so c1 rings again at once: it was the head.
    expect(h.of('contact.offered').map((e) => [e.contactId, e.at - T0])).toEqual([
      ['c1', 0],
      ['c1', 20_000],
    ]);
    expect(h.center.contact('c1')!.record.queuedAt).toBe(T0);
    expect(h.center.agentStatus('a1').missedOffers).toBe(1);
  });

  it('makes the agent not ready with reason missed after the configured consecutive misses', () => {
    const h = harness({ ...simpleConfig(1, { ringTimeoutSec: 20 }), maxMissedOffers: 2 });
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c2' });

    h.advance(40_000);

    const status = h.center.agentStatus('a1');
    expect([status.state, status.reason, status.stateSince - T0]).toEqual([
      'notReady',
      'missed',
      40_000,
    ]);
    expect(h.center.queueContents('q').map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('resets the strikes when the agent accepts', () => {
    const h = harness({ ...simpleConfig(1, { ringTimeoutSec: 20 }), maxMissedOffers: 2 });
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.advance(20_000);

    h.center.accept('a1', 'c1');

    expect(h.center.agentStatus('a1').missedOffers).toBe(0);
    expect(h.center.contact('c1')!.record.answeredAt! - T0).toBe(20_000);
  });
});

describe('rule 3: a declined contact', () => {
  it('goes to the next eligible agent, and back to a decliner only when its window closes', () => {
    const h = harness(simpleConfig(2, { declineWindowSec: 30 }));
    h.ready('a1');
    h.advance(1_000);
    h.ready('a2');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });

    h.center.decline('a1', 'c1');
    h.advance(5_000);
    h.center.decline('a2', 'c1');
    h.advance(24_999);
    const beforeWindow = h.offers().length;
    h.advance(1);

    expect(beforeWindow).toBe(2);
    expect(h.of('contact.offered').map((e) => [e.agentId, e.at - T0])).toEqual([
      ['a1', 1_000],
      ['a2', 1_000],
      ['a1', 31_000],
    ]);
  });

  it('goes to another ready agent even with no decline window', () => {
    const h = harness(simpleConfig(2, { declineWindowSec: 0 }));
    h.ready('a1', 'a2');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });

    h.center.decline('a1', 'c1');

    expect(h.offers()).toEqual(['c1→a1', 'c1→a2']);
  });

  it('gives the decliner the next contact it has not declined', () => {
    const h = harness(simpleConfig(1, { declineWindowSec: 30 }));
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c2' });

    h.center.decline('a1', 'c1');

    expect(h.offers()).toEqual(['c1→a1', 'c2→a1']);
    expect(h.center.queueContents('q').map((c) => c.id)).toEqual(['c1']);
  });
});
