/**
 * Every route in the OpenAPI document against every kind of caller: the
 * callers a route allows succeed, every other one gets 401 (no credentials)
 * or 403, and a refused call changes nothing in the engine or the store.
 */
import { describe, expect, it } from 'vitest';
import { apiKit, type ApiKit } from './api-test-kit.js';

const callers = ['customer', 'otherCustomer', 'agent1', 'agent2', 'sup', 'admin'] as const;
type Who = (typeof callers)[number];

type Scene = Awaited<ReturnType<typeof scene>>;

interface Case {
  /** As the OpenAPI document names it. */
  route: string;
  /**
   * Concrete path: {c} is a contact ringing for a1, {d} one waiting behind
   * it, {cu} the customer of c, {u} the user of agent3.
   */
  path: string;
  body?: unknown;
  /** Callers that may use it; every other caller with credentials gets 403. */
  allowed: readonly Who[];
  /** Whose contact `customer` holds the token of (`otherCustomer` holds the other). */
  customerOf?: 'c' | 'd';
  /** Brings the scene to where an allowed call succeeds. */
  prepare?: (k: ApiKit, s: Scene, who: Who) => void;
  /**
   * What an allowed caller gets when not 2xx: a WebSocket cannot open
   * in-process, so /api/ws answers 426 once past authorization (the
   * end-to-end suite opens real ones).
   */
  allowedStatus?: number;
}

const agents = ['agent1', 'agent2'] as const;
const staff = ['sup', 'admin'] as const;
const everyone = callers;

const accepted = (k: ApiKit, s: Scene) => k.center.accept('a1', s.c.contactId);
/** c becomes a callback contact connected to a1 (the others leave to free a1). */
const callbackWithA1 = (k: ApiKit, s: Scene) => {
  k.center.abandon(s.d.contactId);
  k.center.abandon(s.c.contactId);
  k.center.createContact({ id: 'cb1', channel: 'callback', queueId: 'billing', customerId: 'cu1' });
  k.center.accept('a1', 'cb1');
  s.c = { ...s.c, contactId: 'cb1' };
};
const a2LoggedIn = (k: ApiKit, _s: Scene, who: Who) => {
  if (who === 'agent2') k.center.login('a2');
};

const cases: Case[] = [
  {
    route: 'GET /api/contacts/{id}',
    path: '/api/contacts/{c}',
    allowed: ['customer', 'agent1', ...staff],
  },
  {
    route: 'POST /api/contacts/{id}/abandon',
    path: '/api/contacts/{c}/abandon',
    allowed: ['customer'],
  },
  {
    route: 'POST /api/contacts/{id}/callback',
    path: '/api/contacts/{c}/callback',
    allowed: ['customer'],
  },
  { route: 'POST /api/agent/login', path: '/api/agent/login', allowed: agents },
  { route: 'POST /api/agent/logout', path: '/api/agent/logout', allowed: agents },
  {
    route: 'POST /api/agent/ready',
    path: '/api/agent/ready',
    allowed: agents,
    prepare: a2LoggedIn,
  },
  {
    route: 'POST /api/agent/not-ready',
    path: '/api/agent/not-ready',
    body: { reason: 'break' },
    allowed: agents,
    prepare: a2LoggedIn,
  },
  {
    route: 'POST /api/agent/contacts/{id}/accept',
    path: '/api/agent/contacts/{c}/accept',
    allowed: ['agent1'],
  },
  {
    route: 'POST /api/agent/contacts/{id}/decline',
    path: '/api/agent/contacts/{c}/decline',
    allowed: ['agent1'],
  },
  {
    route: 'POST /api/agent/contacts/{id}/hold',
    path: '/api/agent/contacts/{c}/hold',
    allowed: ['agent1'],
    prepare: accepted,
  },
  {
    route: 'POST /api/agent/contacts/{id}/resume',
    path: '/api/agent/contacts/{c}/resume',
    allowed: ['agent1'],
    prepare: (k, s) => {
      accepted(k, s);
      k.center.hold('a1', s.c.contactId, true);
    },
  },
  {
    route: 'POST /api/agent/contacts/{id}/end',
    path: '/api/agent/contacts/{c}/end',
    allowed: ['agent1'],
    prepare: accepted,
  },
  {
    route: 'POST /api/agent/contacts/{id}/wrap-up',
    path: '/api/agent/contacts/{c}/wrap-up',
    body: { disposition: 'x' },
    allowed: ['agent1'],
    prepare: (k, s) => {
      accepted(k, s);
      k.center.end('a1', s.c.contactId);
    },
  },
  ...(['dialing', 'reached', 'no-answer'] as const).map((step) => ({
    route: `POST /api/agent/contacts/{id}/callback/${step}`,
    path: `/api/agent/contacts/{c}/callback/${step}`,
    allowed: ['agent1'] as const,
    prepare: callbackWithA1,
  })),
  { route: 'GET /api/agent/me', path: '/api/agent/me', allowed: agents },
  { route: 'GET /api/agent/contacts/{id}', path: '/api/agent/contacts/{c}', allowed: ['agent1'] },
  { route: 'GET /api/agents', path: '/api/agents', allowed: staff },
  { route: 'GET /api/agents/{id}', path: '/api/agents/a1', allowed: staff },
  { route: 'GET /api/queues', path: '/api/queues', allowed: staff },
  { route: 'GET /api/queues/{id}/contacts', path: '/api/queues/billing/contacts', allowed: staff },
  {
    route: 'POST /api/contacts/{id}/position',
    path: '/api/contacts/{d}/position',
    body: { position: 0 },
    allowed: staff,
    customerOf: 'd',
  },
  {
    route: 'POST /api/contacts/{id}/priority',
    path: '/api/contacts/{d}/priority',
    body: { priority: 3 },
    allowed: staff,
    customerOf: 'd',
  },
  {
    route: 'POST /api/contacts/{id}/queue',
    path: '/api/contacts/{d}/queue',
    body: { queueId: 'sales' },
    allowed: staff,
    customerOf: 'd',
  },
  {
    route: 'POST /api/contacts/{id}/assign',
    path: '/api/contacts/{d}/assign',
    body: { agentId: 'a2' },
    allowed: staff,
    customerOf: 'd',
  },
  {
    route: 'POST /api/contacts/{id}/transfer',
    path: '/api/contacts/{c}/transfer',
    body: { agentId: 'a2' },
    allowed: staff,
    prepare: (k, s) => {
      accepted(k, s);
      k.ready('a2');
    },
  },
  { route: 'GET /api/stats/realtime', path: '/api/stats/realtime', allowed: staff },
  { route: 'GET /api/stats/intervals', path: '/api/stats/intervals', allowed: staff },
  { route: 'GET /api/stats/intervals.csv', path: '/api/stats/intervals.csv', allowed: staff },
  { route: 'GET /api/contact-records', path: '/api/contact-records', allowed: staff },
  { route: 'GET /api/contact-records.csv', path: '/api/contact-records.csv', allowed: staff },
  {
    route: 'GET /api/contacts/{id}/transcript',
    path: '/api/contacts/{c}/transcript',
    allowed: ['customer', 'agent1', ...staff],
  },
  { route: 'GET /api/rtc/config', path: '/api/rtc/config', allowed: everyone },
  { route: 'POST /api/logout', path: '/api/logout', allowed: everyone },
  { route: 'GET /api/session', path: '/api/session', allowed: everyone },
  { route: 'GET /api/ws', path: '/api/ws', allowed: everyone, allowedStatus: 426 },
  { route: 'GET /api/admin/users', path: '/api/admin/users', allowed: ['admin'] },
  {
    route: 'POST /api/admin/users',
    path: '/api/admin/users',
    body: { username: 'newbie', displayName: 'New', role: 'supervisor', password: 'long enough' },
    allowed: ['admin'],
  },
  { route: 'DELETE /api/admin/users/{id}', path: '/api/admin/users/{u}', allowed: ['admin'] },
  {
    route: 'DELETE /api/admin/users/{id}/sessions',
    path: '/api/admin/users/{u}/sessions',
    allowed: ['admin'],
  },
  { route: 'GET /api/admin/audit', path: '/api/admin/audit', allowed: ['admin'] },
  {
    route: 'GET /api/admin/customers/{id}/export',
    path: '/api/admin/customers/{cu}/export',
    allowed: ['admin'],
  },
  {
    route: 'DELETE /api/admin/customers/{id}',
    path: '/api/admin/customers/{cu}',
    allowed: ['admin'],
  },
];

const publicRoutes = [
  'GET /healthz',
  'GET /api/openapi.json',
  'POST /api/login',
  'POST /api/contacts',
  'GET /api/topics',
];

/** a1 ready with contact c ringing; d waiting behind it; a token for every caller. */
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
  const customerId = k.center.contact(c.contactId)!.record.customerId!;
  const userOfA3 = k.store.findUserByUsername('agent3')!.id;
  return { c, d, tokens, customerId, userOfA3 };
}

/** The case's path and the tokens of its two customers, in scene `s`. */
function resolve(x: Case, s: Scene) {
  const own = x.customerOf === 'd' ? s.d : s.c;
  const other = own === s.c ? s.d : s.c;
  const tokens = new Map(s.tokens);
  tokens.set('customer', own.token);
  tokens.set('otherCustomer', other.token);
  const path = x.path
    .replace('{c}', s.c.contactId)
    .replace('{d}', s.d.contactId)
    .replace('{cu}', s.customerId)
    .replace('{u}', s.userOfA3);
  return { path, tokens, method: x.route.split(' ')[0]! };
}

const allowedCalls = cases.flatMap((x) => x.allowed.map((who) => ({ ...x, who })));

describe('the role matrix', () => {
  it('covers every route in the OpenAPI document', async () => {
    const k = await apiKit();

    const doc = (await k.call('GET', '/api/openapi.json')).body;

    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...cases.map((x) => x.route), ...publicRoutes].sort()).toEqual(documented.sort());
  });

  it('answers the public routes without credentials', async () => {
    const k = await apiKit();

    const statuses = [
      (await k.call('GET', '/healthz')).status,
      (await k.call('GET', '/api/openapi.json')).status,
      (await k.call('POST', '/api/login', { body: { username: 'sup', password: 'wrong' } })).status,
      (await k.newContact()).contactId.startsWith('c_'),
      (await k.call('GET', '/api/topics')).status,
    ];

    expect(statuses).toEqual([200, 200, 401, true, 200]);
  });

  it.each(cases)(
    '$route refuses callers without credentials or with the wrong role, changing nothing',
    async (x) => {
      const k = await apiKit();
      const s = await scene(k);
      const { path, tokens, method } = resolve(x, s);
      const refusedCallers = callers.filter((who) => !x.allowed.includes(who));
      const before = k.fingerprint();

      const anonymous = await k.call(method, path, { body: x.body });
      const refused = [];
      for (const who of refusedCallers) {
        const res = await k.call(method, path, { token: tokens.get(who)!, body: x.body });
        refused.push([who, res.status]);
      }

      expect(anonymous.status).toBe(401);
      expect(refused).toEqual(refusedCallers.map((who) => [who, 403]));
      expect(k.fingerprint()).toBe(before);
    },
  );

  it.each(allowedCalls)('$route lets $who through', async (x) => {
    const k = await apiKit();
    const s = await scene(k);
    x.prepare?.(k, s, x.who);
    const { path, tokens, method } = resolve(x, s);

    const res = await k.call(method, path, { token: tokens.get(x.who)!, body: x.body });

    const succeeded = res.status >= 200 && res.status < 300;
    const outcome = succeeded ? 'succeeded' : `${res.status} ${res.body?.code}`;
    expect(outcome).toBe(
      x.allowedStatus === undefined ? 'succeeded' : `${x.allowedStatus} upgrade_required`,
    );
  });
});
