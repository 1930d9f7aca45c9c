import { describe, expect, it } from 'vitest';
import type { CenterConfigInput } from '../config.js';
import { harness, simpleConfig, T0 } from './harness.js';

describe('rule 9: a callback request', () => {
  it('keeps its original place and is served before later contacts, not counted as abandoned', () => {
    const h = harness(simpleConfig(1));
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.advance(1_000);
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c2' });
    h.advance(1_000);
    h.center.requestCallback('c2');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c3' });

    const order = h.center.queueContents('q').map((c) => c.id);
    h.ready('a1');
    h.center.accept('a1', 'c1');
    h.center.end('a1', 'c1');
    h.advance(30_000);

    expect(order).toEqual(['c1', 'c2', 'c3']);
    expect(h.offers()).toEqual(['c1→a1', 'c2→a1']);
    const c2 = h.center.contact('c2')!.record;
    expect([c2.queuedAt - T0, c2.callbackRequestedAt! - T0, c2.outcome]).toEqual([
      1_000,
      2_000,
      null,
    ]);
    expect(h.of('contact.abandoned')).toEqual([]);
  });
});

describe('rule 10: max wait and overflow', () => {
  const config: CenterConfigInput = {
    skills: ['general', 'overflow'],
    queues: [
      {
        id: 'main',
        skills: [{ skill: 'general' }],
        maxWaitSec: 60,
        overflowTo: 'backup',
        ringTimeoutSec: 20,
      },
      { id: 'backup', skills: [{ skill: 'overflow' }] },
    ],
    agents: [
      { id: 'a1', name: 'Ann', skills: { general: 3 } },
      { id: 'b1', name: 'Bob', skills: { overflow: 3 } },
    ],
    maxMissedOffers: 5,
  };

  it('measures max wait from first entry, not from the first offer', () => {
    const h = harness(config);
    h.center.createContact({ channel: 'voice', queueId: 'main', id: 'c1' });
    h.advance(30_000);
    h.ready('a1');
    h.advance(5_000);
    h.center.decline('a1', 'c1');
    h.advance(24_999);
    const before = h.of('contact.overflowed').length;
    h.advance(1);

    expect(before).toBe(0);
    expect(h.of('contact.overflowed').map((e) => [e.from, e.to, e.at - T0])).toEqual([
      ['main', 'backup', 60_000],
    ]);
  });

  it('keeps the wait clock running after overflow', () => {
    const h = harness(config);
    h.center.createContact({ channel: 'voice', queueId: 'main', id: 'c1' });
    h.advance(10_000);
    h.center.createContact({ channel: 'voice', queueId: 'backup', id: 'b-early' });
    h.advance(50_000);

    const order = h.center.queueContents('backup').map((c) => c.id);
    h.ready('b1');

    expect(order).toEqual(['c1', 'b-early']);
    expect(h.offers()).toEqual(['c1→b1']);
    expect(h.center.contact('c1')!.record.queuedAt).toBe(T0);
  });
});

describe('skill escalation', () => {
  it('widens the required proficiency after the configured wait', () => {
    const h = harness({
      skills: ['general'],
      queues: [
        {
          id: 'q',
          skills: [{ skill: 'general', minProficiency: 4 }],
          escalation: [{ afterSec: 30, minProficiency: 2 }],
        },
      ],
      agents: [{ id: 'a1', name: 'Ann', skills: { general: 3 } }],
    });
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });

    h.advance(29_999);
    const early = h.offers().length;
    h.advance(1);

    expect(early).toBe(0);
    expect(h.of('contact.offered').map((e) => [e.agentId, e.at - T0])).toEqual([['a1', 30_000]]);
  });
});

describe('rule 11: a preferred agent', () => {
  const config = simpleConfig(2, { preferenceWindowSec: 30 });

  it('is offered the contact when ready, ahead of a longer-idle agent', () => {
    const h = harness(config);
    h.ready('a1');
    h.advance(5_000);
    h.ready('a2');

    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1', preferredAgentId: 'a2' });

    expect(h.offers()).toEqual(['c1→a2']);
  });

  it('is never assigned when not ready or logged out', () => {
    const h = harness(config);
    h.ready('a1', 'a2');
    h.center.notReady('a2', 'break');

    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1', preferredAgentId: 'a2' });
    h.center.createContact({
      channel: 'voice',
      queueId: 'q',
      id: 'c2',
      preferredAgentId: 'a3-unknown',
    });

    expect(h.offers()).toEqual(['c1→a1']);
  });

  it('is waited for while busy within the preference window, then the queue takes over', () => {
    const h = harness(config);
    h.ready('a1', 'a2');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'busy', preferredAgentId: 'a2' });
    h.center.accept('a2', 'busy');

    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1', preferredAgentId: 'a2' });
    h.advance(29_999);
    const waited = h.offers();
    h.advance(1);

    expect(waited).toEqual(['busy→a2']);
    expect(h.of('contact.offered').at(-1)).toMatchObject({
      contactId: 'c1',
      agentId: 'a1',
      at: T0 + 30_000,
    });
  });
});

describe('a callback asked for while ringing', () => {
  it('is recorded on the contact, which keeps ringing', () => {
    const h = harness(simpleConfig(1));
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.advance(2_000);

    h.center.requestCallback('c1');

    const view = h.center.contact('c1')!;
    expect([view.state, view.record.callbackRequestedAt! - T0]).toEqual(['offered', 2_000]);
  });
});
