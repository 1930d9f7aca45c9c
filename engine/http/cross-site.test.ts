/** Requests other sites make with the user's cookie are refused before any route runs. */
import { describe, expect, it } from 'vitest';
import { apiKit, password, type ApiKit } from './api-test-kit.js';

const evil = { origin: 'https://evil.example', host: 'localhost' };

/** Every state-changing route of the OpenAPI document, with its ids filled in. */
async function stateChangingRoutes(k: ApiKit, contactId: string) {
  const doc = (await k.call('GET', '/api/openapi.json')).body;
  return Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => m !== 'get')
      .map((m) => ({
        method: m.toUpperCase(),
        path: path.replace('{id}', path.includes('/users/') ? 'u3' : contactId),
      })),
  );
}

describe('cross-site requests with the session cookie', () => {
  it('are refused with 403 on every state-changing route, changing nothing', async () => {
    const k = await apiKit();
    k.ready('a1');
    const { contactId } = await k.newContact();
    const cookie = `sb_session=${await k.login('admin')}`;
    const routes = await stateChangingRoutes(k, contactId);
    const before = k.fingerprint();

    const statuses = [];
    for (const { method, path } of routes) {
      const res = await k.call(method, path, { headers: { cookie, ...evil }, body: {} });
      statuses.push(`${method} ${path} ${res.status} ${res.body?.code}`);
    }

    expect(routes.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => !s.endsWith('403 forbidden'))).toEqual([]);
    expect(k.fingerprint()).toBe(before);
  });

  it('are refused when the browser says so with Sec-Fetch-Site, whatever the Origin', async () => {
    const k = await apiKit();
    const cookie = `sb_session=${await k.login('agent1')}`;

    const crossSite = await k.call('POST', '/api/agent/login', {
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    const sameSite = await k.call('POST', '/api/agent/login', {
      headers: { cookie, 'sec-fetch-site': 'same-site' },
    });
    const sameOrigin = await k.call('POST', '/api/agent/login', {
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });

    expect([crossSite.status, sameSite.status, sameOrigin.status]).toEqual([403, 403, 200]);
  });

  it('refuse the WebSocket handshake, which is a GET', async () => {
    const k = await apiKit();
    const cookie = `sb_session=${await k.login('sup')}`;

    const res = await k.call('GET', '/api/ws', {
      headers: { cookie, upgrade: 'websocket', connection: 'Upgrade', ...evil },
    });

    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
  });

  it('still let other sites read nothing: a cross-site GET with the cookie is answered normally', async () => {
    const k = await apiKit();
    const cookie = `sb_session=${await k.login('sup')}`;

    const res = await k.call('GET', '/api/session', { headers: { cookie, ...evil } });

    // Reads are safe to answer: without CORS the other site cannot see the reply.
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([200, null]);
  });

  it('do not affect bearer tokens, which other sites cannot send', async () => {
    const k = await apiKit();
    const token = await k.login('agent1');

    const res = await k.call('POST', '/api/agent/login', { token, headers: evil });

    expect(res.status).toBe(200);
  });
});

describe('signing in from another site', () => {
  it('is refused, so a victim cannot be signed in as the attacker', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/login', {
      body: { username: 'agent1', password },
      headers: evil,
    });

    expect([res.status, res.headers.get('set-cookie')]).toEqual([403, null]);
  });

  it('is allowed from an origin listed for CORS', async () => {
    const k = await apiKit(undefined, { security: { corsOrigins: ['https://desk.example'] } });

    const res = await k.call('POST', '/api/login', {
      body: { username: 'agent1', password },
      headers: { origin: 'https://desk.example', 'sec-fetch-site': 'cross-site' },
    });

    expect(res.status).toBe(200);
  });
});
