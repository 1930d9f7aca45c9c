/**
 * User management (admins only): list users, add one, remove one, and end
 * every session of a user at once. Removing a user or its sessions also
 * closes the live sockets they opened; every change is written to the
 * audit log.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.js';
import { createUser } from '../../auth/create-user.js';
import { EngineError } from '../../errors.js';
import { Role } from '../../store/store.js';
import type { ApiApp, RouteDeps } from '../api-app.js';
import { guard } from '../authenticate.js';
import { freeText } from '../free-text.js';
import { policyViolationCode } from '../live/live-hub.js';
import { HttpProblem, problemResponses } from '../problem.js';
import { UserView, userView } from '../views/user-view.js';
import { UserParams, json, jsonBody, signedIn } from './route-parts.js';

const NewUser = z
  .strictObject({
    username: z
      .string()
      .min(2)
      .max(64)
      .regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits and _ . @ - only'),
    displayName: freeText({ max: 200 }),
    role: Role,
    /** The engine agent an agent user acts as; null for other roles. */
    agentId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_.:-]+$/)
      .nullable()
      .default(null),
    password: z.string().min(8).max(200),
  })
  .refine((u) => (u.role === 'agent') === (u.agentId !== null), {
    message: 'an agent user needs an agentId; other roles have none',
    path: ['agentId'],
  })
  .openapi('NewUser');

const Revoked = z
  .object({ userId: z.string(), sessions: z.number().int(), sockets: z.number().int() })
  .openapi('RevokedSessions');

const adminOnly = { tags: ['admin'], security: signedIn, middleware: [guard('users.manage')] };

const listRoute = createRoute({
  method: 'get',
  path: '/api/admin/users',
  summary: 'Every user (never a password hash)',
  ...adminOnly,
  responses: { 200: json(z.array(UserView), 'All users.'), ...problemResponses(401, 403) },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/api/admin/users',
  summary: 'Add a user; an agent user is linked to one engine agent',
  ...adminOnly,
  request: { body: jsonBody(NewUser) },
  responses: {
    201: json(UserView, 'The new user.'),
    ...problemResponses(400, 401, 403, 409, 422),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/admin/users/{id}',
  summary: 'Remove a user: its sessions end, its agent is logged out of the center',
  ...adminOnly,
  request: { params: UserParams },
  responses: {
    204: { description: 'Removed.' },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/api/admin/users/{id}/sessions',
  summary: 'End every session of a user and close its live sockets',
  ...adminOnly,
  request: { params: UserParams },
  responses: {
    200: json(Revoked, 'How many sessions and sockets were ended.'),
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerAdminUserRoutes(app: ApiApp, deps: RouteDeps): void {
  const known = (id: string) => {
    const user = deps.store.getUser(id);
    if (!user) throw new HttpProblem(404, 'unknown_user', `no user ${id}`);
    return user;
  };
  const closeSockets = (userId: string, reason: string) =>
    deps.hub.closeWhere(
      (q) => q.kind === 'user' && q.userId === userId,
      policyViolationCode,
      reason,
    );

  app.openapi(listRoute, function listUsers(c) {
    return c.json(deps.store.listUsers().map(userView), 200);
  });

  app.openapi(createUserRoute, async function addUser(c) {
    const p = authorize(c.get('principal'), 'users.manage');
    const input = c.req.valid('json');
    const taken = () => deps.store.findUserByUsername(input.username) !== null;
    if (taken()) throw new HttpProblem(409, 'username_taken', `${input.username} is taken`);
    if (input.agentId !== null) {
      if (!deps.center.agentIds().includes(input.agentId)) {
        throw new HttpProblem(422, 'unknown_agent', `no agent ${input.agentId} in the center`);
      }
      if (deps.store.listUsers().some((u) => u.agentId === input.agentId)) {
        throw new HttpProblem(409, 'agent_taken', `agent ${input.agentId} has a user already`);
      }
    }

    let user;
    try {
      user = await createUser(deps.store, deps.hasher, input);
    } catch (err) {
      // Another request took the name while the password was hashing.
      if (taken()) throw new HttpProblem(409, 'username_taken', `${input.username} is taken`);
      throw err;
    }

    const { username, role, agentId } = user;
    deps.audit(p, 'user.create', user.id, { username, role, agentId });
    return c.json(userView(user), 201);
  });

  app.openapi(deleteRoute, function removeUser(c) {
    const p = authorize(c.get('principal'), 'users.manage');
    const user = known(c.req.valid('param').id);
    // Only admins get here, so refusing their own removal keeps one admin.
    if (p.kind === 'user' && p.userId === user.id) {
      throw new HttpProblem(409, 'cannot_delete_self', 'an admin cannot remove itself');
    }

    deps.store.deleteUser(user.id);
    const sockets = closeSockets(user.id, 'user removed');
    // Nobody is at that desk any more: offers must not ring there.
    let loggedOut = false;
    if (user.agentId !== null) {
      try {
        deps.center.logout(user.agentId);
        loggedOut = true;
      } catch (err) {
        if (!(err instanceof EngineError)) throw err;
      }
    }

    const { username, role, agentId } = user;
    deps.audit(p, 'user.delete', user.id, { username, role, agentId, sockets, loggedOut });
    return c.body(null, 204);
  });

  app.openapi(revokeRoute, function revokeSessions(c) {
    const p = authorize(c.get('principal'), 'users.manage');
    const user = known(c.req.valid('param').id);

    const sessions = deps.sessions.revokeUser(user.id);
    const sockets = closeSockets(user.id, 'sessions revoked');

    deps.audit(p, 'user.sessions_revoke', user.id, { sessions, sockets });
    return c.json({ userId: user.id, sessions, sockets }, 200);
  });
}
