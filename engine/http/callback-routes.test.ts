/** Calling back: reached, no answer, and the retries a missed callback gets. */
import { describe, expect, it } from 'vitest';
import { apiKit } from './api-test-kit.js';

const retryMs = 15 * 60_000;

async function callbackInHand() {
  const k = await apiKit();
  k.ready('a1');
  const { contactId } = await k.newContact({
    channel: 'callback',
    customer: { name: 'Zoe', phone: '+33 1 23 45 67 89' },
  });
  k.center.accept('a1', contactId);
  return { k, contactId, agent: await k.login('agent1') };
}

describe('calling a customer back', () => {
  it('records the dial and the customer reached', async () => {
    const { k, contactId, agent } = await callbackInHand();
    const t0 = k.clock.now();

    await k.call('POST', `/api/agent/contacts/${contactId}/callback/dialing`, { token: agent });
    k.advance(8_000);
    const res = await k.call('POST', `/api/agent/contacts/${contactId}/callback/reached`, {
      token: agent,
    });

    expect(res.status).toBe(200);
    expect(res.body.attempt).toMatchObject({
      attempt: 1,
      dialedAt: t0,
      outcome: 'reached',
      outcomeAt: t0 + 8_000,
    });
    expect(res.body.desk.workload.active.map((c: { contactId: string }) => c.contactId)).toEqual([
      contactId,
    ]);
  });

  it('ends an unanswered callback as no_answer and queues a retry after the delay', async () => {
    const { k, contactId, agent } = await callbackInHand();

    await k.call('POST', `/api/agent/contacts/${contactId}/callback/no-answer`, { token: agent });
    const queuedEarly = [...k.center.liveContacts()].length;
    k.advance(retryMs);

    expect(k.store.getContact(contactId)?.disposition).toBe('no_answer');
    expect(queuedEarly).toBe(0);
    const [retry] = [...k.center.liveContacts()];
    expect(retry?.record).toMatchObject({ channel: 'callback', queueId: 'billing' });
    expect(retry?.record.customerId).toBe(k.store.getContact(contactId)?.customerId);
    const chain = await k.call('GET', `/api/contacts/${retry!.id}/transcript`, { token: agent });
    expect(
      chain.body.callbacks.map((a: { contactId: string; retryOf: string | null }) => [
        a.contactId,
        a.retryOf,
      ]),
    ).toEqual([
      [contactId, null],
      [retry!.id, contactId],
    ]);
  });

  it('stops retrying once the retries are spent', async () => {
    const { k, contactId, agent } = await callbackInHand();
    let current = contactId;

    for (let attempt = 1; attempt <= 3; attempt++) {
      await k.call('POST', `/api/agent/contacts/${current}/callback/no-answer`, { token: agent });
      k.advance(retryMs);
      const next = [...k.center.liveContacts()][0];
      if (!next) break;
      k.center.accept('a1', next.id);
      current = next.id;
    }

    const tries = k.api.conversations.callbacks.chain(contactId);
    expect(tries.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'no_answer'],
      [2, 'no_answer'],
      [3, 'no_answer'],
    ]);
    expect([...k.center.liveContacts()]).toEqual([]);
  });

  it('refuses a callback step on a chat, and from an agent not on the contact', async () => {
    const { k, contactId } = await callbackInHand();
    const chat = await k.newContact();

    const bo = await k.call('POST', `/api/agent/contacts/${contactId}/callback/no-answer`, {
      token: await k.login('agent2'),
    });
    k.ready('a2');
    k.center.accept('a2', chat.contactId);
    const onChat = await k.call('POST', `/api/agent/contacts/${chat.contactId}/callback/dialing`, {
      token: await k.login('agent2'),
    });

    expect(bo.status).toBe(403);
    expect(onChat.status).toBe(409);
    expect(k.center.contact(contactId)?.state).toBe('connected');
  });
});
