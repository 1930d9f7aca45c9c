/** Supervisor routes: agents, queues and the moves that adjust a queue. */
import { describe, expect, it } from 'vitest';
import { apiKit, type ApiKit } from './api-test-kit.js';

const ids = (list: { contactId: string }[]) => list.map((c) => c.contactId);

/** Three contacts waiting in billing, nobody logged in. */
async function threeWaiting(k: ApiKit) {
  const a = await k.newContact({ customer: { name: 'A' } });
  const b = await k.newContact({ customer: { name: 'B' } });
  const c = await k.newContact({ customer: { name: 'C' } });
  return [a.contactId, b.contactId, c.contactId] as const;
}

describe('GET /api/agents and /api/agents/:id', () => {
  it('lists every agent with state, time in state and workload with customers', async () => {
    const k = await apiKit();
    const token = await k.login('sup');
    k.ready('a1');
    const { contactId } = await k.newContact();
    k.center.accept('a1', contactId);
    k.advance(90_000);

    const res = await k.call('GET', '/api/agents', { token });

    expect(res.status).toBe(200);
    expect(res.body.map((a: { agentId: string }) => a.agentId)).toEqual(['a1', 'a2', 'a3']);
    expect(res.body[0]).toMatchObject({
      name: 'Ada',
      state: 'busy',
      timeInStateSec: 90,
      skills: { billing: 4 },
    });
    expect(res.body[0].workload.active[0]).toMatchObject({ contactId, customer: { name: 'Zoe' } });
  });

  it('shows one agent, and 404 unknown_agent for an unknown id', async () => {
    const k = await apiKit();
    const token = await k.login('admin');

    const one = await k.call('GET', '/api/agents/a2', { token });
    const none = await k.call('GET', '/api/agents/a9', { token });

    expect(one.body).toMatchObject({ agentId: 'a2', capacity: 2, queues: ['billing', 'sales'] });
    expect([none.status, none.body.code]).toEqual([404, 'unknown_agent']);
  });
});

describe('GET /api/queues and /api/queues/:id/contacts', () => {
  it('summarises each queue', async () => {
    const k = await apiKit();
    const token = await k.login('sup');
    k.ready('a3');
    await threeWaiting(k);
    k.advance(45_000);

    const res = await k.call('GET', '/api/queues', { token });

    expect(res.body).toEqual([
      expect.objectContaining({
        queueId: 'billing',
        waiting: 3,
        longestWaitSec: 45,
        agentsLoggedIn: 0,
        averageHandleSec: 180,
      }),
      expect.objectContaining({
        queueId: 'sales',
        waiting: 0,
        longestWaitSec: null,
        agentsReady: 1,
      }),
    ]);
  });

  it('lists waiting contacts in serving order, with customers', async () => {
    const k = await apiKit();
    const token = await k.login('sup');
    const [a, b, c] = await threeWaiting(k);

    const res = await k.call('GET', '/api/queues/billing/contacts', { token });

    expect(ids(res.body)).toEqual([a, b, c]);
    expect(res.body.map((x: { position: number }) => x.position)).toEqual([0, 1, 2]);
    expect(res.body[2].customer.name).toBe('C');
  });

  it('answers 422 unknown_queue for a queue the center does not have', async () => {
    const k = await apiKit();

    const res = await k.call('GET', '/api/queues/legal/contacts', { token: await k.login('sup') });

    expect([res.status, res.body.code]).toEqual([422, 'unknown_queue']);
  });
});

describe('queue adjustments', () => {
  it('moves a contact to the head of its queue', async () => {
    const k = await apiKit();
    const token = await k.login('sup');
    const [a, b, c] = await threeWaiting(k);

    const res = await k.call('POST', `/api/contacts/${c}/position`, {
      token,
      body: { position: 0 },
    });

    expect(res.body.position).toBe(0);
    expect(k.center.queueContents('billing').map((v) => v.id)).toEqual([c, a, b]);
  });

  it('answers 409 invalid_position past the end, 400 for a negative one', async () => {
    const k = await apiKit();
    const token = await k.login('sup');
    const [a] = await threeWaiting(k);

    const far = await k.call('POST', `/api/contacts/${a}/position`, {
      token,
      body: { position: 7 },
    });
    const negative = await k.call('POST', `/api/contacts/${a}/position`, {
      token,
      body: { position: -1 },
    });

    expect([far.status, far.body.code]).toEqual([409, 'invalid_position']);
    expect([negative.status, negative.body.issues[0].path]).toEqual([400, 'body.position']);
  });

  it('raises a priority so the contact is served first', async () => {
    const k = await apiKit();
    const token = await k.login('sup');
    const [, , c] = await threeWaiting(k);

    const res = await k.call('POST', `/api/contacts/${c}/priority`, {
      token,
      body: { priority: 5 },
    });

    expect(res.body).toMatchObject({ priority: 5, position: 0 });
  });

  it('moves a contact to another queue, and answers 422 for an unknown one', async () => {
    const k = await apiKit();
    const token = await k.login('sup');
    const [a] = await threeWaiting(k);

    const moved = await k.call('POST', `/api/contacts/${a}/queue`, {
      token,
      body: { queueId: 'sales' },
    });
    const unknown = await k.call('POST', `/api/contacts/${a}/queue`, {
      token,
      body: { queueId: 'legal' },
    });

    expect(moved.body).toMatchObject({ queueId: 'sales', position: 0 });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'unknown_queue']);
  });

  it("assigns a waiting contact to a busy agent's personal queue, and answers 404 for an unknown agent", async () => {
    const k = await apiKit();
    const token = await k.login('sup');
    k.center.login('a1');
    const [a, , c] = await threeWaiting(k);

    const assigned = await k.call('POST', `/api/contacts/${c}/assign`, {
      token,
      body: { agentId: 'a1' },
    });
    const unknown = await k.call('POST', `/api/contacts/${a}/assign`, {
      token,
      body: { agentId: 'a9' },
    });

    expect(assigned.body).toMatchObject({ personalAgentId: 'a1', state: 'queued' });
    expect(k.center.agentStatus('a1').personalQueue).toEqual([c]);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknown_agent']);
  });

  it('transfers a connected contact, and answers 409 wrong_state for one still waiting', async () => {
    const k = await apiKit();
    const token = await k.login('sup');
    k.ready('a1', 'a2');
    const { contactId } = await k.newContact();
    k.center.accept(k.center.contact(contactId)!.offer!.agentId, contactId);
    const spare = await k.newContact();
    const from = k.center.contact(contactId)!.agentId!;
    const to = from === 'a1' ? 'a2' : 'a1';

    const moved = await k.call('POST', `/api/contacts/${contactId}/transfer`, {
      token,
      body: { agentId: to },
    });
    const refused = await k.call('POST', `/api/contacts/${spare.contactId}/transfer`, {
      token,
      body: { agentId: to },
    });

    expect(moved.status).toBe(200);
    expect(k.center.contact(contactId)?.agentId).not.toBe(from);
    expect([refused.status, refused.body.code]).toEqual([409, 'wrong_state']);
  });

  it('answers 404 unknown_contact for a move of an unknown contact', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/contacts/c_nope/priority', {
      token: await k.login('sup'),
      body: { priority: 1 },
    });

    expect([res.status, res.body.code]).toEqual([404, 'unknown_contact']);
  });
});
