/** Chat over the live socket: order, acks, resume, limits, whispers and who may take part. */
import { describe, expect, it } from 'vitest';
import { TestSocket } from '../test/live-test-socket.js';
import { apiKit, type ApiKit } from './api-test-kit.js';

async function connectedChat(k: ApiKit) {
  k.ready('a1');
  const contact = await k.newContact();
  k.center.accept('a1', contact.contactId);
  const customer = await socketFor(k, contact.token);
  const agent = await socketFor(k, await k.login('agent1'));
  return { ...contact, customer, agent };
}

async function socketFor(k: ApiKit, token: string): Promise<TestSocket> {
  return new TestSocket(k.api, k.api.sessions.resolve(token)!, () => k.clock.now());
}

function texts(socket: TestSocket): string[] {
  return socket.of('chat.message').map((m) => `${m.seq} ${m.from}: ${m.text}`);
}

describe('chat over the live socket', () => {
  it('delivers messages both ways, in order, to both parties', async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedChat(k);

    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'Hello?' });
    agent.frame({ type: 'chat.send', contactId, clientId: 'a1', text: 'Hi, Ada here.' });
    customer.frame({ type: 'chat.send', contactId, clientId: 'c2', text: 'My invoice is wrong' });
    agent.frame({ type: 'chat.send', contactId, clientId: 'a2', text: 'Let me look.' });

    const expected = [
      '1 customer: Hello?',
      '2 agent: Hi, Ada here.',
      '3 customer: My invoice is wrong',
      '4 agent: Let me look.',
    ];
    expect(texts(customer)).toEqual(expected);
    expect(texts(agent)).toEqual(expected);
  });

  it('acknowledges each message to its sender with its id and seq', async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedChat(k);

    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'one' });
    customer.frame({ type: 'chat.send', contactId, clientId: 'c2', text: 'two' });

    const acks = customer.of('chat.ack');
    expect(acks.map((a) => [a.clientId, a.seq])).toEqual([
      ['c1', 1],
      ['c2', 2],
    ]);
    expect(acks.map((a) => a.messageId)).toEqual(
      customer.of('chat.message').map((m) => m.messageId),
    );
    expect(agent.of('chat.ack')).toEqual([]);
  });

  it('acknowledges and delivers a message only once a write-behind store has it', async () => {
    const k = await apiKit();
    k.ready('a1');
    const contact = await k.newContact();
    k.center.accept('a1', contact.contactId);
    const held: { resolve: () => void; reject: (err: Error) => void }[] = [];
    const flush = () => new Promise<void>((resolve, reject) => void held.push({ resolve, reject }));
    const now = () => k.clock.now();
    const customer = new TestSocket(k.api, k.api.sessions.resolve(contact.token)!, now, flush);
    const agent = await socketFor(k, await k.login('agent1'));
    const { contactId } = contact;

    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'stored?' });
    await Promise.resolve();
    expect(customer.of('chat.ack')).toEqual([]);
    expect(texts(agent)).toEqual([]);
    held[0]!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(customer.of('chat.ack').map((a) => a.clientId)).toEqual(['c1']);
    expect(texts(agent)).toEqual(['1 customer: stored?']);

    customer.frame({ type: 'chat.send', contactId, clientId: 'c2', text: 'lost' });
    held[1]!.reject(new Error('redis went away'));
    await new Promise((r) => setTimeout(r, 0));
    expect(customer.of('chat.ack').map((a) => a.clientId)).toEqual(['c1']);
    expect(customer.refusals().map((r) => [r.problem.code, r.frame.clientId])).toEqual([
      ['not_durable', 'c2'],
    ]);
  });

  it('stores a resent message once and acknowledges it again with the same id', async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedChat(k);

    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'once' });
    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'once' });

    const [first, second] = customer.of('chat.ack');
    expect(second).toEqual(first);
    expect(texts(agent)).toEqual(['1 customer: once']);
    expect(k.store.conversations.listChatMessages(contactId)).toHaveLength(1);
  });

  it('replays to a reconnecting client every message after the seq it names, in order', async () => {
    const k = await apiKit();
    const { contactId, token, customer, agent } = await connectedChat(k);
    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'before the drop' });
    customer.disconnect();

    agent.frame({ type: 'chat.send', contactId, clientId: 'a1', text: 'missed 1' });
    agent.frame({ type: 'chat.send', contactId, clientId: 'a2', text: 'missed 2' });
    const back = await socketFor(k, token);
    back.frame({ type: 'chat.resume', contactId, after: 1 });

    expect(texts(back)).toEqual(['2 agent: missed 1', '3 agent: missed 2']);
    expect(back.of('chat.resumed')).toEqual([{ kind: 'chat.resumed', contactId, lastSeq: 3 }]);
  });

  it('refuses a message over 4,000 characters with an error frame and delivers nothing', async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedChat(k);

    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'x'.repeat(4_001) });
    customer.frame({ type: 'chat.send', contactId, clientId: 'c2', text: 'y'.repeat(4_000) });

    const [error] = customer.of('error');
    expect(error?.problem.status).toBe(400);
    expect(error?.problem.issues?.map((i) => [i.path, i.code])).toEqual([
      ['frame.text', 'too_big'],
    ]);
    expect(agent.of('chat.message').map((m) => m.text.length)).toEqual([4_000]);
    expect(customer.closed).toBeNull();
  });

  it('keeps markup as the text it is', async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedChat(k);

    customer.frame({
      type: 'chat.send',
      contactId,
      clientId: 'c1',
      text: '<img src=x onerror=alert(1)>',
    });

    expect(agent.of('chat.message')[0]?.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses to send before an agent is connected', async () => {
    const k = await apiKit();
    const { contactId, token } = await k.newContact();
    const customer = await socketFor(k, token);

    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'anyone?' });

    expect(customer.of('error').map((e) => [e.problem.code, e.problem.status])).toEqual([
      ['chat_closed', 409],
    ]);
    expect(k.store.conversations.listChatMessages(contactId)).toEqual([]);
  });

  it('tells the other party, and only it, that someone is typing', async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedChat(k);

    customer.frame({ type: 'chat.typing', contactId });

    expect(agent.of('chat.typing')).toEqual([{ kind: 'chat.typing', contactId, from: 'customer' }]);
    expect(customer.of('chat.typing')).toEqual([]);
    expect(k.store.conversations.listChatMessages(contactId)).toEqual([]);
  });
});

describe('a supervisor on a chat', () => {
  it('receives the messages of a chat it opened, from the start', async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedChat(k);
    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'first' });
    const sup = await socketFor(k, await k.login('sup'));

    sup.frame({ type: 'chat.resume', contactId, after: 0 });
    agent.frame({ type: 'chat.send', contactId, clientId: 'a1', text: 'second' });

    expect(texts(sup)).toEqual(['1 customer: first', '2 agent: second']);
  });

  it('whispers to the agent and watching staff, never to the customer', async () => {
    const k = await apiKit();
    const { contactId, token, customer, agent } = await connectedChat(k);
    const sup = await socketFor(k, await k.login('sup'));
    const admin = await socketFor(k, await k.login('admin'));

    sup.frame({ type: 'chat.send', contactId, clientId: 's1', text: 'Offer the refund.' });

    expect(texts(agent)).toEqual(['1 supervisor-whisper: Offer the refund.']);
    expect(texts(sup)).toEqual(['1 supervisor-whisper: Offer the refund.']);
    expect(texts(customer)).toEqual([]);
    expect(texts(admin)).toEqual([]);
    const again = await socketFor(k, token);
    again.frame({ type: 'chat.resume', contactId, after: 0 });
    expect(texts(again)).toEqual([]);
  });

  it('stops receiving a chat it left', async () => {
    const k = await apiKit();
    const { contactId, agent } = await connectedChat(k);
    const sup = await socketFor(k, await k.login('sup'));
    sup.frame({ type: 'chat.resume', contactId, after: 0 });

    sup.frame({ type: 'chat.leave', contactId });
    agent.frame({ type: 'chat.send', contactId, clientId: 'a1', text: 'private' });

    expect(texts(sup)).toEqual([]);
  });
});

describe('a third party', () => {
  it("cannot read or write another customer's chat, and nothing reaches anyone", async () => {
    const k = await apiKit();
    const { contactId, customer, agent } = await connectedChat(k);
    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'my account number' });
    const other = await k.newContact({ customer: { name: 'Mallory', email: 'm@example.com' } });
    const intruder = await socketFor(k, other.token);
    const before = [customer.messages.length, agent.messages.length];

    intruder.frame({ type: 'chat.resume', contactId, after: 0 });
    intruder.frame({ type: 'chat.send', contactId, clientId: 'x1', text: 'pay me' });
    intruder.frame({ type: 'chat.typing', contactId });

    expect(intruder.refusals().map((e) => [e.frame.type, e.problem.status])).toEqual([
      ['chat.resume', 403],
      ['chat.send', 403],
      ['chat.typing', 403],
    ]);
    expect(intruder.of('chat.message')).toEqual([]);
    expect([customer.messages.length, agent.messages.length]).toEqual(before);
    expect(k.store.conversations.listChatMessages(contactId)).toHaveLength(1);
  });

  it('cannot, as another agent, read or write a chat it is not on', async () => {
    const k = await apiKit();
    const { contactId, customer } = await connectedChat(k);
    customer.frame({ type: 'chat.send', contactId, clientId: 'c1', text: 'secret' });
    const bo = await socketFor(k, await k.login('agent2'));

    bo.frame({ type: 'chat.resume', contactId, after: 0 });
    bo.frame({ type: 'chat.send', contactId, clientId: 'b1', text: 'hello' });

    expect(bo.of('error').map((e) => e.problem.status)).toEqual([403, 403]);
    expect(bo.of('chat.message')).toEqual([]);
    expect(texts(customer)).toEqual(['1 customer: secret']);
  });
});
