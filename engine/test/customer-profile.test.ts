import { describe, expect, it } from 'vitest';
import { harness, simpleConfig } from './harness.js';

describe("the customer's profile beside an offer", () => {
  it('names the customer and lists their earlier contacts, newest first', () => {
    const h = harness(simpleConfig(1, { wrapUpSec: 0 }));
    h.ready('a1');
    const customer = { name: 'Zoë Ångström', email: 'zoe@example.com' };
    for (const id of ['first', 'second']) {
      h.center.createContact({ channel: 'chat', queueId: 'q', id, customer });
      h.center.accept('a1', id);
      h.advance(60_000);
      h.center.end('a1', id);
    }

    h.center.createContact({
      channel: 'voice',
      queueId: 'q',
      id: 'third',
      customer: { email: 'zoe@example.com' },
    });
    const profile = h.center.customerProfile('third')!;

    expect(profile.customer).toMatchObject({ name: 'Zoë Ångström', email: 'zoe@example.com' });
    expect(profile.history.map((r) => r.id)).toEqual(['second', 'first']);
  });

  it('is null for an anonymous contact, and unknown ids are refused', () => {
    const h = harness(simpleConfig(1));
    h.center.createContact({ channel: 'chat', queueId: 'q', id: 'anon' });

    expect(h.center.customerProfile('anon')).toBeNull();
    expect(() => h.center.customerProfile('nope')).toThrow(
      expect.objectContaining({ code: 'unknown_contact' }),
    );
  });
});
