/**
 * Signing in and out. A login answers with the token in the body (for API
 * clients) and sets it as an httpOnly, SameSite=Lax cookie, Secure over
 * TLS (for browsers); repeated failures for a username or from an address
 * are throttled. Logout ends whichever session the caller presented, and
 * closes the live sockets opened with it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { authorize } from '../../auth/authorize.js';
import { Role } from '../../store/store.js';
import type { ApiApp, RouteDeps } from '../api-app.js';
import type { AppEnv } from '../app-env.js';
import { guard, sessionCookie } from '../authenticate.js';
import { cameOverTls } from '../client-address.js';
import { sameSiteOnly } from '../cross-site.js';
import { policyViolationCode } from '../live/live-hub.js';
import { HttpProblem, problemResponses } from '../problem.js';
import { json, jsonBody, signedIn } from './route-parts.js';

const Credentials = z
  .strictObject({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(200),
  })
  .openapi('Credentials');

const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  agentId: z.string().nullable(),
});

const SignedIn = z
  .object({ token: z.string(), expiresAt: z.number(), user: SessionUser })
  .openapi('SignedIn');

const Whoami = z
  .object({
    kind: z.enum(['user', 'customer']),
    user: SessionUser.nullable(),
    contactId: z.string().nullable(),
  })
  .openapi('Whoami');

function loginRoute(deps: RouteDeps) {
  return createRoute({
    method: 'post',
    path: '/api/login',
    tags: ['session'],
    summary: 'Sign in: a bearer token in the body and a session cookie',
    description:
      `After ${deps.security.loginMaxFailures} failures for one username, or ` +
      `${deps.security.loginMaxFailuresPerAddress} from one address, further tries get 429 ` +
      'with Retry-After, the wait doubling with each failure. A login another site submits is refused.',
    middleware: [sameSiteOnly(deps.security.corsOrigins)],
    request: { body: jsonBody(Credentials) },
    responses: { 200: json(SignedIn, 'Signed in.'), ...problemResponses(400, 401, 403, 429) },
  });
}

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/logout',
  tags: ['session'],
  summary: 'End the session presented (cookie or bearer) and close its live sockets',
  security: signedIn,
  middleware: [guard('session.end')],
  responses: { 204: { description: 'Signed out.' }, ...problemResponses(401) },
});

const whoamiRoute = createRoute({
  method: 'get',
  path: '/api/session',
  tags: ['session'],
  summary: 'Who the presented credentials stand for',
  security: signedIn,
  middleware: [guard('session.read')],
  responses: { 200: json(Whoami, 'The caller.'), ...problemResponses(401) },
});

export function registerSessionRoutes(app: ApiApp, deps: RouteDeps): void {
  app.openapi(loginRoute(deps), async function login(c) {
    const { username, password } = c.req.valid('json');
    const address = deps.clientAddress(c);

    const attempt = deps.throttle.attempt(username, address);
    if (attempt.kind === 'throttled') {
      // Never the username: people type their password into it by mistake.
      deps.logger.warn({ reqId: c.get('requestId'), address }, 'sign-in throttled');
      throw HttpProblem.tooMany(
        'too_many_attempts',
        'too many failed sign-ins; wait before trying again',
        attempt.retryAfterMs,
      );
    }
    let issued: Awaited<ReturnType<typeof deps.sessions.login>> = null;
    try {
      issued = await deps.sessions.login(username, password);
    } finally {
      attempt.finish(issued !== null);
    }
    if (!issued || issued.principal.kind !== 'user') {
      throw new HttpProblem(401, 'invalid_credentials', 'unknown username or wrong password');
    }
    const user = deps.store.getUser(issued.principal.userId)!;

    setCookie(c, sessionCookie, issued.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookie(c, deps),
      path: '/',
      maxAge: Math.floor(deps.sessions.userTtlMs / 1000),
    });
    const { id, displayName, role, agentId } = user;
    return c.json(
      {
        token: issued.token,
        expiresAt: issued.expiresAt,
        user: { id, username: user.username, displayName, role, agentId },
      },
      200,
    );
  });

  app.openapi(logoutRoute, function logout(c) {
    const p = authorize(c.get('principal'), 'session.end');

    deps.sessions.end(p);
    deps.hub.closeWhere((q) => q.tokenHash === p.tokenHash, policyViolationCode, 'signed out');

    deleteCookie(c, sessionCookie, { path: '/', secure: secureCookie(c, deps) });
    return c.body(null, 204);
  });

  app.openapi(whoamiRoute, function whoami(c) {
    const p = authorize(c.get('principal'), 'session.read');

    if (p.kind === 'customer')
      return c.json({ kind: 'customer' as const, user: null, contactId: p.contactId }, 200);
    const user = deps.store.getUser(p.userId)!;
    const { id, username, displayName, role, agentId } = user;
    return c.json(
      {
        kind: 'user' as const,
        user: { id, username, displayName, role, agentId },
        contactId: null,
      },
      200,
    );
  });
}

/** Secure when the operator says TLS is in front, or this request came over it. */
function secureCookie(c: Context<AppEnv>, deps: RouteDeps): boolean {
  return deps.security.secureCookies || cameOverTls(c, deps.security.trustProxyHops);
}
