/** Every route against every wrong caller: 401 or 403, and the center unchanged. */
import { describe, expect, it } from 'vitest';
import { apiKit, type ApiKit } from './api-test-kit.js';

type Who = 'customer' | 'otherCustomer' | 'agent1' | 'agent2' | 'sup' | 'admin';

interface Case {
  /** As the OpenAPI document names it. */
  route: string;
  /** Concrete path: {c} is a contact ringing for a1, {d} one waiting. */
  path: string;
  body?: unknown;
  /** Callers with credentials who must get 403; anyone without gets 401. */
  refused: Who[];
  /** Whose contact `customer` holds the token of. */
  customerOf?: 'c' | 'd';
}

const agentOnly: Who[] = ['customer', 'sup', 'admin'];
const staffOnly: Who[] = ['customer', 'agent1'];

const cases: Case[] = [
  {
    route: 'GET /api/contacts/{id}',
    path: '/api/contacts/{c}',
    refused: ['otherCustomer', 'agent2'],
  },
  {
    route: 'POST /api/contacts/{id}/abandon',
    path: '/api/contacts/{c}/abandon',
    refused: ['otherCustomer', 'agent1', 'sup', 'admin'],
  },
  {
    route: 'POST /api/contacts/{id}/callback',
    path: '/api/contacts/{c}/callback',
    refused: ['otherCustomer', 'agent1', 'sup', 'admin'],
  },
  { route: 'POST /api/agent/login', path: '/api/agent/login', refused: agentOnly },
  { route: 'POST /api/agent/logout', path: '/api/agent/logout', refused: agentOnly },
  { route: 'POST /api/agent/ready', path: '/api/agent/ready', refused: agentOnly },
  {
    route: 'POST /api/agent/not-ready',
    path: '/api/agent/not-ready',
    body: { reason: 'break' },
    refused: agentOnly,
  },
  {
    route: 'POST /api/agent/contacts/{id}/accept',
    path: '/api/agent/contacts/{c}/accept',
    refused: agentOnly,
  },
  {
    route: 'POST /api/agent/contacts/{id}/decline',
    path: '/api/agent/contacts/{c}/decline',
    refused: agentOnly,
  },
  {
    route: 'POST /api/agent/contacts/{id}/hold',
    path: '/api/agent/contacts/{c}/hold',
    refused: agentOnly,
  },
  {
    route: 'POST /api/agent/contacts/{id}/resume',
    path: '/api/agent/contacts/{c}/resume',
    refused: agentOnly,
  },
  {
    route: 'POST /api/agent/contacts/{id}/end',
    path: '/api/agent/contacts/{c}/end',
    refused: agentOnly,
  },
  {
    route: 'POST /api/agent/contacts/{id}/wrap-up',
    path: '/api/agent/contacts/{c}/wrap-up',
    body: { disposition: 'x' },
    refused: agentOnly,
  },
  { route: 'GET /api/agent/me', path: '/api/agent/me', refused: agentOnly },
  {
    route: 'GET /api/agent/contacts/{id}',
    path: '/api/agent/contacts/{c}',
    refused: [...agentOnly, 'agent2'],
  },
  { route: 'GET /api/agents', path: '/api/agents', refused: staffOnly },
  { route: 'GET /api/agents/{id}', path: '/api/agents/a1', refused: staffOnly },
  { route: 'GET /api/queues', path: '/api/queues', refused: staffOnly },
  {
    route: 'GET /api/queues/{id}/contacts',
    path: '/api/queues/billing/contacts',
    refused: staffOnly,
  },
  {
    route: 'POST /api/contacts/{id}/position',
    path: '/api/contacts/{d}/position',
    body: { position: 0 },
    refused: staffOnly,
    customerOf: 'd',
  },
  {
    route: 'POST /api/contacts/{id}/priority',
    path: '/api/contacts/{d}/priority',
    body: { priority: 3 },
    refused: staffOnly,
    customerOf: 'd',
  },
  {
    route: 'POST /api/contacts/{id}/queue',
    path: '/api/contacts/{d}/queue',
    body: { queueId: 'sales' },
    refused: staffOnly,
    customerOf: 'd',
  },
  {
    route: 'POST /api/contacts/{id}/assign',
    path: '/api/contacts/{d}/assign',
    body: { agentId: 'a2' },
    refused: staffOnly,
    customerOf: 'd',
  },
  {
    route: 'POST /api/contacts/{id}/transfer',
    path: '/api/contacts/{c}/transfer',
    body: { agentId: 'a2' },
    refused: staffOnly,
  },
  { route: 'GET /api/stats/realtime', path: '/api/stats/realtime', refused: staffOnly },
  { route: 'GET /api/stats/intervals', path: '/api/stats/intervals', refused: staffOnly },
  { route: 'GET /api/stats/intervals.csv', path: '/api/stats/intervals.csv', refused: staffOnly },
  { route: 'GET /api/contact-records', path: '/api/contact-records', refused: staffOnly },
  { route: 'GET /api/contact-records.csv', path: '/api/contact-records.csv', refused: staffOnly },
  { route: 'POST /api/logout', path: '/api/logout', refused: [] },
  { route: 'GET /api/session', path: '/api/session', refused: [] },
  { route: 'GET /api/ws', path: '/api/ws', refused: [] },
];

const publicRoutes = [
  'GET /healthz',
  'GET /api/openapi.json',
  'POST /api/login',
  'POST /api/contacts',
];

/** a1 ready with contact c ringing; d waiting behind it; a customer token for each. */
async function scene(k: ApiKit) {
  k.ready('a1');
  const c = await k.newContact({ customer: { name: 'Cat', email: 'cat@example.com' } });
  const d = await k.newContact({ customer: { name: 'Dan', email: 'dan@example.com' } });
  const tokens = new Map<Who, string>([
    ['agent1', await k.login('agent1')],
    ['agent2', await k.login('agent2')],
    ['sup', await k.login('sup')],
    ['admin', await k.login('admin')],
  ]);
  return { c, d, tokens };
}

describe('the role matrix', () => {
  it('covers every route in the OpenAPI document', async () => {
    const k = await apiKit();

    const doc = (await k.call('GET', '/api/openapi.json')).body;

    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...cases.map((x) => x.route), ...publicRoutes].sort()).toEqual(documented.sort());
  });

  it.each(cases)(
    '$route refuses callers without credentials or with the wrong role, changing nothing',
    async (x) => {
      const k = await apiKit();
      const { c, d, tokens } = await scene(k);
      const own = x.customerOf === 'd' ? d : c;
      tokens.set('customer', own.token);
      tokens.set('otherCustomer', (own === c ? d : c).token);
      const path = x.path.replace('{c}', c.contactId).replace('{d}', d.contactId);
      const method = x.route.split(' ')[0]!;
      const before = k.fingerprint();

      const anonymous = await k.call(method, path, { body: x.body });
      const refused = [];
      for (const who of x.refused)
        refused.push([
          who,
          (await k.call(method, path, { token: tokens.get(who)!, body: x.body })).status,
        ]);

      expect(anonymous.status).toBe(401);
      expect(refused).toEqual(x.refused.map((who) => [who, 403]));
      expect(k.fingerprint()).toBe(before);
    },
  );
});
