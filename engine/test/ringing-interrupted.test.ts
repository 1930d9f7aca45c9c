import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import { harness, simpleConfig, T0 } from './harness.js';

describe('rule 4: an agent who leaves while ringing', () => {
  it('has the offer withdrawn without a strike, and the next agent is offered in the same step', () => {
    const h = harness(simpleConfig(2));
    h.ready('a1');
    h.advance(1_000);
    h.ready('a2');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });

    h.center.notReady('a1', 'break');

    expect(h.of('contact.offer_ended').map((e) => [e.agentId, e.outcome])).toEqual([
      ['a1', 'withdrawn'],
    ]);
    expect(h.of('contact.offered').map((e) => [e.agentId, e.at - T0])).toEqual([
      ['a1', 1_000],
      ['a2', 1_000],
    ]);
    const a1 = h.center.agentStatus('a1');
    expect([a1.state, a1.reason, a1.missedOffers]).toEqual(['notReady', 'break', 0]);
  });

  it('withdraws the offer and requeues the contact at the head when the agent logs out', () => {
    const h = harness(simpleConfig(1));
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.advance(1_000);
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c2' });

    h.center.logout('a1');

    expect(h.center.agentStatus('a1').state).toBe('loggedOut');
    expect(h.center.queueContents('q').map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(h.center.contact('c1')!.record.offers.map((o) => o.outcome)).toEqual(['withdrawn']);
  });
});

describe('rule 5: a customer who hangs up while ringing', () => {
  it('cancels the offer, frees the agent without wrap-up and abandons the contact', () => {
    const h = harness(simpleConfig(1, { wrapUpSec: 30 }));
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.advance(4_000);

    h.center.abandon('c1');

    const closed = h.of('contact.closed')[0]!.record;
    expect([closed.outcome, closed.abandonedAt! - T0, closed.offers[0]!.outcome]).toEqual([
      'abandoned',
      4_000,
      'cancelled',
    ]);
    expect(h.center.agentStatus('a1').state).toBe('ready');
  });

  it('refuses an accept that arrives after the hang-up with contact_gone and changes nothing', () => {
    const h = harness(simpleConfig(1));
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.center.abandon('c1');
    const before = h.events.length;

    const accept = () => h.center.accept('a1', 'c1');

    expect(accept).toThrow(EngineError);
    expect(accept).toThrow(expect.objectContaining({ code: 'contact_gone' }));
    expect(h.events.length).toBe(before);
    expect(h.center.agentStatus('a1').state).toBe('ready');
  });
});

describe('rule 6: reservations', () => {
  it('never reserves one agent for two contacts arriving in the same millisecond', () => {
    const h = harness(simpleConfig(1));
    h.ready('a1');

    const first = h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    const second = h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c2' });

    expect([first.kind, second.kind]).toEqual(['offered', 'queued']);
  });

  it('fills a chat agent up to its capacity and no further', () => {
    const config = simpleConfig(1);
    config.agents![0]!.capacity = 2;
    const h = harness(config);
    h.ready('a1');

    const kinds = ['c1', 'c2', 'c3'].map(
      (id) => h.center.createContact({ channel: 'chat', queueId: 'q', id }).kind,
    );

    expect(kinds).toEqual(['offered', 'offered', 'queued']);
  });

  it('gives a voice contact only to an agent with no other work', () => {
    const config = simpleConfig(1);
    config.agents![0]!.capacity = 3;
    const h = harness(config);
    h.ready('a1');
    h.center.createContact({ channel: 'chat', queueId: 'q', id: 'chat1' });

    const voice = h.center.createContact({ channel: 'voice', queueId: 'q', id: 'voice1' });
    const chat2 = h.center.createContact({ channel: 'chat', queueId: 'q', id: 'chat2' });

    expect([voice.kind, chat2.kind]).toEqual(['queued', 'offered']);
  });
});

describe('a customer who hangs up', () => {
  it('abandons while waiting, and ends a connected contact into the agent’s wrap-up', () => {
    const h = harness(simpleConfig(1, { wrapUpSec: 15 }));
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'talking' });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'waiting' });
    h.center.accept('a1', 'talking');
    h.advance(30_000);

    h.center.hangUp('waiting');
    h.center.hangUp('talking');
    h.advance(15_000);

    const records = Object.fromEntries(h.of('contact.closed').map((e) => [e.contactId, e.record]));
    expect(records.waiting!.outcome).toBe('abandoned');
    const talked = records.talking!;
    expect([talked.outcome, talked.endedAt! - T0, talked.wrapUpEndedAt! - T0]).toEqual(['completed', 30_000, 45_000]);
    expect(() => h.center.hangUp('talking')).toThrow(expect.objectContaining({ code: 'contact_gone' }));
  });
});
