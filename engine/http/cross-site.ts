/**
 * Telling requests a browser sent on another site's behalf (CSRF). Cookies
 * ride along on those; SameSite=Lax keeps them off cross-site POSTs and
 * sockets in current browsers, and these checks refuse what slips through
 * (same-site subdomains, older browsers). hono/csrf is not used: it only
 * looks at form content types, compares schemes (which a TLS-terminating
 * proxy changes) and knows nothing of WebSocket handshakes.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AccessDenied } from '../auth/access-denied.js';
import type { AppEnv } from './app-env.js';

/** Whether the request changes state, or opens a live channel to the user's data. */
export function changesState(c: Context<AppEnv>): boolean {
  // A WebSocket handshake is a GET, but what it opens is not read-only.
  const upgrade = c.req.header('upgrade')?.toLowerCase() === 'websocket';
  return upgrade || !/^(GET|HEAD|OPTIONS)$/.test(c.req.method);
}

/**
 * Whether a browser says it sent this from another site. Hosts are
 * compared, not schemes, so a TLS-terminating proxy does not trip it;
 * clients that are not browsers send neither header and pass.
 */
export function fromAnotherSite(c: Context<AppEnv>): boolean {
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

/**
 * Route middleware for signing in: refuses a login another site submits
 * (which would sign the victim in as the attacker), unless that site is
 * one the operator listed for CORS.
 */
export function sameSiteOnly(trustedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  return async function refuseOtherSites(c, next) {
    const origin = c.req.header('origin');
    if (fromAnotherSite(c) && !(origin && trustedOrigins.includes(origin))) {
      throw new AccessDenied('forbidden', 'sign in from this site');
    }
    await next();
  };
}
