/**
 * Thousands of malformed requests to every route of the OpenAPI document
 * (fast-check, seeded; the ways are in malformed-requests.ts): none may get
 * a 5xx or crash the app, and the store and engine must be exactly as
 * before. Each request is malformed in a way that must stop it before it
 * acts, and is sent by every caller, so any change is a hole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiKit, fromAddress, password, type ApiKit } from './api-test-kit.js';
import { malformedWays, operations, type Knowledge, type Operation } from './malformed-requests.js';

const seed = Number(process.env.FUZZ_SEED ?? 20_261_203);
/** Malformed requests made; most go out once per caller and real id, some 10,000 in all. */
const runs = Number(process.env.FUZZ_RUNS ?? 1_200);

const known: Knowledge = {
  examples: {
    'POST /api/login': { username: 'agent1', password },
    'POST /api/contacts': {
      channel: 'chat',
      queueId: 'billing',
      customer: { name: 'Zoe', email: 'zoe@example.com' },
    },
    'POST /api/agent/not-ready': { reason: 'break' },
    'POST /api/agent/contacts/{id}/wrap-up': { disposition: 'done' },
    'POST /api/contacts/{id}/position': { position: 0 },
    'POST /api/contacts/{id}/priority': { priority: 3 },
    'POST /api/contacts/{id}/queue': { queueId: 'sales' },
    'POST /api/contacts/{id}/assign': { agentId: 'a2' },
    'POST /api/contacts/{id}/transfer': { agentId: 'a2' },
    'POST /api/admin/users': {
      username: 'newbie',
      displayName: 'New',
      role: 'supervisor',
      password: 'long enough',
    },
  },
  freeTextFields: ['name', 'reason', 'disposition', 'displayName'],
  publicRoutes: ['POST /api/login', 'POST /api/contacts', 'GET /healthz', 'GET /api/openapi.json'],
};

type Scene = Awaited<ReturnType<typeof scene>>;

/** a1 with contact c ringing, d waiting; a token for every caller. */
async function scene(k: ApiKit) {
  k.ready('a1');
  const c = await k.newContact({ customer: { name: 'Cat', email: 'cat@example.com' } });
  const d = await k.newContact({ customer: { name: 'Dan', email: 'dan@example.com' } });
  return {
    c: c.contactId,
    d: d.contactId,
    customerId: k.center.contact(c.contactId)!.record.customerId!,
    userId: k.store.findUserByUsername('agent3')!.id,
    tokens: {
      customer: c.token,
      otherCustomer: d.token,
      agent1: await k.login('agent1'),
      agent2: await k.login('agent2'),
      sup: await k.login('sup'),
      admin: await k.login('admin'),
    },
  };
}

/** The real ids `{id}` takes on a route, so that only the malformed part is wrong. */
function realIds(op: Operation, s: Scene): string[] {
  if (op.template.startsWith('/api/queues/')) return ['billing'];
  if (op.template.startsWith('/api/agents/')) return ['a1'];
  if (op.template.startsWith('/api/admin/users/')) return [s.userId];
  if (op.template.startsWith('/api/admin/customers/')) return [s.customerId];
  return [s.c, s.d];
}

describe('malformed input', () => {
  it(`never gets a 5xx, never crashes and changes nothing (seed ${seed}, ${runs} runs)`, async () => {
    const k = await apiKit(undefined, { security: { contactBurst: 1_000_000 } });
    const s = await scene(k);
    const ops = operations((await k.call('GET', '/api/openapi.json')).body);
    // Each way to each route is equally likely, so rare routes are not starved.
    const ways = ops.flatMap((op) => malformedWays(op, known).map((way) => ({ op, way })));
    const before = k.fingerprint();
    const statuses = new Set<number>();
    let sent = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ways).chain(({ op, way }) => way.map((r) => ({ op, ...r }))),
        async (r) => {
          const paths = r.path.includes('{id}')
            ? realIds(r.op, s).map((id) => r.path.replace('{id}', id))
            : [r.path];
          const callers = r.everyone ? Object.values(s.tokens) : [null];
          for (const path of paths) {
            for (const token of callers) {
              const headers = token
                ? { ...r.headers, authorization: `Bearer ${token}` }
                : r.headers;
              const init: RequestInit = { method: r.method, headers };
              if (r.body !== undefined) init.body = r.body;

              const res = await k.app.request(path, init, fromAddress('203.0.113.1'));
              await res.arrayBuffer();

              sent += 1;
              statuses.add(res.status);
              expect(res.status, `${r.op.key}, ${r.how}`).toBeLessThan(500);
            }
          }
        },
      ),
      { seed, numRuns: runs },
    );

    expect(sent).toBeGreaterThan(5 * runs);
    expect(k.fingerprint()).toBe(before);
    expect(k.logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([...statuses].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404, 413, 415]));
  });

  it('knows a valid body for every route that takes one', async () => {
    const k = await apiKit();

    const ops = operations((await k.call('GET', '/api/openapi.json')).body);

    const withBodies = ops.filter((op) => op.body).map((op) => op.key);
    expect(withBodies.sort()).toEqual(Object.keys(known.examples).sort());
  });
});
