/** WebRTC signalling over the live socket: only between a voice contact's two parties. */
import { describe, expect, it } from 'vitest';
import { TestSocket } from '../test/live-test-socket.js';
import { apiKit, type ApiKit } from './api-test-kit.js';

const offer = { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };
const candidate = {
  candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
  sdpMid: '0',
  sdpMLineIndex: 0,
};

async function socketFor(k: ApiKit, token: string): Promise<TestSocket> {
  return new TestSocket(k.api, k.api.sessions.resolve(token)!, () => k.clock.now());
}

async function connectedCall(k: ApiKit, channel = 'voice') {
  k.ready('a1');
  const contact = await k.newContact({ channel });
  k.center.accept('a1', contact.contactId);
  const customer = await socketFor(k, contact.token);
  const agent = await socketFor(k, await k.login('agent1'));
  return { ...contact, customer, agent };
}

describe('signalling a browser call', () => {
  it('passes the offer, the answer and candidates between the two parties only', async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedCall(k);
    const sup = await socketFor(k, await k.login('sup'));

    agent.frame({ type: 'rtc.offer', contactId, payload: offer });
    customer.frame({ type: 'rtc.answer', contactId, payload: { ...offer, type: 'answer' } });
    customer.frame({ type: 'rtc.ice', contactId, payload: candidate });
    agent.frame({ type: 'rtc.ice', contactId, payload: null });

    expect(customer.of('rtc.signal').map((m) => [m.from, m.signal])).toEqual([
      ['agent', 'offer'],
      ['agent', 'ice'],
    ]);
    expect(agent.of('rtc.signal').map((m) => [m.from, m.signal])).toEqual([
      ['customer', 'answer'],
      ['customer', 'ice'],
    ]);
    expect(customer.of('rtc.signal')[0]?.payload).toEqual(offer);
    expect(sup.of('rtc.signal')).toEqual([]);
  });

  it('refuses another customer and another agent, and delivers nothing of theirs', async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedCall(k);
    const other = await k.newContact({ channel: 'voice', customer: { name: 'Eve' } });
    const eve = await socketFor(k, other.token);
    const bo = await socketFor(k, await k.login('agent2'));

    eve.frame({ type: 'rtc.offer', contactId, payload: offer });
    bo.frame({ type: 'rtc.ice', contactId, payload: candidate });
    bo.frame({ type: 'rtc.media', contactId, event: 'hangup' });

    expect(eve.refusals().map((e) => [e.frame.type, e.problem.status])).toEqual([
      ['rtc.offer', 403],
    ]);
    expect(bo.refusals().map((e) => [e.frame.type, e.problem.status])).toEqual([
      ['rtc.ice', 403],
      ['rtc.media', 403],
    ]);
    expect(customer.of('rtc.signal')).toEqual([]);
    expect(agent.of('rtc.signal')).toEqual([]);
    expect(agent.of('rtc.media')).toEqual([]);
    expect(k.store.conversations.getMedia(contactId)).toBeNull();
  });

  it('refuses signalling on a chat contact and before the agent is connected', async () => {
    const k = await apiKit();
    const chat = await connectedCall(k, 'chat');
    const waiting = await k.newContact({ channel: 'voice' });
    const waiter = await socketFor(k, waiting.token);

    chat.customer.frame({ type: 'rtc.offer', contactId: chat.contactId, payload: offer });
    waiter.frame({ type: 'rtc.offer', contactId: waiting.contactId, payload: offer });

    expect(chat.customer.of('error').map((e) => e.problem.code)).toEqual(['not_a_call']);
    expect(waiter.of('error').map((e) => e.problem.code)).toEqual(['chat_closed']);
    expect(chat.agent.of('rtc.signal')).toEqual([]);
  });

  it('records when the call connected, each mute and who hung up, and tells the other side', async () => {
    const k = await apiKit();
    const { contactId, token, customer, agent } = await connectedCall(k);
    const start = k.clock.now();

    customer.frame({ type: 'rtc.media', contactId, event: 'connected' });
    k.advance(5_000);
    agent.frame({ type: 'rtc.media', contactId, event: 'connected' });
    customer.frame({ type: 'rtc.media', contactId, event: 'muted' });
    k.advance(60_000);
    customer.frame({ type: 'rtc.media', contactId, event: 'hangup' });

    expect(agent.of('rtc.media').map((m) => m.event)).toEqual(['connected', 'muted', 'hangup']);
    const res = await k.call('GET', `/api/contacts/${contactId}/transcript`, { token });
    expect(res.status).toBe(200);
    expect(res.body.media).toEqual({
      contactId,
      connectedAt: start,
      endedAt: start + 65_000,
      endedBy: 'customer',
      mutes: [{ by: 'customer', muted: true, at: start + 5_000 }],
    });
  });

  it('ends a call nobody hung up when the agent ends the contact', async () => {
    const k = await apiKit();
    const { contactId, customer } = await connectedCall(k);
    customer.frame({ type: 'rtc.media', contactId, event: 'connected' });
    k.advance(30_000);

    k.center.end('a1', contactId);

    expect(k.store.conversations.getMedia(contactId)?.endedAt).toBe(k.clock.now());
  });
});
