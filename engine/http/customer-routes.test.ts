/** Customer routes: opening a contact, following it, leaving or asking for a callback. */
import { describe, expect, it } from 'vitest';
import { apiKit, kitConfig } from './api-test-kit.js';

describe('POST /api/contacts', () => {
  it('offers a new chat to the ready agent and returns a 32-byte token', async () => {
    const k = await apiKit();
    k.ready('a1');

    const res = await k.call('POST', '/api/contacts', {
      body: {
        channel: 'chat',
        queueId: 'billing',
        customer: { name: 'Zoe', email: 'zoe@example.com' },
      },
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'offered', position: null, estimatedWaitSec: null });
    expect(Buffer.from(res.body.token, 'base64url')).toHaveLength(32);
    expect(k.center.contact(res.body.contactId)?.offer?.agentId).toBe('a1');
  });

  it('queues the contact with its place in line and an estimated wait when nobody is free', async () => {
    const k = await apiKit();
    k.ready('a1');
    await k.newContact();

    const res = await k.call('POST', '/api/contacts', {
      body: {
        channel: 'voice',
        topic: 'billing',
        customer: { name: 'Yan', phone: '+33 1 23 45 67' },
      },
    });

    // position 0, a1 and a2 serve billing but only a1 is logged in: 1 × 180 s ÷ 1
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'queued', position: 0, estimatedWaitSec: 180 });
  });

  it('keeps the customer profile it is given', async () => {
    const k = await apiKit();

    const { contactId } = await k.newContact({
      customer: { name: 'Zoe', email: 'zoe@example.com' },
    });

    const customerId = k.center.contact(contactId)!.record.customerId!;
    expect(k.store.getCustomer(customerId)).toMatchObject({
      name: 'Zoe',
      email: 'zoe@example.com',
    });
  });

  it('lists every invalid field as an issue of a 400 problem document', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/contacts', {
      body: { channel: 'fax', customer: { email: 'not-an-email' }, extra: 1 },
    });

    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      type: 'urn:switchboard:problem:invalid_input',
      title: 'Bad Request',
      status: 400,
    });
    const paths = res.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.channel', 'body.customer.name', 'body.customer.email']),
    );
    expect(
      res.body.issues.every((i: { code: string; message: string }) => i.code && i.message),
    ).toBe(true);
    expect(k.events).toHaveLength(0);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/contacts', { body: '{"channel":' });

    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      { path: 'body', code: 'invalid_json', message: expect.any(String) },
    ]);
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/contacts', {
      body: 'channel=chat',
      headers: { 'content-type': 'text/plain' },
    });

    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('rejects an unknown queue or skill with 422 and creates nothing', async () => {
    const k = await apiKit();

    const queue = await k.call('POST', '/api/contacts', {
      body: { channel: 'chat', queueId: 'legal', customer: { name: 'A' } },
    });
    const skill = await k.call('POST', '/api/contacts', {
      body: { channel: 'chat', language: 'de', customer: { name: 'B' } },
    });

    expect([queue.status, queue.body.code]).toEqual([422, 'unknown_queue']);
    expect([skill.status, skill.body.code]).toEqual([422, 'unknown_skill']);
    expect(k.events).toHaveLength(0);
  });
});

describe('GET /api/contacts/:id', () => {
  it('shows the customer its state, place and wait, without agent ids or its profile', async () => {
    const k = await apiKit();
    k.ready('a1');
    await k.newContact();
    const { contactId, token } = await k.newContact();

    const res = await k.call('GET', `/api/contacts/${contactId}`, { token });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      contactId,
      state: 'queued',
      position: 0,
      estimatedWaitSec: 180,
      agentId: null,
      customer: null,
    });
  });

  it('divides the estimate among the logged-in agents who serve the queue', async () => {
    const k = await apiKit();
    k.ready('a1');
    k.center.login('a2');
    k.center.notReady('a2', 'lunch');
    await k.newContact();
    await k.newContact();
    const { contactId, token } = await k.newContact();

    const res = await k.call('GET', `/api/contacts/${contactId}`, { token });

    // position 1 → (1 + 1) × 180 s ÷ 2 agents
    expect(res.body).toMatchObject({ position: 1, estimatedWaitSec: 180 });
  });

  it('shows the handling agent and supervisors the full view, with the customer', async () => {
    const k = await apiKit();
    k.ready('a1');
    const { contactId } = await k.newContact();

    const agent = await k.call('GET', `/api/contacts/${contactId}`, {
      token: await k.login('agent1'),
    });
    const sup = await k.call('GET', `/api/contacts/${contactId}`, { token: await k.login('sup') });

    expect(agent.body).toMatchObject({
      state: 'offered',
      offeredTo: 'a1',
      customer: { name: 'Zoe' },
    });
    expect(sup.body).toEqual(agent.body);
  });

  it('shows a finished contact from the store', async () => {
    const k = await apiKit();
    const { contactId, token } = await k.newContact();
    k.center.abandon(contactId);

    const res = await k.call('GET', `/api/contacts/${contactId}`, { token });

    expect(res.body).toMatchObject({ state: 'abandoned', position: null });
  });

  it('answers 401 without a token and 403 for another customer', async () => {
    const k = await apiKit();
    const mine = await k.newContact();
    const theirs = await k.newContact();

    const anonymous = await k.call('GET', `/api/contacts/${mine.contactId}`);
    const other = await k.call('GET', `/api/contacts/${mine.contactId}`, { token: theirs.token });

    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(other.status).toBe(403);
  });

  it('answers 404 for an unknown contact to staff, 403 to a customer', async () => {
    const k = await apiKit();
    const { token } = await k.newContact();

    const sup = await k.call('GET', '/api/contacts/c_nope', { token: await k.login('sup') });
    const customer = await k.call('GET', '/api/contacts/c_nope', { token });

    expect([sup.status, sup.body.code]).toEqual([404, 'unknown_contact']);
    expect(customer.status).toBe(403);
  });

  it('refuses a malformed id with 400', async () => {
    const k = await apiKit();

    const res = await k.call('GET', '/api/contacts/bad%20id', { token: await k.login('sup') });

    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('params.id');
  });
});

describe('POST /api/contacts/:id/abandon and /callback', () => {
  it('lets the customer leave while waiting', async () => {
    const k = await apiKit();
    const { contactId, token } = await k.newContact();

    const res = await k.call('POST', `/api/contacts/${contactId}/abandon`, { token });

    expect(res.status).toBe(200);
    expect(res.body.state).toBe('abandoned');
    expect(k.store.getContact(contactId)?.outcome).toBe('abandoned');
  });

  it('answers 409 contact_gone once the contact is answered', async () => {
    const k = await apiKit();
    k.ready('a1');
    const { contactId, token } = await k.newContact();
    k.center.accept('a1', contactId);

    const abandon = await k.call('POST', `/api/contacts/${contactId}/abandon`, { token });
    const callback = await k.call('POST', `/api/contacts/${contactId}/callback`, { token });

    expect([abandon.status, abandon.body.code]).toEqual([409, 'contact_gone']);
    expect([callback.status, callback.body.code]).toEqual([409, 'contact_gone']);
  });

  it('records a callback request and keeps the place in line', async () => {
    const k = await apiKit();
    const { contactId, token } = await k.newContact();

    const res = await k.call('POST', `/api/contacts/${contactId}/callback`, { token });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'queued', position: 0, callbackRequested: true });
  });

  it('answers 404 when the contact of a token no longer exists anywhere', async () => {
    const k = await apiKit();
    const issued = k.api.sessions.issueForContact('c_lost');

    const res = await k.call('POST', '/api/contacts/c_lost/abandon', { token: issued.token });

    expect([res.status, res.body.code]).toEqual([404, 'unknown_contact']);
  });
});

describe('GET /api/topics', () => {
  it('lists the queues configured with a topic label, in order, to anyone', async () => {
    const k = await apiKit({
      ...kitConfig,
      queues: [
        {
          id: 'billing',
          name: 'Billing',
          topic: 'Billing and payments',
          skills: [{ skill: 'billing' }],
        },
        { id: 'internal', name: 'Back office', skills: [{ skill: 'billing' }] },
        { id: 'sales', name: 'Sales', topic: 'Buying something new', skills: [{ skill: 'sales' }] },
      ],
    });

    const res = await k.call('GET', '/api/topics');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      topics: [
        { id: 'billing', label: 'Billing and payments' },
        { id: 'sales', label: 'Buying something new' },
      ],
    });
  });
});
