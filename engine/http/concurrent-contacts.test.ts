/** Simultaneous contacts never both go to one agent with room for one. */
import { describe, expect, it } from 'vitest';
import { apiKit } from './api-test-kit.js';

describe('contacts created at the same moment', () => {
  it('offers one to the single ready agent and queues the other, every time', async () => {
    const k = await apiKit();
    const body = { channel: 'voice', queueId: 'billing', customer: { name: 'Same Time' } };
    const outcomes: string[] = [];

    for (let round = 0; round < 10; round++) {
      k.ready('a1');
      const pair = await Promise.all([
        k.call('POST', '/api/contacts', { body }),
        k.call('POST', '/api/contacts', { body }),
      ]);
      outcomes.push(
        pair
          .map((r) => r.body.state)
          .sort()
          .join('+'),
      );
      for (const r of pair) k.center.abandon(r.body.contactId);
    }

    expect(new Set(outcomes)).toEqual(new Set(['offered+queued']));
    expect(k.of('contact.offered').every((e) => e.agentId === 'a1')).toBe(true);
  });
});
