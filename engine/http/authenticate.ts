/**
 * Finds who is calling: a bearer token (API clients, customers) or the
 * session cookie (browsers). The principal is put on the context, or null;
 * `guard` then refuses the routes a principal may not use. A cookie on a
 * state-changing request from another site is refused outright (CSRF):
 * this middleware runs before every route and the WebSocket handshake.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AccessDenied } from '../auth/access-denied.js';
import { authorize, type Permission } from '../auth/authorize.js';
import type { Sessions } from '../auth/sessions.js';
import type { AppEnv } from './app-env.js';
import { changesState, fromAnotherSite } from './cross-site.js';

export const sessionCookie = 'sb_session';

const tokenShape = /^[A-Za-z0-9_-]{20,200}$/;

export function authenticate(sessions: Sessions): MiddlewareHandler<AppEnv> {
  return async function authenticateCaller(c, next) {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+([A-Za-z0-9_-]{20,200})$/i)?.[1];
    const cookie = bearer ? undefined : getCookie(c, sessionCookie);
    if (cookie && changesState(c) && fromAnotherSite(c)) {
      throw new AccessDenied('forbidden', 'a session cookie cannot change state from another site');
    }

    // A cookie of the wrong shape was not issued here: not worth a lookup.
    const token = bearer ?? (cookie && tokenShape.test(cookie) ? cookie : undefined);
    c.set('principal', token ? sessions.resolve(token) : null);
    await next();
  };
}

/** Route middleware: the caller must hold `permission` (401/403 otherwise). */
export function guard(
  permission: Exclude<Permission, 'contact.create'>,
): MiddlewareHandler<AppEnv> {
  return async function guardRoute(c, next) {
    authorize(c.get('principal'), permission);
    await next();
  };
}
