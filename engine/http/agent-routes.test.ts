/** The agent desk routes: presence, contact actions and what an agent may read. */
import { describe, expect, it } from 'vitest';
import { apiKit, type ApiKit } from './api-test-kit.js';

async function readyAgent1(k: ApiKit): Promise<string> {
  const token = await k.login('agent1');
  await k.call('POST', '/api/agent/login', { token });
  await k.call('POST', '/api/agent/ready', { token });
  return token;
}

describe('agent presence', () => {
  it('logs the agent in, makes it ready, then not ready with a reason, then out', async () => {
    const k = await apiKit();
    const token = await k.login('agent1');

    const login = await k.call('POST', '/api/agent/login', { token });
    const ready = await k.call('POST', '/api/agent/ready', { token });
    const away = await k.call('POST', '/api/agent/not-ready', { token, body: { reason: 'lunch' } });
    const out = await k.call('POST', '/api/agent/logout', { token });

    expect([login.status, login.body.state]).toEqual([200, 'notReady']);
    expect(ready.body.state).toBe('ready');
    expect(away.body).toMatchObject({ state: 'notReady', reason: 'lunch' });
    expect(out.body.state).toBe('loggedOut');
  });

  it('answers 409 agent_logged_out to ready before login', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/agent/ready', { token: await k.login('agent1') });

    expect([res.status, res.body.code]).toEqual([409, 'agent_logged_out']);
  });

  it('answers 400 to not-ready without a reason', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);

    const res = await k.call('POST', '/api/agent/not-ready', { token, body: { reason: '' } });

    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('body.reason');
    expect(k.center.agentStatus('a1').state).toBe('ready');
  });
});

describe('agent contact actions', () => {
  it('accepts, holds, resumes, ends and wraps up an offered contact', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);
    const { contactId } = await k.newContact();
    const on = (action: string, body?: unknown) =>
      k.call('POST', `/api/agent/contacts/${contactId}/${action}`, { token, body });

    const accepted = await on('accept');
    const held = await on('hold');
    await on('resume');
    const ended = await on('end');
    const wrapped = await on('wrap-up', { disposition: 'resolved' });

    expect(accepted.body.workload.active.map((c: { contactId: string }) => c.contactId)).toEqual([
      contactId,
    ]);
    expect(held.status).toBe(200);
    expect(ended.body.state).toBe('wrapUp');
    expect(wrapped.body.state).toBe('ready');
    expect(k.store.getContact(contactId)).toMatchObject({
      outcome: 'completed',
      disposition: 'resolved',
    });
  });

  it('declines an offer, which then goes back to the queue', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);
    const { contactId } = await k.newContact();

    const res = await k.call('POST', `/api/agent/contacts/${contactId}/decline`, { token });

    expect(res.status).toBe(200);
    expect(k.center.contact(contactId)?.state).toBe('queued');
  });

  it('answers 404 unknown_contact for a contact that never existed', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);

    const res = await k.call('POST', '/api/agent/contacts/c_nope/accept', { token });

    expect([res.status, res.body.code]).toEqual([404, 'unknown_contact']);
  });

  it('refuses with 403 to accept a contact ringing for another agent, changing nothing', async () => {
    const k = await apiKit();
    k.ready('a2');
    const { contactId } = await k.newContact();
    const token = await readyAgent1(k);
    const before = k.fingerprint();

    const res = await k.call('POST', `/api/agent/contacts/${contactId}/accept`, { token });

    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    expect(k.center.contact(contactId)?.offer?.agentId).toBe('a2');
    expect(k.fingerprint()).toBe(before);
  });

  it('answers 409 not_assigned_to_agent to hold a contact that is only ringing', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);
    const { contactId } = await k.newContact();

    const res = await k.call('POST', `/api/agent/contacts/${contactId}/hold`, { token });

    expect([res.status, res.body.code]).toEqual([409, 'not_assigned_to_agent']);
  });

  it('answers 409 wrong_state to wrap up a contact still connected', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);
    const { contactId } = await k.newContact();
    await k.call('POST', `/api/agent/contacts/${contactId}/accept`, { token });

    const res = await k.call('POST', `/api/agent/contacts/${contactId}/wrap-up`, {
      token,
      body: { disposition: 'x' },
    });

    expect([res.status, res.body.code]).toEqual([409, 'wrong_state']);
  });

  it('answers 409 contact_gone to accept a contact the customer abandoned', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);
    const { contactId } = await k.newContact();
    k.center.abandon(contactId);

    const res = await k.call('POST', `/api/agent/contacts/${contactId}/accept`, { token });

    expect([res.status, res.body.code]).toEqual([409, 'contact_gone']);
  });

  it('answers 409 not_offered_to_agent to an accept after the offer was withdrawn', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);
    const { contactId } = await k.newContact();
    await k.call('POST', '/api/agent/not-ready', { token, body: { reason: 'break' } });

    const res = await k.call('POST', `/api/agent/contacts/${contactId}/accept`, { token });

    expect([res.status, res.body.code]).toEqual([409, 'not_offered_to_agent']);
  });

  it('answers 400 to a wrap-up disposition that is not a string', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);

    const res = await k.call('POST', '/api/agent/contacts/c1/wrap-up', {
      token,
      body: { disposition: 42 },
    });

    expect([res.status, res.body.issues[0].path]).toEqual([400, 'body.disposition']);
  });
});

describe('GET /api/agent/me and /api/agent/contacts/:id', () => {
  it("shows the agent its offers with each customer's profile and history", async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);
    const first = await k.newContact({ customer: { name: 'Zoe', email: 'zoe@example.com' } });
    k.center.accept('a1', first.contactId);
    k.center.end('a1', first.contactId);
    k.center.finishWrapUp('a1', first.contactId, 'resolved');
    const second = await k.newContact({ customer: { name: 'Zoe', email: 'zoe@example.com' } });

    const me = await k.call('GET', '/api/agent/me', { token });

    const offer = me.body.workload.offers[0];
    expect(offer).toMatchObject({ contactId: second.contactId, customer: { name: 'Zoe' } });
    expect(offer.history.map((r: { id: string }) => r.id)).toEqual([first.contactId]);
  });

  it('shows a contact offered to this agent, with history', async () => {
    const k = await apiKit();
    const token = await readyAgent1(k);
    const { contactId } = await k.newContact();

    const res = await k.call('GET', `/api/agent/contacts/${contactId}`, { token });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      contactId,
      offeredTo: 'a1',
      customer: { email: 'zoe@example.com' },
      history: [],
    });
  });

  it('answers 403 for a contact that is not with this agent, 404 for an unknown one', async () => {
    const k = await apiKit();
    const { contactId } = await k.newContact();
    const token = await k.login('agent1');

    const other = await k.call('GET', `/api/agent/contacts/${contactId}`, { token });
    const unknown = await k.call('GET', '/api/agent/contacts/c_nope', { token });

    expect(other.status).toBe(403);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknown_contact']);
  });
});
