/**
 * Cross-origin calls (hono/cors), off unless origins are configured. Listed
 * origins may call the API with a bearer token; cookies are never allowed
 * across origins (no Access-Control-Allow-Credentials), so a session
 * cookie only ever works from the server's own pages.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export function corsPolicy(origins: readonly string[]): MiddlewareHandler {
  return cors({
    origin: [...origins],
    allowMethods: ['GET', 'POST', 'DELETE'],
    allowHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposeHeaders: ['retry-after', 'x-request-id'],
    credentials: false,
    maxAge: 600,
  });
}
