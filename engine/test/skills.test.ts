import { describe, expect, it } from 'vitest';
import type { CenterConfigInput } from '../config.js';
import { span } from '../records.js';
import { harness, simpleConfig, T0 } from './harness.js';

const config: CenterConfigInput = {
  skills: ['general', 'fr', 'de'],
  queues: [{ id: 'q', skills: [{ skill: 'general' }] }],
  agents: [
    { id: 'a1', name: 'Ann', skills: { general: 3 } },
    { id: 'a2', name: 'Luc', skills: { general: 3, fr: 4 } },
  ],
};

describe('rule 12: skills nobody has', () => {
  it('refuses a contact needing a skill no agent has, with unknown_skill', () => {
    const h = harness(config);
    h.ready('a1', 'a2');

    const outcome = h.center.createContact({ channel: 'chat', queueId: 'q', language: 'de' });

    expect(outcome).toEqual({
      kind: 'rejected',
      reason: 'unknown_skill',
      detail: 'no agent has skill de',
    });
    expect(h.events.filter((e) => e.type.startsWith('contact.'))).toEqual([]);
  });

  it('accepts a contact whose skill no logged-in agent has, flagged as having no eligible agent', () => {
    const h = harness(config);
    h.ready('a1');

    const outcome = h.center.createContact({
      channel: 'chat',
      queueId: 'q',
      language: 'fr',
      id: 'c1',
    });
    h.ready('a2');

    expect(outcome).toEqual({
      kind: 'queued',
      contactId: 'c1',
      queueId: 'q',
      noEligibleAgent: true,
    });
    expect(h.of('contact.created')[0]!.noEligibleAgent).toBe(true);
    expect(h.offers()).toEqual(['c1→a2']);
  });

  it('refuses a contact for a queue that does not exist, with unknown_queue', () => {
    const h = harness(config);

    const outcome = h.center.createContact({ channel: 'chat', queueId: 'nope' });

    expect(outcome.kind === 'rejected' && outcome.reason).toBe('unknown_queue');
  });
});

describe('rule 13: durations', () => {
  it('gives zeros, never negative or NaN, for a contact ended in the millisecond it was created', () => {
    const h = harness(simpleConfig(1, { wrapUpSec: 0 }));
    h.ready('a1');

    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.center.accept('a1', 'c1');
    h.center.end('a1', 'c1');

    const r = h.of('contact.closed')[0]!.record;
    const durations = [
      span(r.queuedAt, r.answeredAt),
      span(r.answeredAt, r.endedAt) - r.holdMs,
      span(r.endedAt, r.wrapUpEndedAt),
      span(r.abandonedAt, null),
    ];
    expect(durations).toEqual([0, 0, 0, 0]);
    expect([r.createdAt, r.answeredAt, r.endedAt, r.wrapUpEndedAt]).toEqual([T0, T0, T0, T0]);
  });
});
