/** Admins add and remove users and end their sessions; sessions and sockets follow. */
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { apiKit, password, type ApiKit } from './api-test-kit.js';
import type { LiveClient } from './live/live-hub.js';

const newSupervisor = {
  username: 'sup2',
  displayName: 'Sue',
  role: 'supervisor',
  password: 'long enough',
};

/** A live client that only remembers how it was closed. */
function socketOf(k: ApiKit, principal: Principal) {
  const client: LiveClient & { closed: number | null } = {
    principal,
    closed: null,
    send: () => {},
    bufferedAmount: () => 0,
    close(code) {
      client.closed = code;
    },
  };
  k.api.hub.attach(client, null);
  return client;
}

describe('user management', () => {
  it('adds a user who can sign in, and never shows a password hash', async () => {
    const k = await apiKit();
    const admin = await k.login('admin');

    const created = await k.call('POST', '/api/admin/users', { token: admin, body: newSupervisor });
    const listed = await k.call('GET', '/api/admin/users', { token: admin });
    const signIn = await k.call('POST', '/api/login', {
      body: { username: 'sup2', password: 'long enough' },
    });

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'sup2',
      displayName: 'Sue',
      role: 'supervisor',
      agentId: null,
      createdAt: k.clock.now(),
    });
    expect(listed.body.map((u: { username: string }) => u.username)).toContain('sup2');
    expect(JSON.stringify(listed.body)).not.toMatch(/argon2|passwordHash/);
    expect(signIn.status).toBe(200);
  });

  it('refuses a taken username, an unknown agent and an agent that has a user', async () => {
    const k = await apiKit();
    const admin = await k.login('admin');
    const agentUser = { ...newSupervisor, username: 'agent9', role: 'agent' };

    const taken = await k.call('POST', '/api/admin/users', {
      token: admin,
      body: { ...newSupervisor, username: 'SUP' },
    });
    const unknown = await k.call('POST', '/api/admin/users', {
      token: admin,
      body: { ...agentUser, agentId: 'a9' },
    });
    const linked = await k.call('POST', '/api/admin/users', {
      token: admin,
      body: { ...agentUser, agentId: 'a1' },
    });

    expect([taken.status, taken.body.code]).toEqual([409, 'username_taken']);
    expect([unknown.status, unknown.body.code]).toEqual([422, 'unknown_agent']);
    expect([linked.status, linked.body.code]).toEqual([409, 'agent_taken']);
  });

  it('refuses a short password, a control character in the name and unknown fields', async () => {
    const k = await apiKit();
    const admin = await k.login('admin');
    const before = k.fingerprint();

    const res = await k.call('POST', '/api/admin/users', {
      token: admin,
      body: { ...newSupervisor, password: 'short', displayName: 'Sue\u0007', isAdmin: true },
    });

    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body',
      'body.displayName',
      'body.password',
    ]);
    expect(k.fingerprint()).toBe(before);
  });

  it('removes a user: its sessions end, its sockets close, its agent leaves the center', async () => {
    const k = await apiKit();
    const admin = await k.login('admin');
    const token = await k.login('agent1');
    k.ready('a1');
    const socket = socketOf(k, k.api.sessions.resolve(token)!);
    const id = k.store.findUserByUsername('agent1')!.id;

    const res = await k.call('DELETE', `/api/admin/users/${id}`, { token: admin });

    expect(res.status).toBe(204);
    expect((await k.call('GET', '/api/session', { token })).status).toBe(401);
    expect(socket.closed).toBe(1008);
    expect(k.center.agentStatus('a1').presence).toBe('loggedOut');
    expect((await k.call('GET', '/api/admin/users', { token: admin })).body).toHaveLength(4);
  });

  it('refuses to remove the admin itself, and answers 404 for an unknown user', async () => {
    const k = await apiKit();
    const admin = await k.login('admin');
    const self = k.store.findUserByUsername('admin')!.id;

    const own = await k.call('DELETE', `/api/admin/users/${self}`, { token: admin });
    const unknown = await k.call('DELETE', '/api/admin/users/u404', { token: admin });

    expect([own.status, own.body.code]).toEqual([409, 'cannot_delete_self']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknown_user']);
  });

  it('always keeps an admin: the second-to-last may go, the last cannot remove itself', async () => {
    const k = await apiKit();
    const admin = await k.login('admin');
    await k.call('POST', '/api/admin/users', {
      token: admin,
      body: { ...newSupervisor, username: 'root2', role: 'admin', password },
    });
    const second = await k.login('root2');
    const first = await k.call(
      'DELETE',
      `/api/admin/users/${k.store.findUserByUsername('admin')!.id}`,
      {
        token: second,
      },
    );

    const last = await k.call(
      'DELETE',
      `/api/admin/users/${k.store.findUserByUsername('root2')!.id}`,
      {
        token: second,
      },
    );

    expect(first.status).toBe(204);
    expect([last.status, last.body.code]).toEqual([409, 'cannot_delete_self']);
    expect(k.store.listUsers().filter((u) => u.role === 'admin')).toHaveLength(1);
  });
});

describe('ending sessions', () => {
  it("ends every session of a user and closes its sockets, and no one else's", async () => {
    const k = await apiKit();
    const admin = await k.login('admin');
    const phone = (await k.call('POST', '/api/login', { body: { username: 'sup', password } })).body
      .token as string;
    const desk = await k.login('sup');
    const other = await k.login('agent1');
    const supSocket = socketOf(k, k.api.sessions.resolve(desk)!);
    const agentSocket = socketOf(k, k.api.sessions.resolve(other)!);
    const id = k.store.findUserByUsername('sup')!.id;

    const res = await k.call('DELETE', `/api/admin/users/${id}/sessions`, { token: admin });

    expect(res.body).toEqual({ userId: id, sessions: 2, sockets: 1 });
    expect((await k.call('GET', '/api/session', { token: phone })).status).toBe(401);
    expect((await k.call('GET', '/api/session', { token: desk })).status).toBe(401);
    expect((await k.call('GET', '/api/session', { token: other })).status).toBe(200);
    expect([supSocket.closed, agentSocket.closed]).toEqual([1008, null]);
  });

  it('on logout, ends only the session presented and its sockets', async () => {
    const k = await apiKit();
    const first = await k.login('agent2');
    const second = (await k.call('POST', '/api/login', { body: { username: 'agent2', password } }))
      .body.token as string;
    const firstSocket = socketOf(k, k.api.sessions.resolve(first)!);
    const secondSocket = socketOf(k, k.api.sessions.resolve(second)!);

    await k.call('POST', '/api/logout', { token: first });

    expect((await k.call('GET', '/api/session', { token: first })).status).toBe(401);
    expect((await k.call('GET', '/api/session', { token: second })).status).toBe(200);
    expect([firstSocket.closed, secondSocket.closed]).toEqual([1008, null]);
  });

  it('closes sockets whose session expired at the next sweep', async () => {
    const k = await apiKit();
    const socket = socketOf(k, k.api.sessions.resolve(await k.login('sup'))!);

    k.advance(12 * 3_600_000);
    const closed = k.api.sweepLive();

    expect([closed, socket.closed]).toEqual([1, 1008]);
  });
});
