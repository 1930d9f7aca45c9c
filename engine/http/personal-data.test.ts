/**
 * Customers' personal data: who sees it, that logs never carry it (nor
 * passwords or tokens), and an admin's export and erasure of it.
 */
import { describe, expect, it } from 'vitest';
import { TestSocket } from '../test/live-test-socket.js';
import { apiKit, password, type ApiKit } from './api-test-kit.js';

const ana = { name: 'Ana Secretname', email: 'ana.secret@example.com', phone: '+33 6 12 34 56' };

/** Ana's contact c, handled by a1 and wrapped up with a note; then a second one, waiting. */
async function anaWithHistory(k: ApiKit) {
  k.ready('a1');
  const first = await k.newContact({ customer: ana });
  k.center.accept('a1', first.contactId);
  k.center.end('a1', first.contactId);
  k.center.finishWrapUp('a1', first.contactId, 'Ana asked about invoice 42');
  const second = await k.newContact({ customer: ana });
  const customerId = k.store.getContact(first.contactId)!.customerId!;
  return { first, second, customerId };
}

describe("who sees a customer's details", () => {
  it('the agent it rings for and staff see them; another agent and the customer do not', async () => {
    const k = await apiKit();
    k.ready('a1');
    const { contactId, token } = await k.newContact({ customer: ana });
    const read = async (who: string) =>
      (await k.call('GET', `/api/contacts/${contactId}`, { token: await k.login(who) })).body;

    const agent1 = await read('agent1');
    const sup = await read('sup');
    const agent2 = await k.call('GET', `/api/contacts/${contactId}`, {
      token: await k.login('agent2'),
    });
    const own = await k.call('GET', `/api/contacts/${contactId}`, { token });
    const otherDesk = await k.call('GET', '/api/agent/me', { token: await k.login('agent2') });

    expect(agent1.customer.name).toBe(ana.name);
    expect(sup.customer.email).toBe(ana.email);
    expect(agent2.status).toBe(403);
    expect(own.body.customer).toBeNull();
    expect(JSON.stringify(otherDesk.body)).not.toContain('Secretname');
  });

  it("keeps them out of a customer's live events", async () => {
    const k = await apiKit();
    k.ready('a1');
    const { token } = await k.newContact({ customer: ana });
    const client = { principal: k.api.sessions.resolve(token)!, sent: [] as string[] };

    k.api.hub.attach(
      {
        principal: client.principal,
        send: (text) => client.sent.push(text),
        bufferedAmount: () => 0,
        close: () => {},
      },
      null,
    );

    expect(client.sent.join('')).not.toMatch(/Secretname|ana\.secret|a1/);
  });
});

describe('the logs', () => {
  it('never carry a password, a token, a customer detail or a message during sign-in and contact creation', async () => {
    const k = await apiKit();

    const signedIn = await k.call('POST', '/api/login', { body: { username: 'sup', password } });
    await k.call('POST', '/api/login', { body: { username: 'sup', password: 'Hunter2-wrong' } });
    const created = await k.newContact({ customer: ana });
    await k.call('POST', '/api/contacts', {
      body: { channel: 'chat', queueId: 'nowhere', customer: { name: 'Bad\u0000Name' } },
    });
    await k.call('GET', `/api/contacts/${created.contactId}`, { token: created.token });
    await k.call('GET', `/api/ws?token=${created.token}`);
    await k.call('POST', '/api/agent/not-ready', {
      token: await k.login('agent1'),
      body: { reason: 'personal appointment' },
    });

    const logged = JSON.stringify(k.logs);
    expect(k.logs.length).toBeGreaterThan(5);
    for (const secret of [
      password,
      'Hunter2-wrong',
      signedIn.body.token,
      created.token,
      ana.name,
      ana.email,
      ana.phone,
      'Bad',
      'personal appointment',
    ])
      expect(logged).not.toContain(secret);
  });
});

describe("an admin's export of a customer", () => {
  it('returns the profile and every finished contact, and is audited by id only', async () => {
    const k = await apiKit();
    const { first, customerId } = await anaWithHistory(k);

    const res = await k.call('GET', `/api/admin/customers/${customerId}/export`, {
      token: await k.login('admin'),
    });

    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({ id: customerId, ...ana });
    expect(res.body.contacts.map((r: { id: string }) => r.id)).toEqual([first.contactId]);
    expect(res.body.contacts[0].disposition).toBe('Ana asked about invoice 42');
    expect(k.store.listAudit({})[0]).toMatchObject({
      action: 'customer.export',
      target: customerId,
      details: { contacts: 1 },
    });
  });

  it("includes the customer's chats, and erasure drops them", async () => {
    const k = await apiKit();
    k.ready('a1');
    const { contactId, token } = await k.newContact({ customer: ana });
    k.center.accept('a1', contactId);
    const customer = new TestSocket(k.api, k.api.sessions.resolve(token)!, () => k.clock.now());
    customer.frame({ type: 'chat.send', contactId, clientId: 'm1', text: 'my card ends 4242' });
    k.center.end('a1', contactId);
    k.center.finishWrapUp('a1', contactId, null);
    const customerId = k.store.getContact(contactId)!.customerId!;
    const admin = await k.login('admin');

    const exported = await k.call('GET', `/api/admin/customers/${customerId}/export`, {
      token: admin,
    });
    await k.call('DELETE', `/api/admin/customers/${customerId}`, { token: admin });

    expect(exported.body.transcripts).toEqual([
      {
        contactId,
        messages: [expect.objectContaining({ from: 'customer', text: 'my card ends 4242' })],
      },
    ]);
    expect(k.store.conversations.listChatMessages(contactId)).toEqual([]);
  });

  it('answers 404 for an unknown customer', async () => {
    const k = await apiKit();

    const res = await k.call('GET', '/api/admin/customers/cu404/export', {
      token: await k.login('admin'),
    });

    expect([res.status, res.body.code]).toEqual([404, 'unknown_customer']);
  });
});

describe("an admin's erasure of a customer", () => {
  it('empties the profile; records keep their times and outcome but lose the link and notes', async () => {
    const k = await apiKit();
    const { first, customerId } = await anaWithHistory(k);
    const before = k.store.getContact(first.contactId)!;
    const admin = await k.login('admin');

    const res = await k.call('DELETE', `/api/admin/customers/${customerId}`, { token: admin });

    expect(res.body).toEqual({ customerId, contactsScrubbed: 1, erasedAt: k.clock.now() });
    expect(k.store.getCustomer(customerId)).toBeNull();
    expect(k.store.getContact(first.contactId)).toEqual({
      ...before,
      customerId: null,
      disposition: null,
    });
    expect(JSON.stringify(k.store.snapshot())).not.toMatch(/Secretname|ana\.secret|invoice 42/);
    expect(
      (await k.call('GET', `/api/admin/customers/${customerId}/export`, { token: admin })).status,
    ).toBe(404);
  });

  it('keeps the statistics exactly as they were', async () => {
    const k = await apiKit();
    const { customerId } = await anaWithHistory(k);
    const sup = await k.login('sup');
    const before = (await k.call('GET', '/api/stats/intervals', { token: sup })).body;

    await k.call('DELETE', `/api/admin/customers/${customerId}`, { token: await k.login('admin') });
    const after = (await k.call('GET', '/api/stats/intervals', { token: sup })).body;

    expect(after).toEqual(before);
  });

  it('also strips a contact that was still open when it closes', async () => {
    const k = await apiKit();
    const { second, customerId } = await anaWithHistory(k);

    await k.call('DELETE', `/api/admin/customers/${customerId}`, { token: await k.login('admin') });
    k.center.accept('a1', second.contactId);
    k.center.end('a1', second.contactId);
    k.center.finishWrapUp('a1', second.contactId, 'Ana again');

    expect(k.store.getContact(second.contactId)).toMatchObject({
      customerId: null,
      disposition: null,
      outcome: 'completed',
    });
  });

  it('is refused to supervisors and answers 404 the second time', async () => {
    const k = await apiKit();
    const { customerId } = await anaWithHistory(k);
    const admin = await k.login('admin');

    const bySup = await k.call('DELETE', `/api/admin/customers/${customerId}`, {
      token: await k.login('sup'),
    });
    const once = await k.call('DELETE', `/api/admin/customers/${customerId}`, { token: admin });
    const twice = await k.call('DELETE', `/api/admin/customers/${customerId}`, { token: admin });

    expect([bySup.status, once.status, twice.status]).toEqual([403, 200, 404]);
  });
});
