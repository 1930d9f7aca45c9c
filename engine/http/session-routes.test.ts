/** Signing in and out, cookies and bearer tokens, and the system routes. */
import { describe, expect, it } from 'vitest';
import { apiKit, password } from './api-test-kit.js';

describe('POST /api/login', () => {
  it('returns a bearer token and sets an httpOnly SameSite=Lax cookie', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/login', { body: { username: 'agent1', password } });

    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: 'u1',
      username: 'agent1',
      displayName: 'Ada',
      role: 'agent',
      agentId: 'a1',
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`sb_session=${res.body.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('accepts the cookie in place of the bearer token', async () => {
    const k = await apiKit();
    const token = await k.login('sup');

    const res = await k.call('GET', '/api/session', { headers: { cookie: `sb_session=${token}` } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'user', user: { username: 'sup', role: 'supervisor' } });
  });

  it('answers 401 invalid_credentials for a wrong password or an unknown user', async () => {
    const k = await apiKit();

    const wrong = await k.call('POST', '/api/login', {
      body: { username: 'agent1', password: 'nope-nope' },
    });
    const unknown = await k.call('POST', '/api/login', { body: { username: 'mallory', password } });

    expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid_credentials']);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers 400 when the username is missing', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/login', { body: { password } });

    expect([res.status, res.body.issues[0].path]).toEqual([400, 'body.username']);
  });

  it('never writes the password or the token to the log', async () => {
    const k = await apiKit();

    const token = await k.login('admin');
    await k.call('GET', '/api/agents', { token });
    await k.call('POST', '/api/login', { body: { username: 'admin', password: 'a-wrong-secret' } });

    const logged = JSON.stringify(k.logs);
    expect(k.logs.filter((l) => l.message === 'request')).toHaveLength(3);
    expect(logged).not.toContain(password);
    expect(logged).not.toContain('a-wrong-secret');
    expect(logged).not.toContain(token);
  });
});

describe('sessions', () => {
  it('ends the session on logout and clears the cookie', async () => {
    const k = await apiKit();
    const token = await k.login('agent2');

    const out = await k.call('POST', '/api/logout', { token });
    const after = await k.call('GET', '/api/session', { token });

    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/sb_session=;.*Max-Age=0/);
    expect(after.status).toBe(401);
  });

  it('expires a user session after 12 hours of the clock', async () => {
    const k = await apiKit();
    const token = await k.login('sup');

    k.advance(12 * 3_600_000);
    const res = await k.call('GET', '/api/agents', { token });

    expect(res.status).toBe(401);
  });

  it("tells a customer token's holder which contact it is for", async () => {
    const k = await apiKit();
    const { contactId, token } = await k.newContact();

    const res = await k.call('GET', '/api/session', { token });

    expect(res.body).toEqual({ kind: 'customer', user: null, contactId });
  });

  it('answers 401 to a token that was never issued', async () => {
    const k = await apiKit();

    const res = await k.call('GET', '/api/session', { token: 'x'.repeat(43) });

    expect([res.status, res.body.code]).toEqual([401, 'unauthenticated']);
  });
});

describe('system routes', () => {
  it('answers the health check without credentials', async () => {
    const k = await apiKit();

    const res = await k.call('GET', '/healthz');

    expect(res.body).toEqual({ status: 'ok', time: k.clock.now() });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const k = await apiKit();

    const res = await k.call('GET', '/api/nothing-here');

    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/login', {
      body: { username: 'x', password: 'y'.repeat(70_000) },
    });

    expect([res.status, res.body.code]).toEqual([413, 'body_too_large']);
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const k = await apiKit();

    const given = await k.call('GET', '/healthz', { headers: { 'x-request-id': 'trace-42' } });
    const made = await k.call('GET', '/healthz', { headers: { 'x-request-id': 'bad id!' } });

    expect(given.headers.get('x-request-id')).toBe('trace-42');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('cookie sessions and other sites', () => {
  it('refuses a state change that carries the cookie from another site, and changes nothing', async () => {
    const k = await apiKit();
    const token = await k.login('agent1');
    const before = k.fingerprint();

    const res = await k.call('POST', '/api/agent/login', {
      headers: { cookie: `sb_session=${token}`, origin: 'http://evil.example', host: 'localhost' },
    });

    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    expect(k.fingerprint()).toBe(before);
  });

  it('accepts the cookie from its own origin', async () => {
    const k = await apiKit();
    const token = await k.login('agent1');

    const res = await k.call('POST', '/api/agent/login', {
      headers: { cookie: `sb_session=${token}`, origin: 'http://localhost', host: 'localhost' },
    });

    expect(res.status).toBe(200);
  });
});
