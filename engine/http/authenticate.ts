/**
 * Finds who is calling: a bearer token (API clients, customers) or the
 * session cookie (browsers). The principal is put on the context, or null;
 * `guard` then refuses the routes a principal may not use.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AccessDenied } from '../auth/access-denied.js';
import { authorize, type Permission } from '../auth/authorize.js';
import type { Sessions } from '../auth/sessions.js';
import type { AppEnv } from './app-env.js';

export const sessionCookie = 'sb_session';

export function authenticate(sessions: Sessions): MiddlewareHandler<AppEnv> {
  return async function authenticateCaller(c, next) {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+([A-Za-z0-9_-]{20,200})$/i)?.[1];
    const cookie = bearer ? undefined : getCookie(c, sessionCookie);
    if (cookie && crossSiteChange(c)) {
      throw new AccessDenied('forbidden', 'a session cookie cannot change state from another site');
    }

    const token = bearer ?? cookie;
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

/**
 * Cookies ride along on requests other sites make. SameSite=Lax already
 * keeps them off cross-site POSTs and sockets in current browsers; this
 * refuses what slips through (same-site subdomains, older browsers). Hosts
 * are compared, not schemes, so a TLS-terminating proxy does not trip it.
 */
function crossSiteChange(c: Context<AppEnv>): boolean {
  // A WebSocket handshake is a GET, but opens a channel to the user's data.
  const upgrade = c.req.header('upgrade')?.toLowerCase() === 'websocket';
  if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method) && !upgrade) return false;
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== c.req.header('host');
  } catch {
    return true;
  }
}
