import { describe, expect, it } from 'vitest';
import { harness, simpleConfig } from './harness.js';

const ids = (views: { id: string }[]) => views.map((v) => v.id);

describe('rule 1: order within a queue', () => {
  it('serves higher priority first, then earlier entry, then arrival order', () => {
    const h = harness(simpleConfig(1));

    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c2' });
    h.advance(1_000);
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c3', priority: 5 });
    h.advance(1_000);
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c4' });

    expect(ids(h.center.queueContents('q'))).toEqual(['c3', 'c1', 'c2', 'c4']);
    expect(h.center.position('c2')).toBe(2);
  });

  it('keeps arrival order for contacts created in the same millisecond', () => {
    const h = harness(simpleConfig(1));
    for (let i = 1; i <= 50; i += 1)
      h.center.createContact({ channel: 'chat', queueId: 'q', id: `c${i}` });

    h.ready('a1');

    expect(h.offers()).toEqual(['c1→a1']);
    expect(ids(h.center.queueContents('q'))).toEqual(
      Array.from({ length: 49 }, (_, i) => `c${i + 2}`),
    );
  });

  it('offers the highest-priority waiting contact to an agent who becomes ready', () => {
    const h = harness(simpleConfig(1));
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'old' });
    h.advance(5_000);
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'vip', priority: 1 });

    h.ready('a1');

    expect(h.offers()).toEqual(['vip→a1']);
  });
});

describe("a contact's own head start", () => {
  it('ranks it as if it had waited that much longer', () => {
    const h = harness(simpleConfig(1, { waitBonusSec: 10 }));
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'early' });
    h.advance(60_000);

    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'gold', waitBonusSec: 90 });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'silver', waitBonusSec: 30 });

    expect(ids(h.center.queueContents('q'))).toEqual(['gold', 'early', 'silver']);
    expect(h.center.agentState('a1')).toEqual({ state: 'loggedOut', presence: 'loggedOut' });
  });
});
