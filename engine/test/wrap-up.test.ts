import { describe, expect, it } from 'vitest';
import type { CenterConfigInput } from '../config.js';
import { harness, T0 } from './harness.js';

const twoQueues: CenterConfigInput = {
  skills: ['general'],
  queues: [
    { id: 'long', skills: [{ skill: 'general' }], wrapUpSec: 30 },
    { id: 'short', skills: [{ skill: 'general' }], wrapUpSec: 5 },
  ],
  agents: [{ id: 'a1', name: 'Ann', skills: { general: 3 } }],
};

describe('rule 8: wrap-up', () => {
  it("uses the contact's queue setting and holds the agent for every queue", () => {
    const h = harness(twoQueues);
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'long', id: 'c1' });
    h.center.accept('a1', 'c1');
    h.advance(10_000);
    h.center.end('a1', 'c1');
    h.center.createContact({ channel: 'voice', queueId: 'short', id: 'c2' });

    h.advance(29_999);
    const during = h.center.agentStatus('a1').state;
    h.advance(1);

    expect(during).toBe('wrapUp');
    expect(h.of('contact.offered').map((e) => [e.contactId, e.at - T0])).toEqual([
      ['c1', 0],
      ['c2', 40_000],
    ]);
    expect(h.of('contact.closed')[0]!.record.wrapUpEndedAt! - T0).toBe(40_000);
  });

  it('closes the record with the wrap-up so far when the agent logs out, and the timer never makes it ready', () => {
    const h = harness(twoQueues);
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'long', id: 'c1' });
    h.center.accept('a1', 'c1');
    h.center.end('a1', 'c1');
    h.advance(12_000);

    h.center.logout('a1');
    h.advance(60_000);

    const record = h.of('contact.closed')[0]!.record;
    expect([record.outcome, record.wrapUpEndedAt! - record.endedAt!]).toEqual([
      'completed',
      12_000,
    ]);
    expect(h.center.agentStatus('a1').state).toBe('loggedOut');
    expect(h.of('agent.state').at(-1)!.state).toBe('loggedOut');
  });

  it('ends early with a disposition code when the agent finishes', () => {
    const h = harness(twoQueues);
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'long', id: 'c1' });
    h.center.accept('a1', 'c1');
    h.center.end('a1', 'c1');
    h.advance(3_000);

    h.center.finishWrapUp('a1', 'c1', 'resolved');

    const record = h.of('contact.closed')[0]!.record;
    expect([record.disposition, record.wrapUpEndedAt! - T0]).toEqual(['resolved', 3_000]);
    expect(h.center.agentStatus('a1').state).toBe('ready');
  });
});

describe('pending presence requests', () => {
  it('applies a not-ready requested while busy when the work ends; the last request wins', () => {
    const h = harness(twoQueues);
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'short', id: 'c1' });
    h.center.accept('a1', 'c1');

    h.center.notReady('a1', 'lunch');
    const pending = h.center.agentStatus('a1').pending;
    h.center.notReady('a1', 'meeting');
    h.center.end('a1', 'c1');
    h.advance(5_000);

    expect(pending).toEqual({ state: 'notReady', reason: 'lunch' });
    const status = h.center.agentStatus('a1');
    expect([status.state, status.reason, status.stateSince - T0]).toEqual([
      'notReady',
      'meeting',
      5_000,
    ]);
  });

  it('logs out after the last contact and its wrap-up when logout was asked while busy', () => {
    const h = harness(twoQueues);
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'short', id: 'c1' });
    h.center.accept('a1', 'c1');

    h.center.logout('a1');
    const during = h.center.agentStatus('a1').state;
    h.center.end('a1', 'c1');
    const wrapping = h.center.agentStatus('a1').state;
    h.advance(5_000);

    expect([during, wrapping]).toEqual(['busy', 'wrapUp']);
    expect(h.center.agentStatus('a1').state).toBe('loggedOut');
  });
});
