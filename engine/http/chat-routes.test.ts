/** The transcript over HTTP and the browser-call configuration. */
import { describe, expect, it } from 'vitest';
import { TestSocket } from '../test/live-test-socket.js';
import { apiKit, type ApiKit } from './api-test-kit.js';

async function chatWithWhisper(k: ApiKit) {
  k.ready('a1');
  const contact = await k.newContact();
  k.center.accept('a1', contact.contactId);
  const socket = (token: string) =>
    new TestSocket(k.api, k.api.sessions.resolve(token)!, () => k.clock.now());
  const { contactId } = contact;
  socket(contact.token).frame({ type: 'chat.send', contactId, clientId: 'c', text: 'hi' });
  socket(await k.login('agent1')).frame({
    type: 'chat.send',
    contactId,
    clientId: 'a',
    text: 'hello',
  });
  socket(await k.login('sup')).frame({ type: 'chat.send', contactId, clientId: 's', text: 'psst' });
  return contact;
}

describe('GET /api/contacts/:id/transcript', () => {
  it('gives the customer its chat without whispers, and the agent all of it', async () => {
    const k = await apiKit();
    const { contactId, token } = await chatWithWhisper(k);

    const mine = await k.call('GET', `/api/contacts/${contactId}/transcript`, { token });
    const agents = await k.call('GET', `/api/contacts/${contactId}/transcript`, {
      token: await k.login('agent1'),
    });

    expect(mine.body.messages.map((m: { text: string }) => m.text)).toEqual(['hi', 'hello']);
    expect(agents.body.messages.map((m: { from: string }) => m.from)).toEqual([
      'customer',
      'agent',
      'supervisor-whisper',
    ]);
  });

  it('refuses another customer and an agent who was never on it', async () => {
    const k = await apiKit();
    const { contactId } = await chatWithWhisper(k);
    const other = await k.newContact({ customer: { name: 'Eve' } });

    const eve = await k.call('GET', `/api/contacts/${contactId}/transcript`, {
      token: other.token,
    });
    const cy = await k.call('GET', `/api/contacts/${contactId}/transcript`, {
      token: await k.login('agent3'),
    });

    expect([eve.status, cy.status]).toEqual([403, 403]);
    expect(JSON.stringify([eve.body, cy.body])).not.toContain('hello');
  });

  it("lets the agent with a customer's next contact read the earlier chat", async () => {
    const k = await apiKit();
    const first = await chatWithWhisper(k);
    k.center.end('a1', first.contactId);
    k.center.finishWrapUp('a1', first.contactId, null);
    const bo = await k.login('agent2');
    const before = await k.call('GET', `/api/contacts/${first.contactId}/transcript`, {
      token: bo,
    });
    k.center.logout('a1');
    k.ready('a2');

    const next = await k.newContact();
    k.center.accept('a2', next.contactId);
    const after = await k.call('GET', `/api/contacts/${first.contactId}/transcript`, { token: bo });

    expect(before.status).toBe(403);
    expect(after.status).toBe(200);
    expect(after.body.messages).toHaveLength(3);
  });
});

describe('GET /api/rtc/config', () => {
  it('gives signed-in callers the configured ICE servers', async () => {
    const k = await apiKit();
    const { token } = await k.newContact();

    const res = await k.call('GET', '/api/rtc/config', { token });
    const anonymous = await k.call('GET', '/api/rtc/config');

    expect(res.body).toEqual({ iceServers: [] });
    expect(anonymous.status).toBe(401);
  });
});
