import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

describe('rule 7: never stall', () => {
  it('serves a later contact when no ready agent is eligible for the head', () => {
    const h = harness({
      skills: ['general', 'fr'],
      queues: [{ id: 'q', skills: [{ skill: 'general' }] }],
      agents: [
        { id: 'a1', name: 'Ann', skills: { general: 3 } },
        { id: 'a2', name: 'Luc', skills: { general: 3, fr: 4 } },
      ],
    });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'french', language: 'fr' });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'any' });

    h.ready('a1');

    expect(h.offers()).toEqual(['any→a1']);
    expect(h.center.queueContents('q').map((c) => c.id)).toEqual(['french']);
  });

  it('offers in the same step an agent becomes ready, without time passing', () => {
    const h = harness({
      skills: ['general'],
      queues: [{ id: 'q', skills: [{ skill: 'general' }] }],
      agents: [{ id: 'a1', name: 'Ann', skills: { general: 3 } }],
    });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.center.login('a1');

    h.center.ready('a1');

    expect(h.center.agentStatus('a1').state).toBe('ringing');
    expect(h.of('contact.offered')[0]!.at).toBe(h.clock.now());
  });
});
